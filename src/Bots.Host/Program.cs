using Bots.ArticleStore;
using Bots.Chat;
using Bots.Host;
using Bots.Hosting;
using Bots.QuestionAnswering;
using Bots.Summarizer;

var builder = WebApplication.CreateBuilder(args);
builder.UseThisProcessForServices();
builder.AddBotsDefaults("Bots.Host");
builder.AddArticleStore();
builder.AddQuestionAnswering();
builder.AddSummarizer();
builder.AddChat();

var app = builder.Build();
app.MapBotsDefaults();
app.MapArticleStore();
app.MapQuestionAnswering();
app.MapSummarizer();
app.MapChat();
app.Run();
