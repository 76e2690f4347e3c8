using System.Diagnostics;
using System.Globalization;
using Bots.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bots.Hosting;

/// <summary>
/// The store's current corpus version, for cache keys: a key built on it can never serve an answer computed
/// before an article was added or deleted. The version is held in memory from the store's
/// <c>WatchCorpusVersion</c> stream: this source confirms each version once it uses it, and the store acknowledges
/// a write only after its watchers have confirmed (or a short wait), so a question asked after an article was
/// stored is keyed on the new version. The store repeats the version as a heartbeat; while that stream is not live (starting, store restarting, heartbeat overdue),
/// every request asks the store with <c>GetCorpusVersion</c> instead, so a dead stream never serves an old version.
/// </summary>
public sealed class CorpusVersionSource : IAsyncDisposable
{
    /// <summary>How long the last streamed version stays trusted without a new message (the store repeats it every 2 s).</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ArticleStore.ArticleStoreClient _store;
    private readonly ILogger _logger;
    private readonly long _staleAfterTicks;
    private readonly CancellationTokenSource _stopping = new();
    private Streamed? _streamed;
    private Task? _watching;
    private int _started;

    public CorpusVersionSource(ArticleStore.ArticleStoreClient store, ILogger<CorpusVersionSource>? logger = null)
        : this(store, DefaultStaleAfter, logger)
    {
    }

    public CorpusVersionSource(ArticleStore.ArticleStoreClient store, TimeSpan staleAfter, ILogger<CorpusVersionSource>? logger = null)
    {
        _store = store;
        _staleAfterTicks = (long)(staleAfter.TotalSeconds * Stopwatch.Frequency);
        _logger = logger ?? NullLogger<CorpusVersionSource>.Instance;
    }

    /// <summary>Whether the version is currently served from the live stream (no call to the store per request).</summary>
    public bool IsWatching => Current() is not null;

    public ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            _watching = Task.Run(WatchAsync);
        }
        return Current() is { } version ? ValueTask.FromResult(version) : new ValueTask<string>(AskAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_watching is not null)
        {
            await _watching.ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private string? Current()
    {
        var streamed = Volatile.Read(ref _streamed);
        return streamed is not null && Stopwatch.GetTimestamp() - streamed.ReceivedAt <= _staleAfterTicks ? streamed.Version : null;
    }

    private async Task<string> AskAsync(CancellationToken cancellationToken)
    {
        var reply = await _store.GetCorpusVersionAsync(new GetCorpusVersionRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return reply.Version.ToString(CultureInfo.InvariantCulture);
    }

    private async Task WatchAsync()
    {
        var delay = FirstRetryDelay;
        var lost = false;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                using var call = _store.WatchCorpusVersion(cancellationToken: _stopping.Token);
                await foreach (var message in call.ResponseStream.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
                {
                    Volatile.Write(ref _streamed, new Streamed(message.Version.ToString(CultureInfo.InvariantCulture), Stopwatch.GetTimestamp()));
                    // Only now, with the version in use, may the store acknowledge the write that made it.
                    await call.RequestStream.WriteAsync(new WatchCorpusVersionRequest { AppliedVersion = message.Version }).ConfigureAwait(false);
                    delay = FirstRetryDelay;
                    if (lost)
                    {
                        lost = false;
                        _logger.LogInformation("Watching the article store's corpus version again.");
                    }
                }
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                // Stopping: whatever the ending call threw (cancelled, disposed stream) is expected.
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
            {
                // An older store: keep asking per request, which is correct, just slower.
                _logger.LogWarning("The article store cannot stream its corpus version; asking for it on every request instead.");
                return;
            }
            catch (Exception e)
            {
                // Whatever ended the stream, the watcher must outlive it: it falls back to asking, then watches again.
                if (!lost)
                {
                    lost = true;
                    _logger.LogWarning("Stopped watching the article store's corpus version ({Reason}); asking for it per request until the stream is back.", e.Message);
                }
            }
            finally
            {
                Volatile.Write(ref _streamed, null);
            }

            try
            {
                await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private sealed record Streamed(string Version, long ReceivedAt);
}
