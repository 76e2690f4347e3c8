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
        if (await CachedQa.StartAsync() is not { } system)
        {
            return;
        }

        await using (system)
        {
            using var storeChannel = GrpcChannel.ForAddress(system.Store.GrpcAddress);
            using var qaChannel = GrpcChannel.ForAddress(system.Qa.GrpcAddress);
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
    }

    [Fact]
    public async Task Ask_WhileRedisIsDown_StillAnswers()
    {
        if (await CachedQa.StartAsync() is not { } system)
        {
            return;
        }

        await using (system)
        {
            using var channel = GrpcChannel.ForAddress(system.Qa.GrpcAddress);
            var questions = new V1.QuestionAnswering.QuestionAnsweringClient(channel);
            await questions.AskAsync(new AskRequest { Question = "When did Abbas visit Moscow?" });
            await system.Redis.KillAsync();

            var started = DateTime.UtcNow;
            var answer = await questions.AskAsync(new AskRequest { Question = "Who won the Palestinian elections in 2006?" });
            var again = await questions.AskAsync(new AskRequest { Question = "Who won the Palestinian elections in 2006?" });
            var elapsed = DateTime.UtcNow - started;

            Assert.True(answer.Answered);
            Assert.Contains("Hamas", again.Answer, StringComparison.Ordinal);
            Assert.True(elapsed < TimeSpan.FromSeconds(3), $"two asks with Redis down took {elapsed.TotalMilliseconds:F0} ms");
        }
    }

    /// <summary>A real redis-server, the store (over the seeds) and QA caching in that Redis, as separate processes.</summary>
    private sealed class CachedQa : IAsyncDisposable
    {
        private readonly DirectoryInfo _data;

        private CachedQa(RedisServer redis, DirectoryInfo data, ServiceProcess store, ServiceProcess qa)
        {
            Redis = redis;
            _data = data;
            Store = store;
            Qa = qa;
        }

        public RedisServer Redis { get; }

        public ServiceProcess Store { get; }

        public ServiceProcess Qa { get; }

        /// <summary>The running system, or null (the test returns) when redis-server is missing outside CI.</summary>
        public static async Task<CachedQa?> StartAsync()
        {
            if (!ExternalTool.Require(RedisServer.IsAvailable, "redis-server", "apt-get install redis-server"))
            {
                return null;
            }

            var redis = await RedisServer.StartAsync();
            var data = Directory.CreateTempSubdirectory("bots-cache-");
            ServiceProcess? store = null;
            try
            {
                store = await ServiceProcess.StartAsync("Bots.ArticleStore", new Dictionary<string, string>
                {
                    ["Bots:DataDir"] = data.FullName,
                    ["Bots:SeedsDir"] = RepoPaths.Seeds,
                });
                var qa = await ServiceProcess.StartAsync("Bots.QuestionAnswering", new Dictionary<string, string>
                {
                    ["Services:ArticleStore"] = store.GrpcAddress,
                    ["Bots:Redis"] = redis.ConnectionString,
                });
                return new CachedQa(redis, data, store, qa);
            }
            catch
            {
                // Nothing started may outlive a failed start.
                if (store is not null)
                {
                    await store.DisposeAsync();
                }
                await redis.DisposeAsync();
                data.Delete(recursive: true);
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Qa.DisposeAsync();
            await Store.DisposeAsync();
            await Redis.DisposeAsync();
            _data.Delete(recursive: true);
        }
    }
}
