using System.Diagnostics;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bots.ArticleStore.Tests.Storage;

/// <summary>Two store replicas on one real PostgreSQL: a write through one reaches the other's watchers at once.</summary>
public sealed class PostgresVersionListenerTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task WriteThroughOneReplica_WakesTheOtherReplicasWatchers_BeforeAnyPoll()
    {
        if (await NewDatabaseAsync() is not { } connectionString)
        {
            // No PostgreSQL outside CI (under CI=true the fixture fails instead).
            return;
        }
        await using var first = new PostgresArticleRepository(connectionString);
        await first.InitializeAsync(CancellationToken.None);
        await using var second = new PostgresArticleRepository(connectionString);
        await second.InitializeAsync(CancellationToken.None);
        // Polls far beyond the test's length: only the notification can wake the second replica's watcher.
        var secondMonitor = new CorpusVersionMonitor(second, TimeSpan.FromMinutes(10));
        using var listener = new PostgresVersionListener(connectionString, secondMonitor, NullLogger<PostgresVersionListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = secondMonitor.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        var before = watch.Current;
        var firstLibrary = new ArticleLibrary(first, new ArticleIngestor(2 * 1024 * 1024));

        var clock = Stopwatch.StartNew();
        await firstLibrary.AddAsync(new ArticleInput("Harbour crane collapses", "Harbour crane collapses. The harbour master said on Friday that nobody was hurt.", "Port Gazette", "", "2024-10-04"), CancellationToken.None);
        long seen;
        do
        {
            Assert.True(await watch.MoveNextAsync());
            seen = watch.Current;
        }
        while (seen == before);

        Assert.Equal(await first.GetVersionAsync(CancellationToken.None), seen);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        await listener.StopAsync(CancellationToken.None);
    }

    private async Task<string?> NewDatabaseAsync()
    {
        if (fixture.Server is null)
        {
            return null;
        }
        var database = "t" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(fixture.Server!.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { Database = database }.ConnectionString;
    }
}
