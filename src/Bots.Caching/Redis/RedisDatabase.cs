using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Bots.Caching.Redis;

/// <summary>
/// Commands against one database, named after StackExchange.Redis's IDatabase so the real package can replace
/// this client without touching callers. Only the commands the project needs are here; ExecuteAsync sends any other.
/// </summary>
public sealed class RedisDatabase
{
    private static readonly ConcurrentDictionary<string, (string Sha1, RedisValue Body)> Scripts = new(StringComparer.Ordinal);

    private readonly RedisConnection _connection;

    internal RedisDatabase(RedisConnection connection, int database)
    {
        _connection = connection;
        Database = database;
    }

    public int Database { get; }

    public RedisConnection Multiplexer => _connection;

    /// <summary>Sends any command, e.g. <c>ExecuteAsync("CONFIG", ["GET", "maxmemory"])</c>. Error replies throw <see cref="RedisServerException"/>.</summary>
    public Task<RedisResult> ExecuteAsync(string command, IReadOnlyList<RedisValue>? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return Send(Encoding.UTF8.GetBytes(command), args is null ? [] : [.. args], cancellationToken);
    }

    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Send(Commands.Ping, [], cancellationToken).ConfigureAwait(false);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    public async Task<RedisValue> StringGetAsync(string key, CancellationToken cancellationToken = default) =>
        (await Send(Commands.Get, [key], cancellationToken).ConfigureAwait(false)).AsRedisValue();

    /// <summary>SET, with an expiry in milliseconds when given. True when the value was stored.</summary>
    public async Task<bool> StringSetAsync(string key, RedisValue value, TimeSpan? expiry = null, CancellationToken cancellationToken = default)
    {
        RedisValue[] args = expiry is { } ttl ? [key, value, "PX", ToMilliseconds(ttl)] : [key, value];
        var reply = await Send(Commands.Set, args, cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    public async Task<bool> KeyDeleteAsync(string key, CancellationToken cancellationToken = default) =>
        (long)await Send(Commands.Del, [key], cancellationToken).ConfigureAwait(false) == 1;

    public async Task<long> KeyDeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? 0 : (long)await Send(Commands.Del, [.. keys.Select(k => (RedisValue)k)], cancellationToken).ConfigureAwait(false);

    public async Task<bool> KeyExistsAsync(string key, CancellationToken cancellationToken = default) =>
        (long)await Send(Commands.Exists, [key], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Sets the key's time to live (PEXPIRE, millisecond precision), or removes it when null (PERSIST).</summary>
    public async Task<bool> KeyExpireAsync(string key, TimeSpan? expiry, CancellationToken cancellationToken = default)
    {
        var reply = expiry is { } ttl
            ? await Send(Commands.PExpire, [key, ToMilliseconds(ttl)], cancellationToken).ConfigureAwait(false)
            : await Send(Commands.Persist, [key], cancellationToken).ConfigureAwait(false);
        return (long)reply == 1;
    }

    /// <summary>The key's remaining time to live; null when it has none or does not exist.</summary>
    public async Task<TimeSpan?> KeyTimeToLiveAsync(string key, CancellationToken cancellationToken = default)
    {
        var milliseconds = (long)await Send(Commands.PTtl, [key], cancellationToken).ConfigureAwait(false);
        return milliseconds < 0 ? null : TimeSpan.FromMilliseconds(milliseconds);
    }

    public async Task<RedisValue> HashGetAsync(string key, RedisValue field, CancellationToken cancellationToken = default) =>
        (await Send(Commands.HGet, [key, field], cancellationToken).ConfigureAwait(false)).AsRedisValue();

    /// <summary>HMGET: the fields' values in the order asked, nil for missing fields (all nil for a missing key).</summary>
    public async Task<RedisValue[]> HashGetAsync(string key, IReadOnlyList<RedisValue> fields, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fields.Count);
        var reply = await Send(Commands.HMGet, [key, .. fields], cancellationToken).ConfigureAwait(false);
        return [.. reply.AsArray().Select(r => r.AsRedisValue())];
    }

    public async Task<HashEntry[]> HashGetAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var items = (await Send(Commands.HGetAll, [key], cancellationToken).ConfigureAwait(false)).AsArray();
        var entries = new HashEntry[items.Length / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new HashEntry(items[2 * i].AsRedisValue(), items[(2 * i) + 1].AsRedisValue());
        }
        return entries;
    }

    public async Task HashSetAsync(string key, IReadOnlyList<HashEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(entries.Count);
        var args = new RedisValue[1 + (2 * entries.Count)];
        args[0] = key;
        for (var i = 0; i < entries.Count; i++)
        {
            args[1 + (2 * i)] = entries[i].Name;
            args[2 + (2 * i)] = entries[i].Value;
        }
        await Send(Commands.HSet, args, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the field is new.</summary>
    public async Task<bool> HashSetAsync(string key, RedisValue field, RedisValue value, CancellationToken cancellationToken = default) =>
        (long)await Send(Commands.HSet, [key, field, value], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Runs a Lua script by its SHA1 (EVALSHA), sending the body (EVAL) only when the server does not have it yet.</summary>
    public async Task<RedisResult> ScriptEvaluateAsync(string script, IReadOnlyList<string>? keys = null, IReadOnlyList<RedisValue>? values = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        var (sha1, body) = Scripts.GetOrAdd(script, s =>
            (Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(s))), (RedisValue)s));
        keys ??= [];
        values ??= [];
        var args = new RedisValue[2 + keys.Count + values.Count];
        args[0] = sha1;
        args[1] = keys.Count;
        for (var i = 0; i < keys.Count; i++)
        {
            args[2 + i] = keys[i];
        }
        for (var i = 0; i < values.Count; i++)
        {
            args[2 + keys.Count + i] = values[i];
        }
        try
        {
            return await Send(Commands.EvalSha, args, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Prefix == "NOSCRIPT")
        {
            args[0] = body;
            return await Send(Commands.Eval, args, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<RedisResult> Send(byte[] command, RedisValue[] args, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(command, args, Database, cancellationToken);

    private static long ToMilliseconds(TimeSpan ttl) => Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));

    private static class Commands
    {
        public static readonly byte[] Ping = "PING"u8.ToArray();
        public static readonly byte[] Get = "GET"u8.ToArray();
        public static readonly byte[] Set = "SET"u8.ToArray();
        public static readonly byte[] Del = "DEL"u8.ToArray();
        public static readonly byte[] Exists = "EXISTS"u8.ToArray();
        public static readonly byte[] PExpire = "PEXPIRE"u8.ToArray();
        public static readonly byte[] Persist = "PERSIST"u8.ToArray();
        public static readonly byte[] PTtl = "PTTL"u8.ToArray();
        public static readonly byte[] HGet = "HGET"u8.ToArray();
        public static readonly byte[] HMGet = "HMGET"u8.ToArray();
        public static readonly byte[] HGetAll = "HGETALL"u8.ToArray();
        public static readonly byte[] HSet = "HSET"u8.ToArray();
        public static readonly byte[] EvalSha = "EVALSHA"u8.ToArray();
        public static readonly byte[] Eval = "EVAL"u8.ToArray();
    }
}
