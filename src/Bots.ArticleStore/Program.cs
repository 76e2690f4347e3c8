using Bots.ArticleStore;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.ArticleStore");
builder.AddArticleStore();

var app = builder.Build();
app.MapBotsDefaults(Bots.Contracts.V1.ArticleStore.Descriptor.FullName);
app.MapArticleStore();
app.Run();
