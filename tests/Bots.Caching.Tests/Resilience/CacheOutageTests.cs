using System.Diagnostics;
using Bots.Contracts.V1;
using Bots.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Caching.Tests.Resilience;

/// <summary>Redis killed, hung or never there: answers keep coming at their normal speed, and the log says so once each way.</summary>
public sealed class CacheOutageTests : IAsyncLifetime
{
    // The command timeout is 100 ms and a request makes two cache calls (read, then write); the bound leaves room
    // for a loaded CI machine while staying far below the client's own 5 s timeout a naive cache would wait for.
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromMilliseconds(1000);

    private readonly ListLoggerProvider _logs = new();
    private RedisServer _server = null!;
    private ServiceProvider _services = null!;
    private ResponseCache _cache = null!;
    private int _computed;

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _services = Build(_server.ConnectionString);
        _cache = _services.GetRequiredService<ResponseCache>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ServiceProvider Build(string redis)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bots:Redis"] = redis,
            ["Bots:Cache:CommandTimeout"] = "00:00:00.100",
            ["Bots:Cache:FailuresBeforeBreak"] = "3",
            ["Bots:Cache:BreakDuration"] = "00:00:00.200",
            ["Bots:Cache:MaxBreakDuration"] = "00:00:00.400",
        }).Build();
        return new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddBotsCache(configuration)
            .BuildServiceProvider();
    }

    private Task<AskResponse> AskAsync(string question, string version = "1") =>
        _cache.GetOrCreateAsync("answer", question, version, _ =>
        {
            Interlocked.Increment(ref _computed);
            return Task.FromResult(new AskResponse { Answered = true, Answer = "answer to " + question });
        });

    private async Task<TimeSpan[]> AskManyTimedAsync(int count)
    {
        var times = new TimeSpan[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await AskAsync($"question {i}");
            times[i] = watch.Elapsed;
            Assert.Equal($"answer to question {i}", response.Answer);
        }
        return times;
    }

    private static string Format(TimeSpan[] times) => string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<bool> CachingWorksAsync(string question)
    {
        await AskAsync(question);
        var before = Volatile.Read(ref _computed);
        await AskAsync(question);
        return Volatile.Read(ref _computed) == before;
    }

    private async Task WaitUntilCachingWorksAsync()
    {
        var deadline = Stopwatch.StartNew();
        var attempt = 0;
        while (!await CachingWorksAsync($"probe {attempt++}"))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "Caching did not resume within 15 s of Redis coming back.");
            await Task.Delay(50);
        }
    }

    [RedisFact]
    public async Task ServerKilledThenRestarted_AnswersGoOnUncachedAndCachingResumes_OneLogLineEachWay()
    {
        // The first command on a fresh connection may take longer than the 100 ms timeout on a cold, loaded machine: that
        // is the outage path, not what this test is about. Start from a cache that works, with nothing logged yet.
        await WaitUntilCachingWorksAsync();
        _logs.Entries.Clear();

        await _server.KillAsync();
        var outage = await AskManyTimedAsync(40);

        Assert.True(outage.Max() < SlowestAllowed, "Request times during the outage (ms): " + Format(outage));
        Assert.True(outage.Skip(5).Sum(t => t.TotalMilliseconds) < 1000, "Requests kept waiting on the dead server (ms): " + Format(outage));
        Assert.Single(_logs.At(LogLevel.Warning));

        await _server.RestartAsync();
        await WaitUntilCachingWorksAsync();

        Assert.Single(_logs.At(LogLevel.Warning));
        Assert.Single(_logs.At(LogLevel.Information));
    }

    [RedisFact]
    public async Task ServerHung_EachRequestWaitsAtMostTheTimeoutThenNotAtAll()
    {
        // The first command on a fresh connection may take longer than the 100 ms timeout on a cold, loaded machine: that
        // is the outage path, not what this test is about. Start from a cache that works, with nothing logged yet.
        await WaitUntilCachingWorksAsync();
        _logs.Entries.Clear();

        _server.Pause();
        TimeSpan[] outage;
        try
        {
            outage = await AskManyTimedAsync(30);
        }
        finally
        {
            _server.Resume();
        }

        Assert.True(outage.Max() < SlowestAllowed, "Request times while Redis hung (ms): " + Format(outage));
        Assert.True(outage.Skip(5).Sum(t => t.TotalMilliseconds) < 1000, "With the circuit open, requests still waited (ms): " + Format(outage));
        Assert.Single(_logs.At(LogLevel.Warning));
        await WaitUntilCachingWorksAsync();
        Assert.Single(_logs.At(LogLevel.Information));
    }

    [RedisFact]
    public async Task ServerNeverThere_AnswersComeAtOnce()
    {
        await _server.KillAsync();
        await using var services = Build($"127.0.0.1:{_server.Port},connectTimeout=200");
        _cache = services.GetRequiredService<ResponseCache>();

        var watch = Stopwatch.StartNew();
        var times = await AskManyTimedAsync(50);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"50 requests with Redis absent took {watch.ElapsedMilliseconds} ms.");
        Assert.Equal(50, _computed);
        Assert.Single(_logs.At(LogLevel.Warning));
    }
}
