using System.Diagnostics;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Tests.Storage;

/// <summary>A write is acknowledged only after the watchers have taken the new version, but a stuck watcher cannot stall writes.</summary>
public sealed class CorpusVersionMonitorTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bots-monitor-" + Guid.NewGuid().ToString("N")[..12]);
    private SqliteArticleRepository repository = null!;
    private CorpusVersionMonitor monitor = null!;
    private ArticleLibrary library = null!;

    public async Task InitializeAsync()
    {
        repository = new SqliteArticleRepository(Path.Combine(folder, "articles.db"));
        await repository.InitializeAsync(CancellationToken.None);
        // A long poll, so only a write's own signal can wake the watchers within these tests.
        // A generous publish wait: a loaded machine must not make the slow watcher look stuck.
        monitor = new CorpusVersionMonitor(repository, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20));
        library = new ArticleLibrary(repository, new ArticleIngestor(2 * 1024 * 1024), monitor);
    }

    public async Task DisposeAsync()
    {
        await repository.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Add_ReturnsOnlyAfterTheWatcherHasTakenTheNewVersion()
    {
        using var stop = new CancellationTokenSource();
        await using var watch = monitor.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        var taken = new List<(long Version, long At)>();
        var consumer = Task.Run(async () =>
        {
            // A slow consumer, like the gRPC stream: each version takes 200 ms to "send", and asking for the next one
            // is what tells the monitor the last one went out.
            try
            {
                while (await watch.MoveNextAsync())
                {
                    await Task.Delay(200);
                    lock (taken)
                    {
                        taken.Add((watch.Current, Stopwatch.GetTimestamp()));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });

        await library.AddAsync(Input("Harbour crane collapses"), CancellationToken.None);
        var acknowledged = Stopwatch.GetTimestamp();
        (long Version, long At)[] seen;
        lock (taken)
        {
            seen = [.. taken];
        }
        await stop.CancelAsync();
        await consumer;

        var version = await repository.GetVersionAsync(CancellationToken.None);
        Assert.Contains(seen, t => t.Version == version);
        Assert.True(seen.First(t => t.Version == version).At <= acknowledged, "the add was acknowledged before the watcher had the new version");
    }

    [Fact]
    public async Task Add_WithAStuckWatcher_WaitsOnlyBriefly()
    {
        var defaultMonitor = new CorpusVersionMonitor(repository, TimeSpan.FromMinutes(5));
        var defaultLibrary = new ArticleLibrary(repository, new ArticleIngestor(2 * 1024 * 1024), defaultMonitor);
        using var stop = new CancellationTokenSource();
        await using var watch = defaultMonitor.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        // The watcher never asks for the next version.
        var clock = Stopwatch.StartNew();

        await defaultLibrary.AddAsync(Input("Ferry service resumes"), CancellationToken.None);

        // At least the wait; far less than forever (the upper bound leaves room for a loaded machine's write).
        Assert.InRange(clock.Elapsed, CorpusVersionMonitor.DefaultMaxPublishWait * 0.8, TimeSpan.FromSeconds(10));
        Assert.Equal(1, defaultMonitor.WatcherCount);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Publish_WithNoWatchers_CompletesAtOnce()
    {
        await library.AddAsync(Input("Lighthouse keeper retires"), CancellationToken.None);

        var publish = monitor.PublishAsync(CancellationToken.None);

        Assert.True(publish.IsCompletedSuccessfully);
        Assert.Equal(0, monitor.WatcherCount);
    }

    private static ArticleInput Input(string title) =>
        new(title, $"{title}. The harbour master said on Friday that the work had taken three weeks.", "Port Gazette", "", "2024-10-04", "text");
}
