using Bots.ArticleStore;
using Bots.Chat;
using Bots.Contracts.V1;
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
app.MapBotsDefaults(ArticleStore.Descriptor.FullName, QuestionAnswering.Descriptor.FullName, Summarizer.Descriptor.FullName);
app.MapArticleStore();
app.MapQuestionAnswering();
app.MapSummarizer();
app.MapChat();
app.Run();
