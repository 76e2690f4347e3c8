using Bots.QuestionAnswering;
using Bots.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotsDefaults("Bots.QuestionAnswering");
builder.AddQuestionAnswering();

var app = builder.Build();
app.MapBotsDefaults();
app.MapQuestionAnswering();
app.Run();
