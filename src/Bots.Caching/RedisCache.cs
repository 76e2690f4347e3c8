using Bots.Caching.Redis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Bots.Caching;

/// <summary>
/// <see cref="IDistributedCache"/> on Redis with the semantics and storage layout of Microsoft's
/// Microsoft.Extensions.Caching.StackExchangeRedis.RedisCache, so either can read the other's entries: one hash per
/// key with fields <c>data</c>, <c>absexp</c> and <c>sldexp</c> (UTC ticks / ticks, -1 for none), the key's TTL
/// set from the expirations, and sliding entries' TTL renewed whenever they are read or refreshed.
/// Failures surface as exceptions, as in Microsoft's; <see cref="Resilience.ResilientDistributedCache"/> turns
/// them into misses. (TTLs are set in milliseconds where Microsoft's rounds Set down to whole seconds.)
/// </summary>
public sealed class RedisCache : IDistributedCache, IAsyncDisposable, IDisposable
{
    private const string AbsoluteExpirationKey = "absexp";
    private const string SlidingExpirationKey = "sldexp";
    private const string DataKey = "data";
    private const long NotPresent = -1;

    private static readonly RedisValue[] MetadataFields = [AbsoluteExpirationKey, SlidingExpirationKey];
    private static readonly RedisValue[] AllFields = [AbsoluteExpirationKey, SlidingExpirationKey, DataKey];

    private readonly RedisCacheOptions _options;
    private readonly string _instance;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private RedisConnection? _connection;
    private bool _ownsConnection;

    public RedisCache(IOptions<RedisCacheOptions> optionsAccessor)
        : this(optionsAccessor, TimeProvider.System)
    {
    }

    internal RedisCache(IOptions<RedisCacheOptions> optionsAccessor, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(optionsAccessor);
        _options = optionsAccessor.Value;
        if (_options.ConfigurationOptions is null && _options.Configuration is null && _options.ConnectionMultiplexerFactory is null)
        {
            throw new ArgumentException("RedisCacheOptions needs Configuration, ConfigurationOptions or ConnectionMultiplexerFactory.", nameof(optionsAccessor));
        }
        _instance = _options.InstanceName ?? "";
        _time = time;
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetAndRefreshAsync(key, getData: true, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        token.ThrowIfCancellationRequested();
        var db = await GetDatabaseAsync(token).ConfigureAwait(false);
        var creationTime = _time.GetUtcNow();
        var absoluteExpiration = GetAbsoluteExpiration(creationTime, options);
        var ttl = GetTimeToLive(creationTime, absoluteExpiration, options.SlidingExpiration);
        var prefixedKey = _instance + key;
        HashEntry[] fields =
        [
            new(AbsoluteExpirationKey, absoluteExpiration?.Ticks ?? NotPresent),
            new(SlidingExpirationKey, options.SlidingExpiration?.Ticks ?? NotPresent),
            new(DataKey, value),
        ];
        // Both go out back to back on the pipelined connection: one round trip.
        var set = db.HashSetAsync(prefixedKey, fields, token);
        var expire = ttl is { } t ? db.KeyExpireAsync(prefixedKey, t, token) : db.KeyExpireAsync(prefixedKey, null, token);
        await Task.WhenAll(set, expire).ConfigureAwait(false);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return GetAndRefreshAsync(key, getData: false, token);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var db = await GetDatabaseAsync(token).ConfigureAwait(false);
        await db.KeyDeleteAsync(_instance + key, token).ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection && _connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        _connectLock.Dispose();
    }

    private async Task<byte[]?> GetAndRefreshAsync(string key, bool getData, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var db = await GetDatabaseAsync(token).ConfigureAwait(false);
        var results = await db.HashGetAsync(_instance + key, getData ? AllFields : MetadataFields, token).ConfigureAwait(false);
        var absoluteExpiration = results[0].TryParse(out long absTicks) && absTicks != NotPresent
            ? new DateTimeOffset(absTicks, TimeSpan.Zero)
            : (DateTimeOffset?)null;
        if (results[1].TryParse(out long slidingTicks) && slidingTicks != NotPresent)
        {
            await RefreshAsync(db, key, absoluteExpiration, new TimeSpan(slidingTicks), token).ConfigureAwait(false);
        }
        return getData && results[2].HasValue ? (byte[]?)results[2] : null;
    }

    private async Task RefreshAsync(RedisDatabase db, string key, DateTimeOffset? absoluteExpiration, TimeSpan sliding, CancellationToken token)
    {
        // As in Microsoft's: a refresh never extends an entry past its absolute expiration.
        var ttl = sliding;
        if (absoluteExpiration is { } absolute)
        {
            var remaining = absolute - _time.GetUtcNow();
            ttl = remaining <= sliding ? remaining : sliding;
        }
        if (ttl <= TimeSpan.Zero)
        {
            await db.KeyDeleteAsync(_instance + key, token).ConfigureAwait(false);
            return;
        }
        await db.KeyExpireAsync(_instance + key, ttl, token).ConfigureAwait(false);
    }

    private static DateTimeOffset? GetAbsoluteExpiration(DateTimeOffset creationTime, DistributedCacheEntryOptions options)
    {
        if (options.AbsoluteExpiration is { } absolute && absolute <= creationTime)
        {
            throw new ArgumentOutOfRangeException(nameof(DistributedCacheEntryOptions.AbsoluteExpiration), absolute,
                "The absolute expiration value must be in the future.");
        }
        return options.AbsoluteExpirationRelativeToNow is { } relative ? creationTime + relative : options.AbsoluteExpiration;
    }

    private static TimeSpan? GetTimeToLive(DateTimeOffset creationTime, DateTimeOffset? absoluteExpiration, TimeSpan? sliding)
    {
        if (absoluteExpiration is { } absolute)
        {
            var untilAbsolute = absolute - creationTime;
            return sliding is { } s && s < untilAbsolute ? s : untilAbsolute;
        }
        return sliding;
    }

    private async ValueTask<RedisDatabase> GetDatabaseAsync(CancellationToken token)
    {
        if (Volatile.Read(ref _connection) is { } connected)
        {
            return connected.GetDatabase();
        }
        await _connectLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                if (_options.ConnectionMultiplexerFactory is { } factory)
                {
                    _connection = await factory().ConfigureAwait(false);
                }
                else
                {
                    var config = (_options.ConfigurationOptions ?? RedisConfiguration.Parse(_options.Configuration!)).Clone();
                    // A cache must never hold a request up while Redis is away: connect in the background and
                    // let commands fail fast until the server answers.
                    config.AbortOnConnectFail = false;
                    _connection = await RedisConnection.ConnectAsync(config, cancellationToken: token).ConfigureAwait(false);
                    _ownsConnection = true;
                }
            }
            return _connection.GetDatabase();
        }
        finally
        {
            _connectLock.Release();
        }
    }
}
