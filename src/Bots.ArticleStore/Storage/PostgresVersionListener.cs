using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// With several store replicas on one PostgreSQL, a write through one must reach the caches watching another
/// at once, not at that replica's next poll. Every write NOTIFYs <see cref="Channel"/> in its transaction
/// (PostgreSQL delivers it on commit); this LISTENs on its own connection and wakes the local watchers.
/// </summary>
public sealed class PostgresVersionListener(string connectionString, CorpusVersionMonitor monitor, ILogger<PostgresVersionListener> logger) : BackgroundService
{
    public const string Channel = "bots_corpus_version";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own unpooled connection: LISTEN belongs to a session, which a pool would hand to others.
                var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(listening.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => monitor.Changed();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was written while this was not listening.
                monitor.Changed();
                _listening.TrySetResult();
                delay = FirstRetryDelay;
                if (lost)
                {
                    lost = false;
                    logger.LogInformation("Listening for corpus changes from other store replicas again.");
                }
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                if (!lost)
                {
                    lost = true;
                    logger.LogWarning("Not listening for corpus changes from other store replicas ({Reason}); their writes reach the caches at the next poll.", e.Message);
                }
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }
}
