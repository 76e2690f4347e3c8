using Microsoft.Extensions.Caching.Distributed;

namespace Bots.Caching.Resilience;

/// <summary>
/// Makes a remote cache optional: each call gets a short timeout, failures become misses (reads) or no-ops (writes),
/// and a <see cref="CircuitBreaker"/> skips the cache entirely during an outage, so a request never waits on a
/// cache that is down or slow. Only the caller's own cancellation is passed on.
/// </summary>
public sealed class ResilientDistributedCache : IDistributedCache, IAsyncDisposable, IDisposable
{
    private readonly IDistributedCache _inner;
    private readonly CircuitBreaker _breaker;
    private readonly TimeSpan _timeout;
    private readonly CacheMetrics? _metrics;

    public ResilientDistributedCache(IDistributedCache inner, CircuitBreaker breaker, TimeSpan timeout, CacheMetrics? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _inner = inner;
        _breaker = breaker;
        _timeout = timeout;
        _metrics = metrics;
    }

    public IDistributedCache Inner => _inner;

    public CircuitBreaker Breaker => _breaker;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await RunAsync(ct => _inner.GetAsync(key, ct), token).ConfigureAwait(false);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        RunAsync(async ct =>
        {
            await _inner.SetAsync(key, value, options, ct).ConfigureAwait(false);
            return (byte[]?)null;
        }, token);

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        RunAsync(async ct =>
        {
            await _inner.RefreshAsync(key, ct).ConfigureAwait(false);
            return (byte[]?)null;
        }, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        RunAsync(async ct =>
        {
            await _inner.RemoveAsync(key, ct).ConfigureAwait(false);
            return (byte[]?)null;
        }, token);

    public async ValueTask DisposeAsync()
    {
        switch (_inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<byte[]?> RunAsync(Func<CancellationToken, Task<byte[]?>> operation, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (!_breaker.TryAcquire())
        {
            _metrics?.Unavailable();
            return null;
        }
        try
        {
            var result = await operation(token).WaitAsync(_timeout, token).ConfigureAwait(false);
            _breaker.RecordSuccess();
            return result;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _breaker.RecordAbandoned();
            throw;
        }
        catch (ArgumentException)
        {
            // The caller's mistake (e.g. an absolute expiration in the past), not the cache's.
            _breaker.RecordAbandoned();
            throw;
        }
        catch (Exception ex)
        {
            _breaker.RecordFailure(ex);
            _metrics?.Unavailable();
            return null;
        }
    }
}
