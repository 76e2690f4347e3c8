using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Bots.Hosting.Metrics;

/// <summary>
/// Collects the process's System.Diagnostics.Metrics instruments (meters named "Bots.*", and the runtime's
/// "System.Runtime" meter: CPU time, GC collections, pauses and allocated bytes, JIT compilations, thread pool) and renders
/// them in the Prometheus text exposition format 0.0.4 for /metrics. Counters become `_total`
/// series, histograms cumulative `_bucket`/`_sum`/`_count` series, units a name suffix.
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    private static readonly double[] DefaultSecondsBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly double[] DefaultBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    /// <summary>The runtime's own meter: what a process costs (CPU, allocations, GC, JIT) next to what it serves.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly Func<Meter, bool> _include;

    public PrometheusMetrics(Func<Meter, bool>? include = null)
    {
        _include = include ?? (meter => meter.Name.StartsWith("Bots", StringComparison.Ordinal) || meter.Name == RuntimeMeterName);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_include(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<float>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<short>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<byte>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<decimal>((i, v, t, _) => Record(i, (double)v, t));
        _listener.Start();
    }

    /// <summary>The current values of every collected instrument, as Prometheus text.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _instruments.Values.GroupBy(s => s.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            if (!string.IsNullOrEmpty(first.Help))
            {
                text.Append("# HELP ").Append(first.Name).Append(' ').Append(EscapeHelp(first.Help)).Append('\n');
            }

            text.Append("# TYPE ").Append(first.Name).Append(' ').Append(first.Type).Append('\n');
            foreach (var state in group)
            {
                state.WriteTo(text);
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var state = _instruments.GetOrAdd(instrument, static i => InstrumentState.Create(i));
        state.Record(value, tags);
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string MetricName(string instrumentName, string? unit, bool counter)
    {
        var name = new StringBuilder(instrumentName.Length + 16);
        foreach (var c in instrumentName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || c == ':' ? char.ToLowerInvariant(c) : '_');
        }

        var suffix = unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            null or "" or "1" => string.Empty,
            _ when unit.StartsWith('{') => string.Empty,
            _ => "_" + new string(unit.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray()),
        };
        if (suffix.Length > 0 && !name.ToString().EndsWith(suffix, StringComparison.Ordinal))
        {
            name.Append(suffix);
        }

        if (counter && !name.ToString().EndsWith("_total", StringComparison.Ordinal))
        {
            name.Append("_total");
        }

        return name.ToString();
    }

    private static string LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            var key = new string(tag.Key.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
            pairs.Add(new(key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(',', pairs.Select(p => $"{p.Key}=\"{EscapeLabel(p.Value)}\""));
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private abstract class InstrumentState(string name, string type, string? help)
    {
        public string Name { get; } = name;

        public string Type { get; } = type;

        public string? Help { get; } = help;

        public static InstrumentState Create(Instrument instrument)
        {
            var definition = instrument.GetType().GetGenericTypeDefinition();
            if (definition == typeof(Histogram<>))
            {
                var buckets = instrument.Unit == "s" ? DefaultSecondsBuckets : DefaultBuckets;
                return new HistogramState(MetricName(instrument.Name, instrument.Unit, counter: false), instrument.Description, buckets);
            }

            var isCounter = definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>);
            var isObservable = instrument.IsObservable;
            return new ValueState(
                MetricName(instrument.Name, instrument.Unit, isCounter),
                isCounter ? "counter" : "gauge",
                instrument.Description,
                accumulate: !isObservable);
        }

        public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

        public abstract void WriteTo(StringBuilder text);
    }

    /// <summary>
    /// The series of one instrument, found per measurement without formatting its labels: measurements arrive on
    /// every request, so the lookup uses a raw key of the tags as given and formats labels only for a new series.
    /// Two tag orders of the same labels share one series.
    /// </summary>
    private sealed class SeriesSet<T>(Func<T> create)
        where T : class
    {
        [ThreadStatic]
        private static StringBuilder? t_key;

        private readonly ConcurrentDictionary<string, T> _byRawKey = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, T> _byLabels = new(StringComparer.Ordinal);

        public T Get(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var raw = RawKey(tags);
            if (_byRawKey.TryGetValue(raw, out var series))
            {
                return series;
            }
            series = _byLabels.GetOrAdd(LabelsOf(tags), _ => create());
            return _byRawKey.GetOrAdd(raw, series);
        }

        public IEnumerable<KeyValuePair<string, T>> Ordered() => _byLabels.OrderBy(s => s.Key, StringComparer.Ordinal);

        private static string RawKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.IsEmpty)
            {
                return string.Empty;
            }
            var key = t_key ??= new StringBuilder();
            key.Clear();
            foreach (var tag in tags)
            {
                key.Append(tag.Key).Append('\u0001');
                if (tag.Value is string text)
                {
                    key.Append(text);
                }
                else
                {
                    key.Append(Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
                }
                key.Append('\u0002');
            }
            return key.ToString();
        }
    }

    private sealed class ValueState(string name, string type, string? help, bool accumulate) : InstrumentState(name, type, help)
    {
        private readonly SeriesSet<double[]> _series = new(static () => new double[1]);

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var cell = _series.Get(tags);
            if (accumulate)
            {
                Add(ref cell[0], value);
            }
            else
            {
                Volatile.Write(ref cell[0], value);
            }
        }

        public override void WriteTo(StringBuilder text)
        {
            foreach (var (labels, cell) in _series.Ordered())
            {
                var value = Volatile.Read(ref cell[0]);
                text.Append(Name);
                if (labels.Length > 0)
                {
                    text.Append('{').Append(labels).Append('}');
                }

                text.Append(' ').Append(Number(value)).Append('\n');
            }
        }
    }

    private sealed class HistogramState(string name, string? help, double[] bounds) : InstrumentState(name, "histogram", help)
    {
        private readonly SeriesSet<Series> _series = new(() => new Series(bounds.Length + 1));

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var series = _series.Get(tags);
            var bucket = Array.BinarySearch(bounds, value);
            bucket = bucket >= 0 ? bucket : ~bucket;
            // Lock-free: a scrape may see a bucket counted before the sum, never a torn value.
            Interlocked.Increment(ref series.Counts[bucket]);
            Add(ref series.Sum, value);
        }

        public override void WriteTo(StringBuilder text)
        {
            foreach (var (labels, series) in _series.Ordered())
            {
                var counts = new long[series.Counts.Length];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = Interlocked.Read(ref series.Counts[i]);
                }
                var sum = Volatile.Read(ref series.Sum);
                // _count is the +Inf bucket by definition; taking it from the buckets keeps the two equal.
                var count = counts.Sum();

                var prefix = labels.Length > 0 ? labels + "," : string.Empty;
                long cumulative = 0;
                for (var i = 0; i <= bounds.Length; i++)
                {
                    cumulative += counts[i];
                    var le = i < bounds.Length ? Number(bounds[i]) : "+Inf";
                    text.Append(Name).Append("_bucket{").Append(prefix).Append("le=\"").Append(le).Append("\"} ").Append(cumulative).Append('\n');
                }

                var suffix = labels.Length > 0 ? "{" + labels + "}" : string.Empty;
                text.Append(Name).Append("_sum").Append(suffix).Append(' ').Append(Number(sum)).Append('\n');
                text.Append(Name).Append("_count").Append(suffix).Append(' ').Append(count).Append('\n');
            }
        }

        private sealed class Series(int buckets)
        {
            public readonly long[] Counts = new long[buckets];
            public double Sum;
        }
    }

    private static void Add(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref target, current + value, current);
            if (seen.Equals(current))
            {
                return;
            }
            current = seen;
        }
    }
}
