using Bots.Summarizer;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.Summarizer");
builder.AddSummarizer();

var app = builder.Build();
app.MapBotsDefaults(Bots.Contracts.V1.Summarizer.Descriptor.FullName);
app.MapSummarizer();
app.Run();
