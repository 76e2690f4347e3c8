using Bots.Caching.Resilience;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bots.Caching.Tests;

public class CachingServiceExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddBotsCache(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddBotsCache_WithoutRedis_UsesTheBoundedInMemoryCache()
    {
        using var services = Build();

        Assert.IsType<MemoryDistributedCache>(services.GetRequiredService<IDistributedCache>());
        Assert.Equal(64L * 1024 * 1024, services.GetRequiredService<IOptions<MemoryDistributedCacheOptions>>().Value.SizeLimit);
        Assert.NotNull(services.GetRequiredService<ResponseCache>());
    }

    [Fact]
    public void AddBotsCache_WithRedis_UsesRedisBehindTheCircuitBreaker()
    {
        using var services = Build(("Bots:Redis", "127.0.0.1:6399,password=x"), ("Bots:Cache:CommandTimeout", "00:00:00.1"));

        var cache = Assert.IsType<ResilientDistributedCache>(services.GetRequiredService<IDistributedCache>());

        Assert.IsType<RedisCache>(cache.Inner);
        Assert.Equal(CircuitState.Closed, cache.Breaker.State);
    }

    [Fact]
    public void AddBotsCache_MalformedRedisSetting_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(("Bots:Redis", "localhost,colour=blue")));

        Assert.Contains("Bots:Redis", error.Message, StringComparison.Ordinal);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bots:Cache:CommandTimeout", "00:01:00")]
    [InlineData("Bots:Cache:FailuresBeforeBreak", "0")]
    [InlineData("Bots:Cache:MaxBreakDuration", "00:00:00.5")]
    public void AddBotsCache_BadCacheSetting_FailsNamingTheKey(string key, string value)
    {
        using var services = Build((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CacheOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
