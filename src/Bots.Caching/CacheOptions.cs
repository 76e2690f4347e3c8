using System.ComponentModel.DataAnnotations;

namespace Bots.Caching;

/// <summary>How responses are cached; bound from <c>Bots:Cache</c>. Where the cache lives is <c>Bots:Redis</c>.</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Bots:Cache";

    /// <summary>Prefix of every Redis key, so several deployments can share one database.</summary>
    public string InstanceName { get; set; } = "";

    /// <summary>How long one Redis call may take before the request goes on without the cache.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10", ErrorMessage = "Bots:Cache:CommandTimeout must be between 1 ms and 10 s.")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Failures in a row after which Redis is skipped for <see cref="BreakDuration"/>.</summary>
    [Range(1, 1000, ErrorMessage = "Bots:Cache:FailuresBeforeBreak must be between 1 and 1000.")]
    public int FailuresBeforeBreak { get; set; } = 3;

    /// <summary>The first pause before Redis is probed again; it doubles while the probes fail.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Bots:Cache:BreakDuration must be between 10 ms and 1 h.")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Bots:Cache:MaxBreakDuration must be between 10 ms and 1 h.")]
    public TimeSpan MaxBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a cached answer or summary lives. Keys carry the corpus version, so this only bounds memory.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Bots:Cache:ResponseTimeToLive must be between 1 s and 30 days.")]
    public TimeSpan ResponseTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Upper bound of the in-memory cache used without Redis, in bytes.</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "Bots:Cache:MemorySizeLimit must be at least 1024 bytes.")]
    public long MemorySizeLimit { get; set; } = 64L * 1024 * 1024;
}
