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
        monitor = new CorpusVersionMonitor(repository, TimeSpan.FromMinutes(5));
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
            // A slow consumer: each version takes 200 ms to "send".
            while (await watch.MoveNextAsync())
            {
                await Task.Delay(200);
                taken.Add((watch.Current, Stopwatch.GetTimestamp()));
                return;
            }
        });

        await library.AddAsync(Input("Harbour crane collapses"), CancellationToken.None);
        var acknowledged = Stopwatch.GetTimestamp();
        await consumer;

        Assert.Single(taken);
        Assert.Equal(await repository.GetVersionAsync(CancellationToken.None), taken[0].Version);
        Assert.True(taken[0].At <= acknowledged, "the add was acknowledged before the watcher had the new version");
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Add_WithAStuckWatcher_WaitsOnlyBriefly()
    {
        using var stop = new CancellationTokenSource();
        await using var watch = monitor.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        // The watcher never asks for the next version.
        var clock = Stopwatch.StartNew();

        await library.AddAsync(Input("Ferry service resumes"), CancellationToken.None);

        Assert.InRange(clock.Elapsed, CorpusVersionMonitor.MaxPublishWait * 0.8, CorpusVersionMonitor.MaxPublishWait * 8);
        Assert.Equal(1, monitor.WatcherCount);
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
