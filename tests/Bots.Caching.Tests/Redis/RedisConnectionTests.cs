using System.Text;
using Bots.Caching.Redis;
using Bots.Testing;

namespace Bots.Caching.Tests.Redis;

public class RedisConnectionTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RedisConnection _connection = null!;
    private RedisDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _connection = await RedisConnection.ConnectAsync(fixture.Server.ConnectionString);
        _db = _connection.GetDatabase();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    [RedisFact]
    public async Task StringSet_ValueWithCrLfInside_ReadsBackExactly()
    {
        var key = NewKey();
        const string value = "line one\r\nline two\r\n$5\r\n*1\r\n";

        await _db.StringSetAsync(key, value);

        Assert.Equal(value, (string?)await _db.StringGetAsync(key));
    }

    [RedisFact]
    public async Task StringSet_EveryByteValue_IsBinarySafe()
    {
        var key = NewKey();
        var value = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Enumerable.Range(0, 256).Select(i => (byte)(255 - i))).ToArray();

        await _db.StringSetAsync(key, value);

        Assert.Equal(value, (byte[]?)await _db.StringGetAsync(key));
    }

    [RedisFact]
    public async Task StringSet_OneMebibyteValue_RoundTrips()
    {
        var key = NewKey();
        var value = new byte[1024 * 1024];
        new Random(8).NextBytes(value);
        value[1000] = (byte)'\r';
        value[1001] = (byte)'\n';

        await _db.StringSetAsync(key, value);
        var read = (byte[]?)await _db.StringGetAsync(key);

        Assert.Equal(value, read);
    }

    [RedisFact]
    public async Task StringGet_MissingKey_IsNilNotEmpty()
    {
        var missing = await _db.StringGetAsync(NewKey());
        var key = NewKey();
        await _db.StringSetAsync(key, "");
        var empty = await _db.StringGetAsync(key);

        Assert.True(missing.IsNull);
        Assert.False(empty.IsNull);
        Assert.Equal("", (string?)empty);
    }

    [RedisFact]
    public async Task ErrorReply_IsATypedExceptionAndTheConnectionCarriesOn()
    {
        var key = NewKey();
        await _db.HashSetAsync(key, "f", "v");

        var error = await Assert.ThrowsAsync<RedisServerException>(() => _db.StringGetAsync(key));
        var unknown = await Assert.ThrowsAsync<RedisServerException>(() => _db.ExecuteAsync("NOSUCHCOMMAND", ["x"]));

        Assert.Equal("WRONGTYPE", error.Prefix);
        Assert.Contains("unknown command", unknown.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("v", (string?)await _db.HashGetAsync(key, "f"));
    }

    [RedisFact]
    public async Task Pipelining_ManyTasksAtOnce_EachGetsItsOwnReply()
    {
        const int tasks = 200;
        const int perTask = 25;
        var prefix = NewKey();

        var work = Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            var pending = new List<Task<RedisValue>>();
            for (var i = 0; i < perTask; i++)
            {
                var key = $"{prefix}:{t}:{i}";
                _ = _db.StringSetAsync(key, $"value-{t}-{i}-" + new string('x', (t * i) % 300));
                pending.Add(_db.StringGetAsync(key));
            }
            var values = await Task.WhenAll(pending);
            return values.Select((v, i) => (Expected: $"value-{t}-{i}-" + new string('x', (t * i) % 300), Actual: (string?)v)).ToArray();
        }));
        var results = (await Task.WhenAll(work)).SelectMany(r => r).ToArray();

        Assert.Equal(tasks * perTask, results.Length);
        Assert.All(results, r => Assert.Equal(r.Expected, r.Actual));
    }

    [RedisFact]
    public async Task Hash_SetAndGetFields_InTheOrderAsked()
    {
        var key = NewKey();

        await _db.HashSetAsync(key, [new HashEntry("a", 1), new HashEntry("b", "two"), new HashEntry("c", new byte[] { 0, 13, 10 })]);
        var values = await _db.HashGetAsync(key, ["c", "missing", "a"]);

        Assert.Equal(new byte[] { 0, 13, 10 }, (byte[]?)values[0]);
        Assert.True(values[1].IsNull);
        Assert.Equal(1L, (long)values[2]);
        Assert.Equal(3, (await _db.HashGetAllAsync(key)).Length);
    }

    [RedisFact]
    public async Task KeyExpire_SetsAMillisecondTtl_AndNullPersists()
    {
        var key = NewKey();
        await _db.StringSetAsync(key, "v");

        Assert.True(await _db.KeyExpireAsync(key, TimeSpan.FromSeconds(30)));
        var ttl = await _db.KeyTimeToLiveAsync(key);
        Assert.True(await _db.KeyExpireAsync(key, null));

        Assert.InRange(ttl!.Value.TotalSeconds, 29, 30);
        Assert.Null(await _db.KeyTimeToLiveAsync(key));
    }

    [RedisFact]
    public async Task StringSet_WithExpiry_IsGoneAfterIt()
    {
        var key = NewKey();

        await _db.StringSetAsync(key, "v", TimeSpan.FromMilliseconds(150));
        await Task.Delay(400);

        Assert.False(await _db.KeyExistsAsync(key));
    }

    [RedisFact]
    public async Task KeyDelete_ReportsWhetherAnythingWasDeleted()
    {
        var key = NewKey();
        await _db.StringSetAsync(key, "v");

        Assert.True(await _db.KeyDeleteAsync(key));
        Assert.False(await _db.KeyDeleteAsync(key));
    }

    [RedisFact]
    public async Task ScriptEvaluate_RunsLuaWithKeysAndArguments_LoadingItOnce()
    {
        var key = NewKey();
        const string script = "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('STRLEN', KEYS[1]) + tonumber(ARGV[2])";
        await _db.ExecuteAsync("SCRIPT", ["FLUSH"]);

        var first = await _db.ScriptEvaluateAsync(script, [key], ["hello", 10]);
        var second = await _db.ScriptEvaluateAsync(script, [key], ["hi", 1]);

        Assert.Equal(15L, (long)first);
        Assert.Equal(3L, (long)second);
    }

    [RedisFact]
    public async Task GetDatabase_OtherNumber_SeesOnlyItsOwnKeys()
    {
        var key = NewKey();
        var db2 = _connection.GetDatabase(2);

        await db2.StringSetAsync(key, "in two");
        // Interleave to make the writer switch databases back and forth on one connection.
        var reads = await Task.WhenAll(_db.StringGetAsync(key), db2.StringGetAsync(key), _db.StringGetAsync(key));

        Assert.True(reads[0].IsNull);
        Assert.Equal("in two", (string?)reads[1]);
        Assert.True(reads[2].IsNull);
    }

    [RedisFact]
    public async Task DefaultDatabase_FromTheConnectionString_IsSelected()
    {
        var key = NewKey();
        await using var other = await RedisConnection.ConnectAsync($"redis://{fixture.Server.EndPoint}/5");

        await other.GetDatabase().StringSetAsync(key, "five");

        Assert.Equal("five", (string?)await _connection.GetDatabase(5).StringGetAsync(key));
        Assert.True((await _db.StringGetAsync(key)).IsNull);
    }

    [RedisFact]
    public async Task DefaultDatabase_OutOfRange_FailsToConnectNamingSelect()
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"{fixture.Server.EndPoint},defaultDatabase=999,connectRetry=1"));

        Assert.Contains("SELECT 999", error.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task ConnectAsync_NothingListening_FailsWithinTheConnectRetries()
    {
        var port = fixture.Server.Port + 1;

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"127.0.0.2:{port},connectTimeout=300,connectRetry=2"));

        Assert.Equal(ConnectionFailureType.UnableToConnect, error.FailureType);
    }

    [RedisFact]
    public async Task Command_ServerTooSlow_TimesOutAndLaterRepliesStillMatch()
    {
        await using var slow = await RedisConnection.ConnectAsync(fixture.Server.ConnectionString + ",syncTimeout=150");
        var db = slow.GetDatabase();
        var key = NewKey();
        await db.StringSetAsync(key, "after");

        // The server sleeps far longer than the 150 ms timeout, so a late timer on a busy machine still fires first.
        var sleeping = db.ExecuteAsync("DEBUG", ["SLEEP", "1.5"]);
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<RedisTimeoutException>(() => db.StringGetAsync(key));
        var waited = DateTime.UtcNow - started;
        await Assert.ThrowsAsync<RedisTimeoutException>(() => sleeping);
        await Task.Delay(1500);

        Assert.InRange(waited.TotalMilliseconds, 100, 1400);
        Assert.Equal("after", (string?)await db.StringGetAsync(key));
    }

    [RedisFact]
    public async Task Encoding_IsUtf8()
    {
        var key = NewKey();

        await _db.StringSetAsync(key, "Аббас — Москва “quoted” 🙂");

        Assert.Equal("Аббас — Москва “quoted” 🙂", (string?)await _db.StringGetAsync(key));
        Assert.Equal(Encoding.UTF8.GetByteCount("Аббас — Москва “quoted” 🙂"), (long)await _db.ExecuteAsync("STRLEN", [key]));
    }
}
