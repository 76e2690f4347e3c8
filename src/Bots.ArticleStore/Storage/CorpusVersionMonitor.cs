using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// Tells watchers the corpus version as soon as it changes, so the Q&amp;A and summariser caches can hold it
/// in memory instead of asking the store on every request.
/// <list type="bullet">
/// <item>A write through this process calls <see cref="PublishAsync"/> after its commit, which wakes every watcher
/// and waits (briefly, bounded) until each has sent the new version: by the time the writer hears "stored", the
/// caches have been told, so a cached answer cannot hide the new article from a question asked after it.</item>
/// <item>Writes this process cannot see (another store replica on the same PostgreSQL) arrive through
/// <see cref="Changed"/> from <see cref="PostgresVersionListener"/>, and a slow poll catches anything else.</item>
/// <item>Every watcher reads the version from the repository itself, so what it reports is always committed, and
/// reports it again at every poll even when unchanged: that heartbeat lets a watcher tell a live stream from a
/// silently dead connection.</item>
/// </list>
/// </summary>
public sealed class CorpusVersionMonitor(IArticleRepository repository, TimeSpan pollInterval, TimeSpan? maxPublishWait = null)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>The longest a write waits for watchers to be told; a stuck watcher must not stall imports.</summary>
    public static readonly TimeSpan DefaultMaxPublishWait = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a write waits for watchers to be told (default <see cref="DefaultMaxPublishWait"/>).</summary>
    public TimeSpan MaxPublishWait { get; } = maxPublishWait ?? DefaultMaxPublishWait;

    private readonly ConcurrentDictionary<Watcher, byte> _watchers = new();
    private TaskCompletionSource _changed = NewSignal();
    private TaskCompletionSource _delivered = NewSignal();

    /// <summary>How many watch streams are open.</summary>
    public int WatcherCount => _watchers.Count;

    /// <summary>The corpus may have changed elsewhere (another replica's write): wake every watcher to read the version.</summary>
    public void Changed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    /// <summary>
    /// Call after a committed write: wakes every watcher and returns once each has sent the new version (or
    /// after <see cref="MaxPublishWait"/>). Never throws: the write it follows has already succeeded.
    /// </summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (_watchers.IsEmpty)
        {
            return;
        }
        try
        {
            var version = await repository.GetVersionAsync(CancellationToken.None).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(MaxPublishWait);
            Changed();
            while (true)
            {
                var delivered = Volatile.Read(ref _delivered).Task;
                if (_watchers.Keys.All(w => Volatile.Read(ref w.Delivered) >= version))
                {
                    return;
                }
                await delivered.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out, or the writer went away: the watchers' poll and heartbeat deadline cover the rest.
        }
        catch (DbException)
        {
            // The version could not be read back; the watchers' next poll reports it.
        }
    }

    /// <summary>
    /// The current version, then each new one as it is committed and the same one at every poll, until cancelled.
    /// A version counts as taken once the consumer asks for the next one.
    /// </summary>
    public IAsyncEnumerable<long> WatchAsync(CancellationToken cancellationToken) => WatchAsync(acknowledgements: null, cancellationToken);

    /// <summary>
    /// As <see cref="WatchAsync(CancellationToken)"/>, but a version counts as taken only when the watcher says it
    /// applied it (<see cref="Acknowledgements.Applied"/>): for a remote watcher, having sent a version is not having
    /// applied it.
    /// </summary>
    public async IAsyncEnumerable<long> WatchAsync(Acknowledgements? acknowledgements, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watcher = acknowledgements?.Watcher ?? new Watcher(this);
        _watchers.TryAdd(watcher, 0);
        try
        {
            long? last = null;
            var polled = true;
            while (true)
            {
                // Take the signal before reading, so a change committed after the read still wakes this watcher.
                var changed = Volatile.Read(ref _changed).Task;
                var version = await repository.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                if (version != last || polled)
                {
                    last = version;
                    yield return version;
                }
                if (acknowledgements is null)
                {
                    // Resumed: the consumer has taken the version.
                    watcher.Applied(version);
                }
                try
                {
                    await changed.WaitAsync(pollInterval, cancellationToken).ConfigureAwait(false);
                    polled = false;
                }
                catch (TimeoutException)
                {
                    // The poll: read again in case a write came from elsewhere, and report it as a heartbeat.
                    polled = true;
                }
            }
        }
        finally
        {
            _watchers.TryRemove(watcher, out _);
        }
    }

    /// <summary>A watcher's reports of the versions it has applied, for <see cref="WatchAsync(Acknowledgements?, CancellationToken)"/>.</summary>
    public Acknowledgements NewAcknowledgements() => new(new Watcher(this));

    private void SignalDelivered() => Interlocked.Exchange(ref _delivered, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where a remote watcher's acknowledgements go.</summary>
    public sealed class Acknowledgements
    {
        internal Acknowledgements(Watcher watcher) => Watcher = watcher;

        internal Watcher Watcher { get; }

        /// <summary>The watcher now uses <paramref name="version"/>.</summary>
        public void Applied(long version) => Watcher.Applied(version);
    }

    internal sealed class Watcher(CorpusVersionMonitor monitor)
    {
        public long Delivered = -1;

        public void Applied(long version)
        {
            long seen;
            do
            {
                seen = Volatile.Read(ref Delivered);
                if (version <= seen)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref Delivered, version, seen) != seen);
            monitor.SignalDelivered();
        }
    }
}
