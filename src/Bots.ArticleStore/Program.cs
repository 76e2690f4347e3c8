using Bots.ArticleStore;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.ArticleStore");
builder.AddArticleStore();

var app = builder.Build();
app.MapBotsDefaults();
app.MapArticleStore();
app.Run();
