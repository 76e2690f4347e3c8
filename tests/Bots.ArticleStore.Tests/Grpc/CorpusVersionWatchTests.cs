using System.Diagnostics;
using System.Globalization;
using Bots.ArticleStore.Storage;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.ArticleStore.Tests.Grpc;

/// <summary>
/// The store's WatchCorpusVersion stream and the caches' <see cref="CorpusVersionSource"/> that holds the version from it:
/// a write must reach the watchers before it is acknowledged, and a lost stream must never leave an old version in use.
/// </summary>
public sealed class CorpusVersionWatchTests : IAsyncLifetime
{
    private ArticleStoreServer server = null!;

    public async Task InitializeAsync() => server = await ArticleStoreServer.StartAsync();

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        TryDelete(server.DataDir);
    }

    [Fact]
    public async Task Watch_SendsTheCurrentVersionFirst_ThenEachWrite()
    {
        using var watch = server.Client.WatchCorpusVersion();
        var initial = await NextAsync(watch);
        Assert.Equal((await server.Client.GetCorpusVersionAsync(new GetCorpusVersionRequest())).Version, initial);

        var added = await server.Client.AddArticleAsync(Article("Harbour crane collapses in a storm"));
        var afterAdd = await NextChangeAsync(watch, initial);
        await server.Client.DeleteArticleAsync(new DeleteArticleRequest { Id = added.Id });
        var afterDelete = await NextChangeAsync(watch, afterAdd);

        Assert.True(afterAdd > initial, $"after the add the stream said {afterAdd}, before it {initial}");
        Assert.True(afterDelete > afterAdd, $"after the delete the stream said {afterDelete}, before it {afterAdd}");
    }

    [Fact]
    public async Task AddArticle_IsAcknowledgedOnlyAfterTheWatcherAppliedTheNewVersion()
    {
        using var watch = server.Client.WatchCorpusVersion();
        await NextAsync(watch);
        long confirmedAt = 0;
        var confirming = Task.Run(async () =>
        {
            Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
            // A cache a little slow to apply the version: the write must wait for it (up to the store's short limit).
            await Task.Delay(50);
            Interlocked.Exchange(ref confirmedAt, Stopwatch.GetTimestamp());
            await watch.RequestStream.WriteAsync(new WatchCorpusVersionRequest { AppliedVersion = watch.ResponseStream.Current.Version });
        });

        await server.Client.AddArticleAsync(Article("Tugboat crew rescues stranded swimmers"));
        var returnedAt = Stopwatch.GetTimestamp();
        await confirming;

        var confirmed = Interlocked.Read(ref confirmedAt);
        Assert.True(confirmed != 0 && confirmed <= returnedAt, "the add was acknowledged before the watcher confirmed the new version");
    }

    [Fact]
    public async Task Watch_WithNoWrites_RepeatsTheVersionAsAHeartbeat()
    {
        using var watch = server.Client.WatchCorpusVersion();
        var first = await NextAsync(watch);
        var clock = Stopwatch.StartNew();

        var second = await NextAsync(watch, TimeSpan.FromSeconds(10));

        Assert.Equal(first, second);
        Assert.InRange(clock.Elapsed, CorpusVersionMonitor.DefaultPollInterval * 0.5, CorpusVersionMonitor.DefaultPollInterval * 3);
    }

    [Fact]
    public async Task Source_SeesAWriteWithoutAskingTheStore()
    {
        await using var source = new CorpusVersionSource(server.Client);
        var before = await source.GetAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => source.IsWatching);

        await server.Client.AddArticleAsync(Article("Ferry service resumes after the storm"));
        var expected = (await server.Client.GetCorpusVersionAsync(new GetCorpusVersionRequest())).Version.ToString(CultureInfo.InvariantCulture);
        // Pushed before the add was acknowledged; a little slack for this process's own thread hop from socket to field.
        await Eventually.WaitUntilAsync(() => source.GetAsync(CancellationToken.None).Result == expected, TimeSpan.FromMilliseconds(500));

        Assert.NotEqual(before, expected);
        Assert.True(source.IsWatching);
    }

    [Fact]
    public async Task Source_WhoseStreamIsNeverFreshEnough_AsksTheStoreEveryTime()
    {
        await using var source = new CorpusVersionSource(server.Client, staleAfter: TimeSpan.Zero);
        await source.GetAsync(CancellationToken.None);

        await server.Client.AddArticleAsync(Article("Lighthouse keeper retires after forty years"));
        var version = await source.GetAsync(CancellationToken.None);

        Assert.Equal((await server.Client.GetCorpusVersionAsync(new GetCorpusVersionRequest())).Version.ToString(CultureInfo.InvariantCulture), version);
        Assert.False(source.IsWatching);
    }

    [Fact]
    public async Task Source_WhenTheStoreRestarts_FallsBackThenWatchesAgain_AndNeverServesTheOldVersion()
    {
        var dataDir = ArticleStoreServer.NewDataDir();
        var settings = new Dictionary<string, string>
        {
            ["Bots:DataDir"] = dataDir,
            ["Bots:SeedsDir"] = Path.Combine(dataDir, "no-seeds"),
            ["Bots:ListenAddress"] = "127.0.0.1",
            ["Bots:GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Bots:HttpPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            var first = await ServiceProcess.StartAsync("Bots.ArticleStore", settings);
            using var channel = GrpcChannel.ForAddress(first.GrpcAddress);
            var client = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
            await using var source = new CorpusVersionSource(client);
            await source.GetAsync(CancellationToken.None);
            await Eventually.WaitUntilAsync(() => source.IsWatching);

            await first.DisposeAsync();
            await Eventually.WaitUntilAsync(() => !source.IsWatching);
            var whileDown = await Assert.ThrowsAsync<RpcException>(async () => await source.GetAsync(CancellationToken.None));

            // A write made while the watcher was away, by another writer, on the restarted store.
            await using var second = await ServiceProcess.StartAsync("Bots.ArticleStore", settings);
            await client.AddArticleAsync(Article("Bridge reopens after repairs"));
            var expected = (await client.GetCorpusVersionAsync(new GetCorpusVersionRequest())).Version.ToString(CultureInfo.InvariantCulture);
            var afterRestart = await source.GetAsync(CancellationToken.None);
            await Eventually.WaitUntilAsync(() => source.IsWatching, TimeSpan.FromSeconds(15));

            Assert.Equal(StatusCode.Unavailable, whileDown.StatusCode);
            Assert.Equal(expected, afterRestart);
            Assert.Equal(expected, await source.GetAsync(CancellationToken.None));
        }
        finally
        {
            TryDelete(dataDir);
        }
    }

    private static AddArticleRequest Article(string title) => new()
    {
        Title = title,
        Body = $"{title}. The harbour master said on Friday that the work had taken three weeks and cost 2 million euros.",
        Source = "Port Gazette",
        Published = "2024-10-04",
    };

    /// <summary>The next version other than <paramref name="previous"/>, past any heartbeats repeating it.</summary>
    private static async Task<long> NextChangeAsync(AsyncDuplexStreamingCall<WatchCorpusVersionRequest, CorpusVersion> watch, long previous)
    {
        long version;
        while ((version = await NextAsync(watch)) == previous)
        {
        }
        return version;
    }

    /// <summary>The next version on the stream, confirmed as applied as a cache does.</summary>
    private static async Task<long> NextAsync(AsyncDuplexStreamingCall<WatchCorpusVersionRequest, CorpusVersion> watch, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token), "the watch stream ended");
        var version = watch.ResponseStream.Current.Version;
        await watch.RequestStream.WriteAsync(new WatchCorpusVersionRequest { AppliedVersion = version });
        return version;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
