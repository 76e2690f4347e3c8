using System.Globalization;
using System.Text.RegularExpressions;

namespace Bots.Cli.Load;

/// <summary>One gRPC method's server-side figures over the run, from the service's own /metrics histogram.</summary>
internal sealed record MethodTiming(string Process, string Method, long Calls, double MeanMilliseconds, double P50AtMostMilliseconds, double P99AtMostMilliseconds);

/// <summary>What one process spent between two scrapes, from the runtime's own counters (the System.Runtime meter), and how
/// many responses its cache served or computed.</summary>
internal sealed record RuntimeCost(string Process, double AllocatedBytes, double Gen0, double Gen1, double Gen2, double GcPauseSeconds, double JitMethods, double JitSeconds, double CacheHits, double CacheMisses)
{
    /// <summary>Search tiers the store ranked with an FTS5 query, and those it took from rankings kept for the corpus version.</summary>
    public (double Ranked, double Kept) StoreTiers { get; init; }
}

/// <summary>
/// Reads the services' `bots_grpc_server_duration_seconds` histograms and runtime counters before and after the run,
/// so the report can say where the time goes: calls the store served per ask, each method's time inside its server
/// next to the time the load generator saw (the difference is queueing and transport), and what each process spent
/// on allocation, garbage collection and the JIT.
/// </summary>
internal static partial class ServerTimings
{
    private const string Histogram = "bots_grpc_server_duration_seconds";

    /// <summary>Cumulative bucket counts and sums per (method, le) of one scrape, and the runtime's counters by series (name{labels}).</summary>
    public sealed record Snapshot(
        IReadOnlyDictionary<(string Method, string Le), double> Buckets,
        IReadOnlyDictionary<string, (double Sum, double Count)> Totals,
        IReadOnlyDictionary<string, double> Runtime)
    {
        /// <summary>Methods the JIT has compiled so far (0 when the process does not report it).</summary>
        public double JitMethods => Runtime.GetValueOrDefault("dotnet_jit_compiled_methods_total");
    }

    public static async Task<Snapshot?> ScrapeAsync(HttpClient http, Uri httpAddress, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await http.GetStringAsync(new Uri(httpAddress, "/metrics"), cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        var buckets = new Dictionary<(string, string), double>();
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match line in Series().Matches(text))
        {
            var labels = Labels().Matches(line.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            var method = $"{labels.GetValueOrDefault("service", "?")}/{labels.GetValueOrDefault("method", "?")}";
            var value = double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            switch (line.Groups["kind"].Value)
            {
                case "_bucket":
                    buckets[(method, labels.GetValueOrDefault("le", "+Inf"))] = value;
                    break;
                case "_sum":
                    sums[method] = value;
                    break;
                default:
                    counts[method] = value;
                    break;
            }
        }

        var runtime = RuntimeSeries().Matches(text).ToDictionary(
            m => m.Groups["series"].Value,
            m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
        return new Snapshot(buckets, counts.ToDictionary(c => c.Key, c => (sums.GetValueOrDefault(c.Key), c.Value), StringComparer.Ordinal), runtime);
    }

    /// <summary>The runtime's counters between two scrapes.</summary>
    public static RuntimeCost RuntimeBetween(string process, Snapshot before, Snapshot after)
    {
        double Delta(string series) => after.Runtime.GetValueOrDefault(series) - before.Runtime.GetValueOrDefault(series);
        double Collections(string generation) => Delta("dotnet_gc_collections_total{gc_heap_generation=\"" + generation + "\"}");
        return new RuntimeCost(
            process,
            Delta("dotnet_gc_heap_total_allocated_bytes_total"),
            Collections("gen0"),
            Collections("gen1"),
            Collections("gen2"),
            Delta("dotnet_gc_pause_time_seconds_total"),
            Delta("dotnet_jit_compiled_methods_total"),
            Delta("dotnet_jit_compilation_time_seconds_total"),
            after.Runtime.Where(r => r.Key.StartsWith("bots_cache_hits_total", StringComparison.Ordinal)).Sum(r => r.Value - before.Runtime.GetValueOrDefault(r.Key)),
            after.Runtime.Where(r => r.Key.StartsWith("bots_cache_misses_total", StringComparison.Ordinal)).Sum(r => r.Value - before.Runtime.GetValueOrDefault(r.Key)))
        {
            StoreTiers = (Delta("bots_store_search_tier_rankings_total{source=\"index\"}"), Delta("bots_store_search_tier_rankings_total{source=\"cache\"}")),
        };
    }

    /// <summary>Per-method figures between two scrapes; percentiles are the upper bound of the bucket they fall in.</summary>
    public static IEnumerable<MethodTiming> Between(string process, Snapshot before, Snapshot after)
    {
        foreach (var (method, (sum, count)) in after.Totals)
        {
            var (sumBefore, countBefore) = before.Totals.GetValueOrDefault(method);
            var calls = count - countBefore;
            if (calls < 1 || method.StartsWith("grpc.", StringComparison.Ordinal))
            {
                continue;
            }

            var bounds = after.Buckets.Keys.Where(k => k.Method == method)
                .Select(k => (k.Le, Bound: k.Le == "+Inf" ? double.PositiveInfinity : double.Parse(k.Le, CultureInfo.InvariantCulture)))
                .OrderBy(b => b.Bound)
                .Select(b => (b.Bound, Count: after.Buckets[(method, b.Le)] - before.Buckets.GetValueOrDefault((method, b.Le))))
                .ToList();
            double Quantile(double q) => 1000 * bounds.FirstOrDefault(b => b.Count >= q * calls, (double.PositiveInfinity, 0)).Bound;
            yield return new MethodTiming(process, method[(method.LastIndexOf('.') + 1)..], (long)calls, 1000 * (sum - sumBefore) / calls, Quantile(0.5), Quantile(0.99));
        }
    }

    [GeneratedRegex("^" + Histogram + @"(?<kind>_bucket|_sum|_count)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Series();

    [GeneratedRegex(@"^(?<series>(?:dotnet_(?:gc|jit)_\w+|bots_cache_(?:hits|misses)_total|bots_store_search_\w+_total)(?:\{[^}]*\})?) (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex RuntimeSeries();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Labels();
}
