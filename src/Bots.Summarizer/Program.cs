using Bots.Hosting;
using Bots.Summarizer;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.Summarizer");
builder.AddSummarizer();

var app = builder.Build();
app.MapBotsDefaults();
app.MapSummarizer();
app.Run();
