using Bots.Chat;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.Chat");
builder.AddChat();

var app = builder.Build();
app.MapBotsDefaults();
app.MapChat();
app.Run();
