using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Caching;

/// <summary>
/// The answer and summary cache of the Q&amp;A and summariser services. Keys are
/// <c>bots:{kind}:{corpusVersion}:{sha256 of the normalised request}</c>: the caller passes the article store's
/// current version (bumped by every add and delete), so a new article is never hidden behind an answer cached
/// before it arrived. Failures (exceptions) are never cached; every response that comes back is, declines included,
/// unless <c>shouldCache</c> says otherwise. Concurrent misses of one key in this process compute it once.
/// </summary>
public sealed partial class ResponseCache
{
    private readonly IDistributedCache _cache;
    private readonly CacheMetrics _metrics;
    private readonly ILogger<ResponseCache> _logger;
    private readonly DistributedCacheEntryOptions _entryOptions;
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    public ResponseCache(IDistributedCache cache, CacheMetrics metrics, IOptions<CacheOptions> options, ILogger<ResponseCache> logger)
    {
        _cache = cache;
        _metrics = metrics;
        _logger = logger;
        _entryOptions = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.ResponseTimeToLive };
    }

    /// <summary>
    /// The cache key of a request: <paramref name="kind"/> names the response type ("answer", "summary",
    /// "timeline"), <paramref name="corpusVersion"/> the store's version, <paramref name="request"/> the request in
    /// normal form (use <see cref="QuestionNormalizer.Normalize"/> for questions).
    /// </summary>
    public static string BuildKey(string kind, string corpusVersion, string request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpusVersion);
        ArgumentNullException.ThrowIfNull(request);
        if (!KindPattern().IsMatch(kind ?? ""))
        {
            throw new ArgumentException($"The cache kind '{kind}' must be lower-case letters, digits, '-' or '_'.", nameof(kind));
        }
        if (corpusVersion.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The corpus version must not contain ':'.", nameof(corpusVersion));
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
        return $"bots:{kind}:{corpusVersion}:{hash}";
    }

    /// <summary>
    /// Returns the cached response for the request, or computes it with <paramref name="create"/> and caches it.
    /// The cache being down only costs the lookup's short timeout; <paramref name="create"/>'s exceptions pass
    /// through uncached.
    /// </summary>
    public async Task<T> GetOrCreateAsync<T>(
        string kind,
        string key,
        string corpusVersion,
        Func<CancellationToken, Task<T>> create,
        CancellationToken cancellationToken = default,
        Func<T, bool>? shouldCache = null)
        where T : IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(create);
        var cacheKey = BuildKey(kind, corpusVersion, key);
        var cached = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (cached is not null && TryParse<T>(cached, cacheKey) is { } hit)
        {
            _metrics.Hit(kind);
            return hit;
        }
        _metrics.Miss(kind);

        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leader = _inFlight.GetOrAdd(cacheKey, mine.Task);
        if (leader != mine.Task)
        {
            try
            {
                return await ((Task<T>)leader).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The leader's caller gave up; this caller still wants the response.
                return await CreateAndStoreAsync(cacheKey, create, shouldCache, cancellationToken).ConfigureAwait(false);
            }
        }
        try
        {
            var value = await CreateAndStoreAsync(cacheKey, create, shouldCache, cancellationToken).ConfigureAwait(false);
            mine.SetResult(value);
            return value;
        }
        catch (OperationCanceledException ex)
        {
            mine.SetCanceled(ex.CancellationToken);
            throw;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            // Followers observe it if there are any; mark it observed so it is not reported as unobserved.
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task>(cacheKey, mine.Task));
        }
    }

    private async Task<T> CreateAndStoreAsync<T>(string cacheKey, Func<CancellationToken, Task<T>> create, Func<T, bool>? shouldCache, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var value = await create(cancellationToken).ConfigureAwait(false);
        if (value is not null && (shouldCache is null || shouldCache(value)))
        {
            await _cache.SetAsync(cacheKey, value.ToByteArray(), _entryOptions, cancellationToken).ConfigureAwait(false);
        }
        return value!;
    }

    private T? TryParse<T>(byte[] bytes, string cacheKey)
        where T : IMessage<T>, new()
    {
        try
        {
            return Parser<T>.Instance.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            // An entry written by an incompatible version: treat as a miss; the fresh response overwrites it.
            _logger.LogDebug(ex, "Ignoring an unreadable cache entry {Key}", cacheKey);
            return default;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex KindPattern();

    private static class Parser<T>
        where T : IMessage<T>, new()
    {
        public static readonly MessageParser<T> Instance = new(() => new T());
    }
}
