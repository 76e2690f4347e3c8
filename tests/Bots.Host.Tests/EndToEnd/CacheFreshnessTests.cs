using Bots.Contracts.V1;
using V1 = Bots.Contracts.V1;
using Bots.Testing;
using Grpc.Net.Client;

namespace Bots.Host.Tests.EndToEnd;

/// <summary>Answers are cached in Redis, keyed by the store's corpus version, across separate processes.</summary>
[Collection(nameof(ProcessTests))]
public sealed class CacheFreshnessTests
{
    [Fact]
    public async Task Ask_AfterAnArticleThatAnswersADeclinedQuestion_IsAnsweredNotServedFromCache()
    {
        if (!ExternalTool.Require(RedisServer.IsAvailable, "redis-server", "apt-get install redis-server"))
        {
            return;
        }

        await using var redis = await RedisServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("bots-cache-");
        try
        {
            await using var store = await ServiceProcess.StartAsync("Bots.ArticleStore", new Dictionary<string, string>
            {
                ["Bots:DataDir"] = data.FullName,
                ["Bots:SeedsDir"] = RepoPaths.Seeds,
            });
            await using var qa = await ServiceProcess.StartAsync("Bots.QuestionAnswering", new Dictionary<string, string>
            {
                ["Services:ArticleStore"] = store.GrpcAddress,
                ["Bots:Redis"] = redis.ConnectionString,
            });
            using var storeChannel = GrpcChannel.ForAddress(store.GrpcAddress);
            using var qaChannel = GrpcChannel.ForAddress(qa.GrpcAddress);
            var articles = new V1.ArticleStore.ArticleStoreClient(storeChannel);
            var questions = new V1.QuestionAnswering.QuestionAnsweringClient(qaChannel);
            const string question = "When did Abbas visit Tokyo?";

            var before = await questions.AskAsync(new AskRequest { Question = question });
            var cachedDecline = await questions.AskAsync(new AskRequest { Question = question });
            await articles.AddArticleAsync(new AddArticleRequest
            {
                Title = "Abbas arrives in Japan for talks",
                Body = "Palestinian President Mahmoud Abbas visited Tokyo on 3 March 2025 for talks with the Japanese prime minister. " +
                       "The two leaders discussed humanitarian aid for Gaza and Japan's support for a two-state solution.",
                Source = "Kyodo News",
                Url = "https://example.com/abbas-tokyo",
                Published = "2025-03-03",
            });
            var after = await questions.AskAsync(new AskRequest { Question = question });

            Assert.False(before.Answered);
            Assert.False(cachedDecline.Answered);
            Assert.True(after.Answered, after.Message);
            Assert.Contains("March", after.Answer, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(after.Citations, c => c.Source == "Kyodo News");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ask_WhileRedisIsDown_StillAnswers()
    {
        if (!ExternalTool.Require(RedisServer.IsAvailable, "redis-server", "apt-get install redis-server"))
        {
            return;
        }

        await using var redis = await RedisServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("bots-cache-");
        try
        {
            await using var store = await ServiceProcess.StartAsync("Bots.ArticleStore", new Dictionary<string, string>
            {
                ["Bots:DataDir"] = data.FullName,
                ["Bots:SeedsDir"] = RepoPaths.Seeds,
            });
            await using var qa = await ServiceProcess.StartAsync("Bots.QuestionAnswering", new Dictionary<string, string>
            {
                ["Services:ArticleStore"] = store.GrpcAddress,
                ["Bots:Redis"] = redis.ConnectionString,
            });
            using var channel = GrpcChannel.ForAddress(qa.GrpcAddress);
            var questions = new V1.QuestionAnswering.QuestionAnsweringClient(channel);
            await questions.AskAsync(new AskRequest { Question = "When did Abbas visit Moscow?" });
            await redis.KillAsync();

            var started = DateTime.UtcNow;
            var answer = await questions.AskAsync(new AskRequest { Question = "Who won the Palestinian elections in 2006?" });
            var again = await questions.AskAsync(new AskRequest { Question = "Who won the Palestinian elections in 2006?" });
            var elapsed = DateTime.UtcNow - started;

            Assert.True(answer.Answered);
            Assert.Contains("Hamas", again.Answer, StringComparison.Ordinal);
            Assert.True(elapsed < TimeSpan.FromSeconds(3), $"two asks with Redis down took {elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
