using Bots.Caching.Redis;
using Bots.Caching.Resilience;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Caching;

public static class CachingServiceExtensions
{
    public const string RedisKey = "Bots:Redis";

    /// <summary>
    /// Registers <see cref="IDistributedCache"/> and <see cref="ResponseCache"/>: Redis (behind a timeout and a circuit
    /// breaker) when <c>Bots:Redis</c> is set, otherwise an in-memory cache. Settings come from <c>Bots:Cache</c>
    /// (<see cref="CacheOptions"/>); a malformed value stops start-up with a message naming its key.
    /// </summary>
    public static IServiceCollection AddBotsCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CacheOptions>()
            .Bind(configuration.GetSection(CacheOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MaxBreakDuration >= o.BreakDuration,
                $"{CacheOptions.SectionName}:MaxBreakDuration must not be shorter than {CacheOptions.SectionName}:BreakDuration.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<CacheMetrics>();
        services.TryAddSingleton<ResponseCache>();

        var connectionString = configuration[RedisKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddDistributedMemoryCache();
            services.AddOptions<Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions>()
                .Configure<IOptions<CacheOptions>>((memory, cache) => memory.SizeLimit = cache.Value.MemorySizeLimit);
            return services;
        }

        RedisConfiguration redis;
        try
        {
            redis = RedisConfiguration.Parse(connectionString);
        }
        catch (FormatException ex)
        {
            throw new OptionsValidationException(RedisKey, typeof(RedisConfiguration), [$"{RedisKey} is not a valid Redis connection string: {ex.Message}"]);
        }
        services.RemoveAll<IDistributedCache>();
        services.AddSingleton<IDistributedCache>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            var redisCacheOptions = new RedisCacheOptions { ConfigurationOptions = redis, InstanceName = options.InstanceName };
            // Swap point for the real package: `new Microsoft.Extensions.Caching.StackExchangeRedis.RedisCache(
            //     new Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions { Configuration = connectionString, InstanceName = ... })`.
            IDistributedCache inner = new RedisCache(redisCacheOptions);
            var breaker = new CircuitBreaker(
                $"Redis cache at {redis.FormatEndPoint()}",
                options.FailuresBeforeBreak,
                options.BreakDuration,
                options.MaxBreakDuration,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bots.Caching.RedisCache"));
            return new ResilientDistributedCache(inner, breaker, options.CommandTimeout, sp.GetRequiredService<CacheMetrics>());
        });
        return services;
    }
}
