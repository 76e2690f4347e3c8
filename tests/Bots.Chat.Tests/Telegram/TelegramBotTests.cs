using System.Diagnostics;
using System.Net;
using System.Text;
using Bots.Chat.Tests.Support;
using Bots.Contracts.V1;
using Bots.StandIns;
using Bots.Testing;

namespace Bots.Chat.Tests.Telegram;

/// <summary>The chat app against the stand-in Bot API server, long polling unless a test says otherwise.</summary>
public sealed class TelegramBotTests : IAsyncLifetime
{
    private const long Reader = 4_000_000_001;
    private const long Group = -1_001_234_567_890;
    private readonly StandInBackends _backends = new();
    private readonly TempDir _data = new();
    private TelegramBotApiStandIn _telegram = null!;
    private ChatApp? _app;

    public async Task InitializeAsync() => _telegram = await TelegramBotApiStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _telegram.DisposeAsync();
        await _backends.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Startup_RegistersTheCommands()
    {
        await StartAppAsync();

        await Eventually.WaitUntilAsync(() => _telegram.Commands is not null);

        var names = _telegram.Commands!.Select(c => c!["command"]!.GetValue<string>()).ToList();
        Assert.Equal(["ask", "summary", "timeline", "sources", "article", "help", "start"], names);
    }

    [Fact]
    public async Task Start_RepliesWithWelcome()
    {
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "/start");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Contains("Hello!", reply.VisibleText);
        Assert.Equal(1, reply.ReplyToMessageId);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "/help");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Contains("/ask <question>", reply.VisibleText);
        Assert.Contains("/summary <topic>", reply.VisibleText);
        Assert.Contains("<b>/timeline &lt;topic&gt;</b>", reply.Text);
    }

    [Fact]
    public async Task PlainQuestion_IsAnsweredInHtmlAsAReplyWithSourceLinkAndDate()
    {
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "When did Abbas visit Moscow?");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Equal("HTML", reply.ParseMode);
        Assert.Equal(1, reply.ReplyToMessageId);
        Assert.StartsWith("<b>12–14 August 2024</b>", reply.Text);
        Assert.Contains("<i>“Palestinian President Mahmoud Abbas is on a visit to Moscow", reply.Text);
        Assert.Contains(
            "<a href=\"https://www.globaltimes.cn/page/202408/1317999.shtml?a=1&amp;b=2\">Abbas &lt;arrives&gt; in Moscow &amp; meets &quot;Putin&quot;</a> — Global Times, 13 Aug 2024",
            reply.Text);
        Assert.Contains("Abbas <arrives> in Moscow & meets \"Putin\"", reply.VisibleText);
        Assert.True(_telegram.ChatActionsIn(Reader) >= 1, "a typing action was shown");
    }

    [Fact]
    public async Task Declined_ReplySaysWhatTheArticlesCover()
    {
        _backends.Ask = _ => Task.FromResult(Answers.Declined());
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "What did Elon Musk say?");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Contains("No article mentions Elon Musk", reply.VisibleText);
        Assert.Contains("I have read 120 articles from Global Times, BBC", reply.VisibleText);
    }

    [Fact]
    public async Task Declined_Repeatedly_CountsTheCollectionOncePerCorpusVersion()
    {
        var counted = 0;
        var version = 7L;
        _backends.Ask = _ => Task.FromResult(Answers.Declined());
        _backends.CorpusVersion = () => Interlocked.Read(ref version);
        _backends.GetStats = () =>
        {
            Interlocked.Increment(ref counted);
            var stats = Answers.Stats();
            stats.Version = Interlocked.Read(ref version);
            return Task.FromResult(stats);
        };
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "What did Elon Musk say?");
        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 1);
        _telegram.SendUserMessage(Reader, "What did Elon Musk buy?");
        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 2);
        var countedBeforeNewArticles = Volatile.Read(ref counted);
        Interlocked.Exchange(ref version, 8);
        _telegram.SendUserMessage(Reader, "What did Elon Musk sell?");
        var replies = await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 3);

        Assert.Equal(1, countedBeforeNewArticles);
        Assert.Equal(2, Volatile.Read(ref counted));
        Assert.All(replies, r => Assert.Contains("I have read 120 articles", r.VisibleText));
    }

    [Fact]
    public async Task Group_AskAddressedToTheBot_IsAnswered_OtherChatterIgnored()
    {
        await StartAppAsync();

        _telegram.SendUserMessage(Group, "Did anyone see the news?", "supergroup", fromId: 11);
        _telegram.SendUserMessage(Group, "/ask@other_bot When did Abbas visit Moscow?", "supergroup", fromId: 11);
        _telegram.SendUserMessage(Group, "/weather", "supergroup", fromId: 11);
        var asked = _telegram.SendUserMessage(Group, "/ask@news_bot When did Abbas visit Moscow?", "supergroup", fromId: 12);

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Group));
        Assert.Equal(4, reply.ReplyToMessageId);
        Assert.StartsWith("<b>12–14 August 2024</b>", reply.Text);
        Assert.Single(_backends.Questions);
        Assert.True(asked > 0);
    }

    [Fact]
    public async Task Group_MentionOfTheBot_IsAQuestion()
    {
        await StartAppAsync();

        _telegram.SendUserMessage(Group, "@news_bot when did Abbas visit Moscow?", "group", fromId: 12);

        await _telegram.WaitForMessagesAsync(m => m.ChatId == Group);
        Assert.Equal("when did Abbas visit Moscow?", Assert.Single(_backends.Questions).Question);
    }

    [Fact]
    public async Task RateLimited_ByTelegram_WaitsRetryAfterAndDeliversOnce()
    {
        await StartAppAsync();
        _telegram.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        var sent = Stopwatch.StartNew();

        _telegram.SendUserMessage(Reader, "When did Abbas visit Moscow?");

        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader);
        Assert.True(sent.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {sent.Elapsed}");
        await Task.Delay(300);
        Assert.Single(_telegram.SentMessages, m => m.ChatId == Reader);
        Assert.Equal(2, _telegram.Calls.Count(c => c == "sendMessage"));
    }

    [Fact]
    public async Task ServerError_FromTelegram_IsRetriedAndDeliveredOnce()
    {
        await StartAppAsync();
        _telegram.FailNext("sendMessage", 502, "Bad Gateway");

        _telegram.SendUserMessage(Reader, "/start");

        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader);
        await Task.Delay(300);
        Assert.Single(_telegram.SentMessages, m => m.ChatId == Reader);
    }

    [Fact]
    public async Task RefusedHtml_IsSentAgainAsPlainText()
    {
        await StartAppAsync();
        _telegram.FailNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0");

        _telegram.SendUserMessage(Reader, "When did Abbas visit Moscow?");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Null(reply.ParseMode);
        Assert.StartsWith("12–14 August 2024", reply.Text);
        Assert.Contains("Abbas <arrives> in Moscow & meets \"Putin\"", reply.Text);
    }

    [Fact]
    public async Task PollingFailures_BackOffAndRecover()
    {
        _telegram.FailNext("getUpdates", 502, "Bad Gateway");
        _telegram.FailNext("getUpdates", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "/start");

        Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.True(_telegram.Calls.Count(c => c == "getUpdates") >= 3);
    }

    [Fact]
    public async Task LongAnswer_IsSplitAtSentenceBoundaries()
    {
        _backends.SummarizeTopic = _ => Task.FromResult(Answers.LongSummary(120));
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "/summary Abbas visit");

        var parts = await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 3);
        await Task.Delay(300);
        parts = _telegram.SentMessages.Where(m => m.ChatId == Reader).ToList();
        Assert.All(parts, p => Assert.True(p.VisibleText.Length <= 4096));
        Assert.All(parts.SkipLast(1), p => Assert.Matches(@"here\. \[1\]$", p.VisibleText));
        Assert.Equal(1, parts[0].ReplyToMessageId);
        var all = string.Join("\n", parts.Select(p => p.VisibleText));
        Assert.All(Enumerable.Range(1, 120), i => Assert.Contains($"Sentence number {i} explains", all));
    }

    [Fact]
    public async Task BackendDown_RepliesWithAnApologyNamingIt()
    {
        await StartAppAsync(("Services:QuestionAnswering", FreePort.DeadAddress()));

        _telegram.SendUserMessage(Reader, "When did Abbas visit Moscow?");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.Contains("Sorry, the question-answering service is not reachable right now", reply.VisibleText);
    }

    [Fact]
    public async Task TooManyQuestions_GetAPoliteLimitReply()
    {
        await StartAppAsync(("Chat:QuestionsPerMinute", "2"));

        _telegram.SendUserMessage(Reader, "q1?");
        _telegram.SendUserMessage(Reader, "q2?");
        _telegram.SendUserMessage(Reader, "q3?");

        var replies = await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 3);
        Assert.Contains("Please ask again in", replies[2].VisibleText);
        Assert.Equal(2, _backends.Questions.Count);
    }

    [Fact]
    public async Task Restart_NeitherAnswersTwiceNorSkips()
    {
        await StartAppAsync();
        var first = _telegram.SendUserMessage(Reader, "/start");
        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader);
        await _app!.DisposeAsync();
        _app = null;

        // While the bot is down a new message arrives, and Telegram offers the first one again
        // (as it does when the confirming getUpdates never came).
        var second = _telegram.SendUserMessage(Reader, "/help");
        _telegram.Redeliver(first);
        await StartAppAsync();

        var replies = await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 2);
        await Task.Delay(500);
        replies = _telegram.SentMessages.Where(m => m.ChatId == Reader).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("Hello!", replies[0].VisibleText);
        Assert.Contains("What I can do", replies[1].VisibleText);
        Assert.True(second > first);
    }

    [Fact]
    public async Task Reply_WhileAnotherUpdateIsStillBeingAnswered_ComesWithinAFractionOfASecond()
    {
        // One question hangs in the back end: its update stays in hand for the whole test.
        var hung = new TaskCompletionSource<AskResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _backends.Ask = _ => hung.Task;
        await StartAppAsync();
        _telegram.SendUserMessage(Reader, "when did Abbas visit Moscow?");
        await Eventually.WaitUntilAsync(() => _backends.Questions.Count == 1);

        // Each message goes out as soon as the last reply came: a bot that polls on a timer (or waits for the
        // hung update before its long poll can wait for new ones) answers each about one interval late.
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var chat = Reader + 1 + i;
            var clock = Stopwatch.StartNew();
            _telegram.SendUserMessage(chat, "/help");
            await _telegram.WaitForMessagesAsync(m => m.ChatId == chat);
            latencies.Add(clock.Elapsed);
        }

        hung.SetResult(Answers.Abbas());
        var median = latencies.Order().ElementAt(latencies.Count / 2);
        Assert.True(median < TimeSpan.FromMilliseconds(250), $"median reply {median.TotalMilliseconds:0} ms; all: {string.Join(", ", latencies.Select(l => l.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
    }

    [Fact]
    public async Task ManyMessagesInOneBatch_AreAnsweredConcurrently()
    {
        var slow = TimeSpan.FromMilliseconds(400);
        _backends.Ask = async _ =>
        {
            await Task.Delay(slow);
            return Answers.Abbas();
        };
        const int Readers = 10;
        for (var i = 0; i < Readers; i++)
        {
            _telegram.SendUserMessage(Reader + i, "when did Abbas visit Moscow?");
        }

        var clock = Stopwatch.StartNew();
        await StartAppAsync();
        await _telegram.WaitForMessagesAsync(m => m.ChatId >= Reader && m.ChatId < Reader + Readers, count: Readers);

        // One after another they would take 10 × 400 ms.
        Assert.True(clock.Elapsed < slow * (Readers / 2), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(Readers, _telegram.SentMessages.Count(m => m.ChatId >= Reader && m.ChatId < Reader + Readers));
    }

    [Fact]
    public async Task MessagesOfOneChat_AreAnsweredInOrderEvenWhenTheFirstIsSlowest()
    {
        _backends.Ask = async request =>
        {
            await Task.Delay(request.Question.Contains("first", StringComparison.Ordinal) ? 500 : 0);
            return new AskResponse(Answers.Abbas()) { Answer = request.Question };
        };
        await StartAppAsync();

        _telegram.SendUserMessage(Reader, "first question?");
        _telegram.SendUserMessage(Reader, "second question?");
        _telegram.SendUserMessage(Reader, "third question?");

        var replies = await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: 3);
        Assert.Equal([1L, 2L, 3L], replies.Select(r => r.ReplyToMessageId!.Value));
    }

    [Fact]
    public async Task Restart_AnswersAnUpdateThatWasConfirmedButNotAnsweredOnce()
    {
        var hung = new TaskCompletionSource<AskResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _backends.Ask = _ => hung.Task;
        await StartAppAsync();
        var update = _telegram.SendUserMessage(Reader, "when did Abbas visit Moscow?");
        await Eventually.WaitUntilAsync(() => _backends.Questions.Count == 1);
        // The next long poll confirmed it: Telegram will not offer it again.
        await Eventually.WaitUntilAsync(() => _telegram.ConfirmedOffset > update);
        await _app!.DisposeAsync();
        _app = null;
        var repliesWhileDown = _telegram.SentMessages.Count(m => m.ChatId == Reader);

        _backends.Ask = _ => Task.FromResult(Answers.Abbas());
        await StartAppAsync();

        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader, count: repliesWhileDown + 1);
        await Task.Delay(500);
        var replies = _telegram.SentMessages.Where(m => m.ChatId == Reader).ToList();
        Assert.Equal(0, repliesWhileDown);
        Assert.Single(replies);
        Assert.Contains("12–14 August 2024", replies[0].VisibleText);
    }

    [Fact]
    public async Task Ask_WithAnApiKeyConfigured_CarriesItToTheQuestionAnsweringService()
    {
        await StartAppAsync(("Bots:ApiKey", "k3y-for-services"));

        _telegram.SendUserMessage(Reader, "/ask when did Abbas visit Moscow?");
        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader);

        Assert.Equal("Bearer k3y-for-services", Assert.Single(_backends.QuestionAuthorizations));
    }

    [Theory]
    [InlineData("Telegram:Mode", "push")]
    [InlineData("Telegram:ApiBaseUrl", "api.telegram.org")]
    [InlineData("Services:QuestionAnswering", "localhost:50051")]
    [InlineData("Chat:QuestionsPerMinute", "0")]
    public async Task BadSetting_StopsStartupNamingTheKey(string key, string value)
    {
        // Options are checked at start (OptionsValidationException); service addresses already when the clients are registered.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAppAsync((key, value)));

        Assert.True(error is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException, error.ToString());
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task Webhook_OversizedBody_IsRefused()
    {
        await StartWebhookAppAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _app!.BaseUrl + "/telegram/webhook")
        {
            Content = new StringContent(new string(' ', 2 * 1024 * 1024) + UpdateJson(902, "/start"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret-value_OK");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task WithoutToken_TheChannelIsOffAndTheLogSaysSo()
    {
        _app = await ChatApp.StartAsync(_backends, new Dictionary<string, string?> { ["Bots:DataDir"] = _data.Path });

        await Eventually.WaitUntilAsync(() => _app.Logs.Any(l => l.Contains("Telegram is off", StringComparison.Ordinal)));
        Assert.Empty(_telegram.Calls);
    }

    [Fact]
    public async Task Webhook_RightSecret_IsAnsweredInTheBackground()
    {
        await StartWebhookAppAsync();

        _telegram.SendUserMessage(Reader, "When did Abbas visit Moscow?");

        var reply = Assert.Single(await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader));
        Assert.StartsWith("<b>12–14 August 2024</b>", reply.Text);
        Assert.Contains(200, _telegram.WebhookResponses);
        Assert.DoesNotContain("getUpdates", _telegram.Calls);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-secret", HttpStatusCode.Forbidden)]
    [InlineData("s3cret-value_OK-but-longer", HttpStatusCode.Forbidden)]
    public async Task Webhook_MissingOrWrongSecret_IsRefusedAndNotAnswered(string? secret, HttpStatusCode expected)
    {
        await StartWebhookAppAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _app!.BaseUrl + "/telegram/webhook")
        {
            Content = new StringContent(UpdateJson(900, "/start"), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_telegram.SentMessages);
    }

    [Fact]
    public async Task Webhook_SameUpdateTwice_IsAnsweredOnce()
    {
        await StartWebhookAppAsync();
        using var http = new HttpClient();

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _app!.BaseUrl + "/telegram/webhook")
            {
                Content = new StringContent(UpdateJson(901, "/start"), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret-value_OK");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _telegram.WaitForMessagesAsync(m => m.ChatId == Reader);
        await Task.Delay(500);
        Assert.Single(_telegram.SentMessages);
    }

    [Fact]
    public async Task Webhook_GarbageBody_IsABadRequest()
    {
        await StartWebhookAppAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _app!.BaseUrl + "/telegram/webhook")
        {
            Content = new StringContent("{not json", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret-value_OK");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string UpdateJson(long updateId, string text) =>
        $$$"""
        {"update_id":{{{updateId}}},"message":{"message_id":1,"from":{"id":{{{Reader}}},"is_bot":false,"first_name":"R"},
         "chat":{"id":{{{Reader}}},"type":"private"},"date":1723500000,"text":"{{{text}}}",
         "entities":[{"type":"bot_command","offset":0,"length":{{{text.Length}}}}]}}
        """;

    private async Task StartAppAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = _telegram.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["Bots:DataDir"] = _data.Path,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        _app = await ChatApp.StartAsync(_backends, settings);
    }

    private async Task StartWebhookAppAsync()
    {
        var port = FreePort.Next();
        _app = await ChatApp.StartAsync(
            _backends,
            new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = _telegram.Token,
                ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
                ["Telegram:Mode"] = "webhook",
                ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/webhook",
                ["Telegram:WebhookSecret"] = "s3cret-value_OK",
                ["Bots:DataDir"] = _data.Path,
            },
            port);
        await Eventually.WaitUntilAsync(() => _telegram.WebhookUrl is not null);
    }
}
