using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Bots.Cli.Load;

/// <summary>
/// Counts of one kind of request (gRPC asks, Telegram messages, Discord interactions): every request sent ends as
/// exactly one of succeeded, failed (with its reason) or lost, and successes keep their latency.
/// </summary>
internal sealed class RequestTally(string kind)
{
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly List<double> _latencies = [];
    private long _sent;
    private long _succeeded;
    private long _lost;
    private long _lastCompletion;

    public string Kind { get; } = kind;

    public long Sent => Interlocked.Read(ref _sent);

    public long Finished => Interlocked.Read(ref _succeeded) + Interlocked.Read(ref _lost) + _failures.Values.Sum();

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void Succeed(long scheduledTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_latencies)
        {
            _latencies.Add(Stopwatch.GetElapsedTime(scheduledTimestamp, now).TotalMilliseconds);
        }

        Interlocked.Increment(ref _succeeded);
        Completed(now);
    }

    public void Fail(string reason)
    {
        _failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
        Completed(Stopwatch.GetTimestamp());
    }

    public void Lose()
    {
        Interlocked.Increment(ref _lost);
        Completed(Stopwatch.GetTimestamp());
    }

    public KindReport Report(long startTimestamp)
    {
        double[] sorted;
        lock (_latencies)
        {
            sorted = [.. _latencies];
        }

        Array.Sort(sorted);
        var last = Interlocked.Read(ref _lastCompletion);
        var seconds = last == 0 ? 0 : Stopwatch.GetElapsedTime(startTimestamp, last).TotalSeconds;
        var succeeded = Interlocked.Read(ref _succeeded);
        return new KindReport(
            Kind,
            Sent,
            succeeded,
            new SortedDictionary<string, long>(_failures, StringComparer.Ordinal),
            Interlocked.Read(ref _lost),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1],
            seconds > 0 ? succeeded / seconds : 0);
    }

    private void Completed(long timestamp)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _lastCompletion)) < timestamp && Interlocked.CompareExchange(ref _lastCompletion, timestamp, seen) != seen)
        {
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The outcome of one kind of request. Latency runs from the scheduled send time, so a late send counts against the system.</summary>
internal sealed record KindReport(
    string Kind,
    long Sent,
    long Succeeded,
    IReadOnlyDictionary<string, long> Failed,
    long Lost,
    double P50Milliseconds,
    double P99Milliseconds,
    double MaxMilliseconds,
    double SucceededPerSecond)
{
    public long FailedCount => Failed.Values.Sum();
}

/// <summary>CPU time one process used during the measured window.</summary>
internal sealed record ProcessCpu(string Process, double CpuSeconds, double PeakMegabytes);

/// <summary>What `bots bench load` prints: offered load, per-kind outcomes and latency, and who used the CPU.</summary>
internal sealed record LoadReport(
    string Description,
    IReadOnlyList<KindReport> Kinds,
    TimeSpan Elapsed,
    IReadOnlyList<ProcessCpu> Cpu,
    IReadOnlyList<MethodTiming> Server,
    IReadOnlyList<RuntimeCost> Runtime,
    string LoadAverageBefore,
    string LoadAverageAfter)
{
    /// <summary>True when every request sent succeeded: none failed, none lost.</summary>
    public bool AllSucceeded => Kinds.All(k => k.FailedCount == 0 && k.Lost == 0 && k.Succeeded == k.Sent);

    public void Print(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Description}; every request had its outcome {Elapsed.TotalSeconds:0.0} s after the first send"));
        output.WriteLine($"{"kind",-18} {"sent",8} {"ok",8} {"failed",7} {"lost",6} {"ok/s",8} {"p50 ms",9} {"p99 ms",9} {"max ms",9}");
        foreach (var kind in Kinds)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind.Kind,-18} {kind.Sent,8} {kind.Succeeded,8} {kind.FailedCount,7} {kind.Lost,6} {kind.SucceededPerSecond,8:0.0} {kind.P50Milliseconds,9:0.0} {kind.P99Milliseconds,9:0.0} {kind.MaxMilliseconds,9:0.0}"));
        }

        foreach (var kind in Kinds.Where(k => k.FailedCount > 0))
        {
            output.WriteLine($"errors ({kind.Kind}): {string.Join(", ", kind.Failed.Select(f => $"{f.Key} × {f.Value}"))}");
        }

        if (Cpu.Count > 0)
        {
            var window = Math.Max(Elapsed.TotalSeconds, 0.001);
            output.WriteLine("CPU during the run (share of one core): " + string.Join(", ", Cpu.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Process} {c.CpuSeconds:0.0} s ({100 * c.CpuSeconds / window:0}%, peak {c.PeakMegabytes:0} MB)"))));
        }

        // Per request answered: under overload most sent requests time out waiting and cost next to nothing, so
        // dividing by those sent would flatter the services. Work done on failed requests is billed to the answered
        // ones instead, which makes the figures an upper bound whenever some failed.
        var requests = Kinds.Sum(k => k.Succeeded);
        var per = requests == Kinds.Sum(k => k.Sent)
            ? "per request"
            : string.Create(CultureInfo.InvariantCulture, $"per request answered ({requests} of {Kinds.Sum(k => k.Sent)} sent; an upper bound, as the failed ones' work is billed to them)");
        if (Cpu.Count == 1 && requests > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU {per}: generator {Cpu[0].CpuSeconds * 1000 / requests:0.00} ms (the services run elsewhere: their CPU is not measured here)"));
        }
        else if (Cpu.Count > 1 && requests > 0)
        {
            // CPU per request is what decides capacity on a shared machine: wall time there measures the neighbours too.
            var services = Cpu.Where(c => c.Process != "generator").Sum(c => c.CpuSeconds) * 1000 / requests;
            var generator = Cpu.Where(c => c.Process == "generator").Sum(c => c.CpuSeconds) * 1000 / requests;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU {per}: {string.Join(", ", Cpu.Select(c => $"{c.Process} {c.CpuSeconds * 1000 / requests:0.00} ms"))}; " +
                $"services {services:0.00} ms + generator {generator:0.00} ms: {Environment.ProcessorCount} cores sustain at most ~{Environment.ProcessorCount * 1000 / (services + generator):0} requests/s with the generator on the same machine, ~{Environment.ProcessorCount * 1000 / services:0}/s without it"));
        }

        if (Runtime.Count > 0 && requests > 0)
        {
            // Allocation and GC counts do not depend on what else the machine runs, unlike CPU time: they show a cut
            // even when the neighbours make the clock noisy. JIT work in the window means the warm-up was too short.
            output.WriteLine($"runtime costs {per} (the services' own counters over the measured window):");
            output.WriteLine($"  {"process",-24} {"CPU ms",7} {"alloc KB",9} {"gen0 GCs/1k",12} {"gen1 GCs/1k",12} {"gen2 GCs/1k",12} {"GC pause ms",12} {"JIT methods",12} {"JIT s",7}");
            foreach (var cost in Runtime)
            {
                var cpu = Cpu.FirstOrDefault(c => c.Process == cost.Process)?.CpuSeconds ?? 0;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {cost.Process,-24} {cpu * 1000 / requests,7:0.00} {cost.AllocatedBytes / 1024 / requests,9:0.0} {cost.Gen0 * 1000 / requests,12:0.0} {cost.Gen1 * 1000 / requests,12:0.0} {cost.Gen2 * 1000 / requests,12:0.0} {cost.GcPauseSeconds * 1000 / requests,12:0.000} {cost.JitMethods,12:0} {cost.JitSeconds,7:0.00}"));
            }
        }

        if (Runtime.Where(r => r.CacheHits + r.CacheMisses > 0).ToList() is { Count: > 0 } caching)
        {
            output.WriteLine("answer cache over the measured window (every question is new, so none should be a hit): " + string.Join(", ",
                caching.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Process} {r.CacheHits:0} hits, {r.CacheMisses:0} misses"))));
        }

        foreach (var store in Runtime.Where(r => r.StoreTiers.Ranked + r.StoreTiers.Kept > 0))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store search tiers over the measured window: {store.StoreTiers.Ranked:0} ranked with FTS5, {store.StoreTiers.Kept:0} from rankings kept for the corpus version ({100 * store.StoreTiers.Kept / (store.StoreTiers.Ranked + store.StoreTiers.Kept):0}%)"));
        }

        var asks = Kinds.FirstOrDefault()?.Sent ?? 0;
        foreach (var method in Server.OrderByDescending(m => m.Calls))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server side: {method.Process} {method.Method}: {method.Calls} calls ({(asks == 0 ? 0 : (double)method.Calls / asks):0.0} per ask sent), mean {method.MeanMilliseconds:0.0} ms, p50 <= {method.P50AtMostMilliseconds:0.#} ms, p99 <= {method.P99AtMostMilliseconds:0.#} ms"));
        }

        output.WriteLine($"machine: {Environment.ProcessorCount} cores; load average before {LoadAverageBefore}, after {LoadAverageAfter}");
        output.WriteLine(AllSucceeded ? "result: every request succeeded" : "result: FAILED: some requests failed or were lost");
    }

    /// <summary>The 1-, 5- and 15-minute load averages, or "n/a" off Linux.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
