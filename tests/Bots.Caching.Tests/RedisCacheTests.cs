using Bots.Caching.Redis;
using Bots.Caching.Tests.Redis;
using Bots.Testing;
using Microsoft.Extensions.Caching.Distributed;

namespace Bots.Caching.Tests;

public class RedisCacheTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RedisConnection _connection = null!;
    private RedisDatabase _db = null!;
    private RedisCache _cache = null!;

    public async Task InitializeAsync()
    {
        _connection = await RedisConnection.ConnectAsync(fixture.Server.ConnectionString);
        _db = _connection.GetDatabase();
        _cache = new RedisCache(new RedisCacheOptions { Configuration = fixture.Server.ConnectionString, InstanceName = "app1:" });
    }

    public async Task DisposeAsync()
    {
        await _cache.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [RedisFact]
    public async Task Set_StoresMicrosoftsHashLayoutUnderTheInstancePrefix()
    {
        var key = NewKey();
        var before = DateTimeOffset.UtcNow;

        await _cache.SetAsync(key, [1, 2, 3], new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10),
            SlidingExpiration = TimeSpan.FromMinutes(2),
        });
        var fields = (await _db.HashGetAllAsync("app1:" + key)).ToDictionary(e => (string)e.Name!, e => e.Value);
        var ttl = await _db.KeyTimeToLiveAsync("app1:" + key);

        Assert.Equal(["absexp", "data", "sldexp"], fields.Keys.Order());
        Assert.Equal(new byte[] { 1, 2, 3 }, (byte[]?)fields["data"]);
        Assert.Equal(TimeSpan.FromMinutes(2).Ticks, (long)fields["sldexp"]);
        var absolute = new DateTimeOffset((long)fields["absexp"], TimeSpan.Zero);
        Assert.InRange(absolute, before.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.InRange(ttl!.Value.TotalSeconds, 115, 120);
    }

    [RedisFact]
    public async Task Set_WithoutExpiration_StoresMinusOnesAndNoTtl()
    {
        var key = NewKey();

        await _cache.SetAsync(key, [9], new DistributedCacheEntryOptions());

        Assert.Equal(-1L, (long)await _db.HashGetAsync("app1:" + key, "absexp"));
        Assert.Equal(-1L, (long)await _db.HashGetAsync("app1:" + key, "sldexp"));
        Assert.Null(await _db.KeyTimeToLiveAsync("app1:" + key));
        Assert.Equal(new byte[] { 9 }, await _cache.GetAsync(key));
    }

    [RedisFact]
    public async Task Get_Missing_ReturnsNull() => Assert.Null(await _cache.GetAsync(NewKey()));

    [RedisFact]
    public async Task Set_BinaryValue_RoundTrips()
    {
        var key = NewKey();
        var value = new byte[300_000];
        new Random(3).NextBytes(value);

        _cache.Set(key, value, new DistributedCacheEntryOptions());

        Assert.Equal(value, _cache.Get(key));
    }

    [RedisFact]
    public async Task AbsoluteExpirationRelativeToNow_EntryGoneAfterIt()
    {
        var key = NewKey();

        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(700) });
        var early = await _cache.GetAsync(key);
        await Task.Delay(1000);

        Assert.NotNull(early);
        Assert.Null(await _cache.GetAsync(key));
    }

    [RedisFact]
    public async Task AbsoluteExpiration_EntryGoneAfterIt()
    {
        var key = NewKey();

        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMilliseconds(700) });
        var early = await _cache.GetAsync(key);
        await Task.Delay(1000);

        Assert.NotNull(early);
        Assert.Null(await _cache.GetAsync(key));
    }

    [RedisFact]
    public async Task AbsoluteExpiration_InThePast_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _cache.SetAsync(NewKey(), [1], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddSeconds(-1) }));
    }

    [RedisFact]
    public async Task SlidingExpiration_ReadsKeepTheEntryAlive_IdlenessEndsIt()
    {
        var key = NewKey();
        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMilliseconds(1200) });

        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(400);
            Assert.NotNull(await _cache.GetAsync(key));
        }
        await Task.Delay(1500);

        Assert.Null(await _cache.GetAsync(key));
    }

    [RedisFact]
    public async Task Refresh_RenewsASlidingEntryWithoutReadingIt()
    {
        var key = NewKey();
        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMilliseconds(1200) });

        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(400);
            await _cache.RefreshAsync(key);
        }
        var ttl = await _db.KeyTimeToLiveAsync("app1:" + key);

        Assert.InRange(ttl!.Value.TotalMilliseconds, 300, 1200);
        Assert.NotNull(await _cache.GetAsync(key));
    }

    [RedisFact]
    public async Task SlidingAndAbsolute_RefreshesNeverOutliveTheAbsoluteExpiration()
    {
        var key = NewKey();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromMilliseconds(1000),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(2000),
        });

        var seen = new List<bool>();
        foreach (var at in new[] { 500, 1000, 1500, 2400, 2800 })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, at - clock.ElapsedMilliseconds)));
            seen.Add(await _cache.GetAsync(key) is not null);
        }

        Assert.Equal([true, true, true, false, false], seen);
    }

    [RedisFact]
    public async Task Refresh_AbsoluteOnlyEntry_DoesNotExtendIt()
    {
        var key = NewKey();
        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30) });
        await _db.KeyExpireAsync("app1:" + key, TimeSpan.FromSeconds(5));

        await _cache.RefreshAsync(key);

        Assert.InRange((await _db.KeyTimeToLiveAsync("app1:" + key))!.Value.TotalSeconds, 4, 5);
    }

    [RedisFact]
    public async Task Remove_DeletesTheEntry()
    {
        var key = NewKey();
        await _cache.SetAsync(key, [1], new DistributedCacheEntryOptions());

        await _cache.RemoveAsync(key);

        Assert.Null(await _cache.GetAsync(key));
        Assert.False(await _db.KeyExistsAsync("app1:" + key));
    }

    [RedisFact]
    public async Task Get_EntryWrittenTheWayMicrosoftsCacheWritesIt_IsRead()
    {
        var key = NewKey();
        await _db.HashSetAsync("app1:" + key, [new HashEntry("absexp", -1), new HashEntry("sldexp", TimeSpan.FromSeconds(60).Ticks), new HashEntry("data", "shared")]);
        await _db.KeyExpireAsync("app1:" + key, TimeSpan.FromSeconds(10));

        var value = await _cache.GetAsync(key);

        Assert.Equal("shared", System.Text.Encoding.UTF8.GetString(value!));
        Assert.InRange((await _db.KeyTimeToLiveAsync("app1:" + key))!.Value.TotalSeconds, 59, 60);
    }
}
