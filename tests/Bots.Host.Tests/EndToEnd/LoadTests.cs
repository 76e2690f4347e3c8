using System.Globalization;
using Bots.Cli.Commands;
using Bots.Cli.Load;
using Bots.Testing;

namespace Bots.Host.Tests.EndToEnd;

/// <summary>`bots bench load` in small: the four service processes under concurrent asks and chat messages.</summary>
[Collection(nameof(ProcessTests))]
public sealed class LoadTests
{
    [Fact]
    public async Task BenchLoad_AgainstTheFourProcesses_AnswersEveryAskAndChatMessage_AndTheCountsAddUp()
    {
        var settings = new LoadSettings
        {
            AsksPerSecond = 20,
            ChatMessagesPerSecond = 4,
            Duration = TimeSpan.FromSeconds(3),
            Warmup = TimeSpan.FromSeconds(0.5),
            ProbeAsks = 5,
            Articles = 200,
        };

        var report = await BenchLoadCommand.RunAsync(settings, TextWriter.Null, CancellationToken.None);

        Assert.Equal(["gRPC Ask", "Telegram message", "Discord /ask"], report.Kinds.Select(k => k.Kind));
        Assert.Equal([60L, 6L, 6L], report.Kinds.Select(k => k.Sent));
        Assert.All(report.Kinds, k =>
        {
            Assert.Equal(k.Sent, k.Succeeded + k.FailedCount + k.Lost);
            Assert.Empty(k.Failed);
            Assert.Equal(0, k.Lost);
            Assert.InRange(k.P50Milliseconds, 0.01, k.P99Milliseconds);
        });
        Assert.True(report.AllSucceeded);
        Assert.Equal(["Bots.ArticleStore", "Bots.QuestionAnswering", "Bots.Summarizer", "Bots.Chat", "generator"], report.Cpu.Select(c => c.Process));
        // Each service's own runtime counters, scraped from /metrics: QA allocated while answering, and the answer
        // cache served nothing, as every question was new.
        Assert.Equal(["Bots.ArticleStore", "Bots.QuestionAnswering", "Bots.Summarizer", "Bots.Chat"], report.Runtime.Select(r => r.Process));
        var questionAnswering = report.Runtime.Single(r => r.Process == "Bots.QuestionAnswering");
        Assert.True(questionAnswering.AllocatedBytes > 0);
        Assert.InRange(questionAnswering.CacheMisses, 60, 72);
        Assert.All(report.Runtime, r => Assert.Equal(0, r.CacheHits));
    }

    [Theory]
    [InlineData("qa")]
    [InlineData("news")]
    public void LoadQuestions_NeverAskTwiceWhatTheAnswerCacheWouldTakeForOneQuestion(string corpusName)
    {
        var corpus = LoadCorpus.Create(corpusName, articles: 1_000);
        for (var i = 0; i < 1_000; i++)
        {
            corpus.NextArticle();
        }

        var questions = new LoadQuestions(corpus);

        var asked = Enumerable.Range(0, 3_000).Select(_ => questions.Next()).ToList();

        Assert.Equal(asked.Count, asked.Select(Bots.Caching.QuestionNormalizer.Normalize).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void LoadCorpus_ByDefault_StoresAndAsksWhatTheQaBenchmarkDoes()
    {
        // The load run offers twice the Q&A target, which `bots bench qa` measures: on the same articles and the same
        // questions in the same order (repeats drawn again, not turned into constrained variants bench qa never asks).
        var corpus = LoadCorpus.Create(new LoadSettings().Corpus, articles: 2_000);

        var articles = Enumerable.Range(0, 3).Select(_ => corpus.NextArticle()).ToList();
        var questions = new LoadQuestions(corpus);
        var asked = Enumerable.Range(0, 3_000).Select(_ => questions.Next()).ToList();

        Assert.Equal(Enumerable.Range(0, 3).Select(QaBenchCorpus.Article), articles);
        Assert.Equal(QaBenchCorpus.Questions(3_000, 2_000), asked);
    }

    [Fact]
    public async Task BenchLoad_ClosedLoop_KeepsTheReadersAskingForTheWholeRun_AndAnswersEveryAsk()
    {
        var settings = new LoadSettings
        {
            AskConcurrency = 4,
            ChatMessagesPerSecond = 2,
            Duration = TimeSpan.FromSeconds(2),
            Warmup = TimeSpan.FromSeconds(1),
            ProbeAsks = 0,
            Articles = 50,
        };

        var report = await BenchLoadCommand.RunAsync(settings, TextWriter.Null, CancellationToken.None);

        var asks = report.Kinds.Single(k => k.Kind == "gRPC Ask");
        // Four readers for two seconds ask far more than four questions, each only after the last was answered.
        Assert.InRange(asks.Sent, 8, 100_000);
        Assert.Equal(asks.Sent, asks.Succeeded);
        Assert.StartsWith("offered: 4 asks in flight (closed loop)", report.Description, StringComparison.Ordinal);
        Assert.True(report.AllSucceeded);
    }

    [Fact]
    public async Task BenchLoad_WhenAnsweringAndChatAreDown_CountsEveryRequestAsFailedOrLost()
    {
        var data = Directory.CreateTempSubdirectory("bots-load-down-");
        await using var store = await ServiceProcess.StartAsync("Bots.ArticleStore", new Dictionary<string, string>
        {
            ["Bots:DataDir"] = data.FullName,
            ["Bots:SeedsDir"] = RepoPaths.Seeds,
        });
        var nobody = FreePort.DeadAddress();
        var settings = new LoadSettings
        {
            AsksPerSecond = 10,
            ChatMessagesPerSecond = 4,
            Duration = TimeSpan.FromSeconds(1),
            Warmup = TimeSpan.Zero,
            ProbeAsks = 0,
            Articles = 20,
            ReplyTimeout = TimeSpan.FromSeconds(1),
            QuestionAnsweringAddress = nobody,
            ArticleStoreAddress = store.GrpcAddress,
            ChatHttpAddress = new Uri(nobody),
        };

        var report = await BenchLoadCommand.RunAsync(settings, TextWriter.Null, CancellationToken.None);

        var asks = report.Kinds.Single(k => k.Kind == "gRPC Ask");
        Assert.Equal(10, asks.Sent);
        Assert.Equal(10, asks.Failed["Unavailable"]);
        var telegram = report.Kinds.Single(k => k.Kind == "Telegram message");
        Assert.Equal(2, telegram.Lost);
        var discord = report.Kinds.Single(k => k.Kind == "Discord /ask");
        Assert.Equal(2, discord.FailedCount);
        Assert.All(report.Kinds, k => Assert.Equal(k.Sent, k.Succeeded + k.FailedCount + k.Lost));
        Assert.False(report.AllSucceeded);
        store.Kill();
        data.Delete(recursive: true);
    }
}
