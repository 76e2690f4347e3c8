using Bots.Caching.Redis;
using Microsoft.Extensions.Options;

namespace Bots.Caching;

/// <summary>Settings of <see cref="RedisCache"/>, named as in Microsoft.Extensions.Caching.StackExchangeRedis.</summary>
public sealed class RedisCacheOptions : IOptions<RedisCacheOptions>
{
    /// <summary>The connection string (either form <see cref="RedisConfiguration.Parse"/> reads).</summary>
    public string? Configuration { get; set; }

    /// <summary>Parsed configuration; wins over <see cref="Configuration"/> when set.</summary>
    public RedisConfiguration? ConfigurationOptions { get; set; }

    /// <summary>Prefix of every key, so several applications can share one database.</summary>
    public string? InstanceName { get; set; }

    /// <summary>Supplies a connection instead of one made from the configuration (tests, sharing one connection).</summary>
    public Func<Task<RedisConnection>>? ConnectionMultiplexerFactory { get; set; }

    RedisCacheOptions IOptions<RedisCacheOptions>.Value => this;
}
