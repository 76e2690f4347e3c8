using System.Diagnostics.Metrics;
using Bots.Contracts.V1;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Caching.Tests;

public sealed class ResponseCacheTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ResponseCache _cache;

    public ResponseCacheTests()
    {
        var configuration = new ConfigurationBuilder().Build();
        _services = new ServiceCollection().AddLogging().AddBotsCache(configuration).BuildServiceProvider();
        _cache = _services.GetRequiredService<ResponseCache>();
    }

    public void Dispose() => _services.Dispose();

    private static AskResponse Decline() => new() { Answered = false, Message = "No article I have says when Abbas visited Moscow." };

    private static AskResponse Answer(string text) => new() { Answered = true, Answer = text, Confidence = 0.9 };

    [Fact]
    public async Task GetOrCreate_SecondCall_IsServedFromTheCache()
    {
        var calls = 0;
        Task<AskResponse> Create(CancellationToken _)
        {
            calls++;
            return Task.FromResult(Answer("12–14 August 2024"));
        }

        var first = await _cache.GetOrCreateAsync("answer", "when did abbas visit moscow", "7", Create);
        var second = await _cache.GetOrCreateAsync("answer", "when did abbas visit moscow", "7", Create);

        Assert.Equal(1, calls);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task GetOrCreate_NewCorpusVersion_NeverReturnsTheDeclineCachedBeforeTheArticle()
    {
        var question = QuestionNormalizer.Normalize("When did Abbas visit Moscow?");
        var declined = await _cache.GetOrCreateAsync("answer", question, "41", _ => Task.FromResult(Decline()));
        var stillDeclined = await _cache.GetOrCreateAsync("answer", question, "41", _ => Task.FromResult(Answer("must not be computed")));

        // An article that answers the question is added: the store's version moves on.
        var answered = await _cache.GetOrCreateAsync("answer", QuestionNormalizer.Normalize("when did abbas visit Moscow"), "42",
            _ => Task.FromResult(Answer("12–14 August 2024")));

        Assert.False(declined.Answered);
        Assert.False(stillDeclined.Answered);
        Assert.True(answered.Answered);
        Assert.Equal("12–14 August 2024", answered.Answer);
    }

    [Fact]
    public async Task GetOrCreate_Failure_IsNotCached()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _cache.GetOrCreateAsync<AskResponse>("answer", "q", "1", _ => throw new InvalidOperationException("store unreachable")));

        var after = await _cache.GetOrCreateAsync("answer", "q", "1", _ => Task.FromResult(Answer("fine now")));

        Assert.Equal("fine now", after.Answer);
    }

    [Fact]
    public async Task GetOrCreate_ShouldCacheSaysNo_ComputesAgainNextTime()
    {
        var calls = 0;
        Task<AskResponse> Create(CancellationToken _) => Task.FromResult(Answer($"call {++calls}"));

        await _cache.GetOrCreateAsync("answer", "q", "1", Create, shouldCache: r => r.Confidence > 0.95);
        var second = await _cache.GetOrCreateAsync("answer", "q", "1", Create, shouldCache: r => r.Confidence > 0.95);

        Assert.Equal("call 2", second.Answer);
    }

    [Fact]
    public async Task GetOrCreate_ConcurrentMissesOfOneKey_ComputeOnce()
    {
        var calls = 0;
        var release = new TaskCompletionSource();
        async Task<AskResponse> Create(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return Answer("once");
        }

        var all = Enumerable.Range(0, 20).Select(_ => _cache.GetOrCreateAsync("answer", "hot question", "3", Create)).ToArray();
        await Task.Delay(100);
        release.SetResult();
        var results = await Task.WhenAll(all);

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal("once", r.Answer));
    }

    [Fact]
    public async Task GetOrCreate_LeaderCancelled_FollowerStillGetsItsResponse()
    {
        using var leaderGivesUp = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var leader = _cache.GetOrCreateAsync("summary", "article 9", "3", async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new Summary();
        }, leaderGivesUp.Token);
        await started.Task;
        var follower = _cache.GetOrCreateAsync("summary", "article 9", "3", _ => Task.FromResult(new Summary { Text = "short" }));

        leaderGivesUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        Assert.Equal("short", (await follower).Text);
    }

    [Fact]
    public async Task GetOrCreate_UnreadableEntry_IsAMissAndGetsOverwritten()
    {
        var key = ResponseCache.BuildKey("answer", "5", "q");
        await _services.GetRequiredService<IDistributedCache>().SetAsync(key, [0xFF, 0xFF, 0xFF], new DistributedCacheEntryOptions());

        var result = await _cache.GetOrCreateAsync("answer", "q", "5", _ => Task.FromResult(Answer("fresh")));

        Assert.Equal("fresh", result.Answer);
        Assert.Equal("fresh", AskResponse.Parser.ParseFrom(await _services.GetRequiredService<IDistributedCache>().GetAsync(key)).Answer);
    }

    [Fact]
    public void BuildKey_IsKindVersionAndSha256OfTheRequest()
    {
        var key = ResponseCache.BuildKey("answer", "42", "when did abbas visit moscow");

        Assert.Equal("bots:answer:42:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("when did abbas visit moscow"u8)), key);
    }

    [Theory]
    [InlineData("Answer", "1")]
    [InlineData("", "1")]
    [InlineData("answer", "")]
    [InlineData("answer", "1:2")]
    public void BuildKey_BadKindOrVersion_Throws(string kind, string version) =>
        Assert.ThrowsAny<ArgumentException>(() => ResponseCache.BuildKey(kind, version, "q"));

    [Fact]
    public async Task GetOrCreate_CountsHitsAndMissesPerKind()
    {
        var counts = new Dictionary<string, long>();
        // Other test classes run in parallel with meters of the same name: listen to this provider's only.
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var kind = tags.ToArray().SingleOrDefault(t => t.Key == "kind").Value;
            lock (counts)
            {
                var name = $"{instrument.Name}/{kind}";
                counts[name] = counts.GetValueOrDefault(name) + value;
            }
        });
        listener.Start();

        await _cache.GetOrCreateAsync("answer", "metered", "1", _ => Task.FromResult(Answer("a")));
        await _cache.GetOrCreateAsync("answer", "metered", "1", _ => Task.FromResult(Answer("a")));
        await _cache.GetOrCreateAsync("answer", "metered", "1", _ => Task.FromResult(Answer("a")));
        await _cache.GetOrCreateAsync("timeline", "metered", "1", _ => Task.FromResult(new TimelineResponse()));

        Assert.Equal(2, counts["bots.cache.hits/answer"]);
        Assert.Equal(1, counts["bots.cache.misses/answer"]);
        Assert.Equal(1, counts["bots.cache.misses/timeline"]);
    }
}
