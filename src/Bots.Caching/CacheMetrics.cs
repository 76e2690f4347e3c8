using System.Diagnostics.Metrics;

namespace Bots.Caching;

/// <summary>Counters of the "Bots.Caching" meter: hits and misses per kind of response, and cache calls lost to an outage.</summary>
public sealed class CacheMetrics
{
    public const string MeterName = "Bots.Caching";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _unavailable;

    public CacheMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _hits = meter.CreateCounter<long>("bots.cache.hits", unit: "{request}", description: "Responses served from the cache.");
        _misses = meter.CreateCounter<long>("bots.cache.misses", unit: "{request}", description: "Responses computed because the cache had none.");
        _unavailable = meter.CreateCounter<long>("bots.cache.unavailable", unit: "{call}", description: "Cache calls skipped or failed because the cache was down or slow.");
    }

    public void Hit(string kind) => _hits.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Miss(string kind) => _misses.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Unavailable() => _unavailable.Add(1);
}
