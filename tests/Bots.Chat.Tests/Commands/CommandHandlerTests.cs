using Bots.Chat.Backends;
using Bots.Chat.Commands;
using Bots.Chat.Tests.Support;
using Bots.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Tests.Commands;

public class CommandHandlerTests
{
    private readonly StandInBackends _backends = new();

    [Fact]
    public async Task Ask_WhenAnswered_GivesShortAnswerEvidenceAndSourceWithDate()
    {
        var reply = await HandleAsync("/ask When did Abbas visit Moscow?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("12–14 August 2024", reply.Headline);
        Assert.Contains("12 to 14 August 2024", reply.Evidence);
        var source = Assert.Single(reply.Sources);
        Assert.Equal("Global Times", source.Publisher);
        Assert.Equal("2024-08-13", source.Published);
    }

    [Fact]
    public async Task PlainText_IsAQuestion()
    {
        var reply = await HandleAsync("When did Abbas visit Moscow?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("When did Abbas visit Moscow?", Assert.Single(_backends.Questions).Question);
    }

    [Fact]
    public async Task Ask_WhenDeclined_SaysWhatTheArticlesCover()
    {
        _backends.Ask = _ => Task.FromResult(Answers.Declined());

        var reply = await HandleAsync("/ask What did Elon Musk say?");

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        var text = string.Join(" ", reply.Lines.Select(l => l.Text));
        Assert.Contains("No article mentions Elon Musk", text);
        Assert.Contains("120 articles from Global Times, BBC", text);
        Assert.Contains("1 Aug 2024 – 31 Aug 2024", text);
        Assert.Contains(reply.Sources, s => s.Title.Contains("Ceasefire talks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_WhenDeclinedAndStoreDown_StillDeclinesWithTheServiceMessage()
    {
        _backends.Ask = _ => Task.FromResult(Answers.Declined());
        _backends.GetStats = () => throw StandInBackends.Down();

        var reply = await HandleAsync("/ask What did Elon Musk say?");

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        Assert.Contains(reply.Lines, l => l.Text.Contains("No article mentions Elon Musk", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StatusCode.Unavailable, "question-answering service is not reachable")]
    [InlineData(StatusCode.DeadlineExceeded, "question-answering service is not reachable")]
    [InlineData(StatusCode.Internal, "question-answering service failed")]
    [InlineData(StatusCode.InvalidArgument, "could not take that request: boom")]
    public async Task Ask_WhenBackendFails_ApologisesNamingTheService(StatusCode status, string expected)
    {
        _backends.Ask = _ => throw new RpcException(new Status(status, "boom"));

        var reply = await HandleAsync("/ask When did Abbas visit Moscow?");

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.Lines[0].Text);
    }

    [Fact]
    public async Task UnexpectedFailure_StillGetsAReply()
    {
        _backends.Timeline = _ => throw new InvalidOperationException("bug");

        var reply = await HandleAsync("/timeline Abbas");

        Assert.True(reply.IsError);
        Assert.Contains("something went wrong on my side", reply.Lines[0].Text);
    }

    [Fact]
    public async Task Summary_WhenSummariserDown_NamesTheSummariser()
    {
        _backends.SummarizeTopic = _ => throw StandInBackends.Down();

        var reply = await HandleAsync("/summary Abbas");

        Assert.True(reply.IsError);
        Assert.Contains("summariser is not reachable", reply.Lines[0].Text);
    }

    [Fact]
    public async Task Ask_FollowUp_SendsThePreviousExchange()
    {
        await HandleAsync("When did Abbas visit Moscow?");

        await HandleAsync("And whom did he meet?");

        var followUp = _backends.Questions[1];
        Assert.Equal("When did Abbas visit Moscow?", followUp.PreviousQuestion);
        Assert.Equal("12–14 August 2024", followUp.PreviousAnswer);
    }

    [Fact]
    public async Task Ask_WithoutQuestion_ExplainsUsage()
    {
        var reply = await HandleAsync("/ask");

        Assert.True(reply.IsError);
        Assert.Contains("/ask When did Abbas visit Moscow?", reply.Lines[0].Text);
        Assert.Empty(_backends.Questions);
    }

    [Fact]
    public async Task Ask_OverTheRateLimit_RepliesPolitelyWithoutAsking()
    {
        var handler = NewHandler(2);
        await handler.HandleAsync(Request("q1?"), CancellationToken.None);
        await handler.HandleAsync(Request("q2?"), CancellationToken.None);

        var reply = await handler.HandleAsync(Request("q3?"), CancellationToken.None);

        Assert.Equal(ReplyKind.RateLimited, reply.Kind);
        Assert.Contains("Please ask again in", reply.Lines[0].Text);
        Assert.Equal(2, _backends.Questions.Count);
    }

    [Fact]
    public async Task RateLimit_IsPerUser()
    {
        var handler = NewHandler(1);
        await handler.HandleAsync(Request("q1?", "telegram:1"), CancellationToken.None);

        var other = await handler.HandleAsync(Request("q1?", "telegram:2"), CancellationToken.None);

        Assert.Equal(ReplyKind.Answer, other.Kind);
    }

    [Fact]
    public async Task Summary_NumbersSentencesBySource()
    {
        var reply = await HandleAsync("/summary Abbas visit");

        Assert.Equal(ReplyKind.Summary, reply.Kind);
        Assert.Equal("Summary: Abbas visit", reply.Headline);
        Assert.All(reply.Lines, l => Assert.Equal(1, l.Source));
        Assert.Single(reply.Sources);
    }

    [Fact]
    public async Task Summary_WhenNothingFound_Declines()
    {
        _backends.SummarizeTopic = _ => Task.FromResult(new Summary());

        var reply = await HandleAsync("/summary quantum gravity");

        Assert.Equal(ReplyKind.Declined, reply.Kind);
        Assert.Contains("quantum gravity", reply.Headline);
    }

    [Fact]
    public async Task Timeline_LabelsEventsWithReadableDates()
    {
        var reply = await HandleAsync("/timeline Abbas");

        Assert.Equal(ReplyKind.Timeline, reply.Kind);
        Assert.Equal(["12 Aug 2024", "13 Aug 2024"], reply.Lines.Select(l => l.Label));
    }

    [Fact]
    public async Task Sources_ListsCountsPerPublisher()
    {
        var reply = await HandleAsync("/sources");

        Assert.Equal(ReplyKind.Sources, reply.Kind);
        Assert.Contains(reply.Lines, l => l.Label == "Global Times" && l.Text == "80 articles");
    }

    [Theory]
    [InlineData("/article abc")]
    [InlineData("/article -3")]
    [InlineData("/article")]
    public async Task Article_WithBadId_ExplainsHowToFindOne(string text)
    {
        var reply = await HandleAsync(text);

        Assert.True(reply.IsError);
        Assert.Contains("/article 42", reply.Lines[0].Text);
    }

    [Fact]
    public async Task Article_WhenMissing_SaysSo()
    {
        _backends.GetArticle = _ => throw new RpcException(new Status(StatusCode.NotFound, "no article 99"));

        var reply = await HandleAsync("/article 99");

        Assert.Contains("There is no article 99", reply.Lines[0].Text);
    }

    [Fact]
    public async Task Article_ShowsTitleSummaryAndSource()
    {
        var reply = await HandleAsync("/article 7");

        Assert.Equal(ReplyKind.Article, reply.Kind);
        Assert.Equal("Abbas arrives in Moscow", reply.Headline);
        Assert.Equal(2, reply.Lines.Count);
        Assert.Single(reply.Sources);
    }

    [Fact]
    public async Task UnknownCommand_PointsToHelp()
    {
        var reply = await HandleAsync("/weather");

        Assert.Contains("/help", reply.Lines[0].Text);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var reply = await HandleAsync("/help");

        foreach (var (name, _, _) in ChatCommands.All)
        {
            Assert.Contains(reply.Lines, l => l.Label?.StartsWith("/" + name, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task Suggest_WhenStoreDown_ReturnsNothing()
    {
        _backends.Suggest = (_, _) => throw StandInBackends.Down();

        var suggestions = await Handler().SuggestAsync("Ab", 25, CancellationToken.None);

        Assert.Empty(suggestions);
    }

    private Task<ChatReply> HandleAsync(string text) => Handler().HandleAsync(Request(text), CancellationToken.None);

    private static ChatRequest Request(string text, string user = "test:1") => ChatRequest.Parse(user, text, out _);

    private CommandHandler? _shared;

    private CommandHandler Handler() => _shared ??= NewHandler(10);

    private CommandHandler NewHandler(int perMinute) => new(
        _backends,
        new UserRateLimiter(perMinute, TimeProvider.System),
        new ConversationMemory(TimeProvider.System),
        Options.Create(new ChatOptions { QuestionsPerMinute = perMinute }),
        NullLogger<CommandHandler>.Instance);
}
