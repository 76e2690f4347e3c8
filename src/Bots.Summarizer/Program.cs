using Bots.Summarizer;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.Summarizer");
builder.AddSummarizer();

var app = builder.Build();
app.MapBotsDefaults();
app.MapSummarizer();
app.Run();
