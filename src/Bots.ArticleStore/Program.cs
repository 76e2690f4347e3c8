using Bots.ArticleStore;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("article-store");
builder.AddArticleStore();

var app = builder.Build();
app.MapBotsDefaults();
app.MapArticleStore();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory-style tests.</summary>
public partial class Program;
