using System.Diagnostics.Metrics;
using Bots.Hosting.Metrics;

namespace Bots.Hosting.Tests;

public sealed class PrometheusMetricsTests
{
    [Fact]
    public void Scrape_CounterWithTags_RendersTotalSeriesPerLabelSet()
    {
        using var meter = new Meter("Bots.Tests.Counter." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(m => m == meter);
        var counter = meter.CreateCounter<long>("bots.test.messages", description: "Messages seen.");

        counter.Add(2, new KeyValuePair<string, object?>("channel", "telegram"));
        counter.Add(3, new KeyValuePair<string, object?>("channel", "telegram"));
        counter.Add(1, new KeyValuePair<string, object?>("channel", "discord"));

        var family = PrometheusText.Parse(metrics.Scrape())["bots_test_messages_total"];
        Assert.Equal("counter", family.Type);
        Assert.Equal(5, family.Samples.Single(s => s.Labels["channel"] == "telegram").Value);
        Assert.Equal(1, family.Samples.Single(s => s.Labels["channel"] == "discord").Value);
    }

    [Fact]
    public void Scrape_HistogramInSeconds_RendersCumulativeBucketsSumAndCount()
    {
        using var meter = new Meter("Bots.Tests.Histogram." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(m => m == meter);
        var histogram = meter.CreateHistogram<double>("bots.test.duration", unit: "s");

        histogram.Record(0.0007);
        histogram.Record(0.003);
        histogram.Record(42);

        var family = PrometheusText.Parse(metrics.Scrape())["bots_test_duration_seconds"];
        Assert.Equal("histogram", family.Type);
        var buckets = family.Samples.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        Assert.Equal(buckets.Select(b => b.Value).Order(), buckets.Select(b => b.Value));
        Assert.Equal(1, buckets.Single(b => b.Labels["le"] == "0.001").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "0.005").Value);
        Assert.Equal(3, buckets.Single(b => b.Labels["le"] == "+Inf").Value);
        Assert.Equal(3, family.Samples.Single(s => s.Name == "bots_test_duration_seconds_count").Value);
        Assert.Equal(42.0037, family.Samples.Single(s => s.Name == "bots_test_duration_seconds_sum").Value, 6);
    }

    [Fact]
    public void Record_SameLabelsInAnotherOrder_CountsIntoOneSeries()
    {
        using var meter = new Meter("Bots.Tests.Order." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(m => m == meter);
        var counter = meter.CreateCounter<long>("bots.test.calls");

        counter.Add(1, new KeyValuePair<string, object?>("method", "Ask"), new KeyValuePair<string, object?>("code", "OK"));
        counter.Add(1, new KeyValuePair<string, object?>("code", "OK"), new KeyValuePair<string, object?>("method", "Ask"));
        counter.Add(1, new KeyValuePair<string, object?>("code", 0), new KeyValuePair<string, object?>("method", "Ask"));

        var samples = PrometheusText.Parse(metrics.Scrape())["bots_test_calls_total"].Samples;
        Assert.Equal(2, samples.Single(s => s.Labels["code"] == "OK").Value);
        Assert.Equal(1, samples.Single(s => s.Labels["code"] == "0").Value);
    }

    [Fact]
    public void Record_FromManyThreadsAtOnce_LosesNoMeasurement()
    {
        using var meter = new Meter("Bots.Tests.Concurrent." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(m => m == meter);
        var counter = meter.CreateCounter<double>("bots.test.work");
        var histogram = meter.CreateHistogram<double>("bots.test.latency", unit: "s");

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var tag = new KeyValuePair<string, object?>("worker", (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
            counter.Add(0.5, tag);
            histogram.Record(0.002, tag);
        });

        var families = PrometheusText.Parse(metrics.Scrape());
        Assert.All(families["bots_test_work_total"].Samples, s => Assert.Equal(5_000, s.Value));
        var counts = families["bots_test_latency_seconds"].Samples.Where(s => s.Name == "bots_test_latency_seconds_count").ToList();
        Assert.Equal(4, counts.Count);
        Assert.All(counts, s => Assert.Equal(10_000, s.Value));
        Assert.All(families["bots_test_latency_seconds"].Samples.Where(s => s.Name == "bots_test_latency_seconds_sum"), s => Assert.Equal(20, s.Value, 6));
    }

    [Fact]
    public void Scrape_LabelValuesWithQuotesAndNewlines_AreEscaped()
    {
        using var meter = new Meter("Bots.Tests.Escape." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(m => m == meter);
        meter.CreateCounter<long>("bots.test.odd").Add(1, new KeyValuePair<string, object?>("text", "say \"hi\"\nback\\slash"));

        var sample = PrometheusText.Parse(metrics.Scrape())["bots_test_odd_total"].Samples.Single();

        Assert.Equal("say \"hi\"\nback\\slash", sample.Labels["text"]);
    }

    [Fact]
    public void Scrape_ObservableGauge_ReportsTheLatestObservation()
    {
        using var meter = new Meter("Bots.Tests.Gauge." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(m => m == meter);
        var value = 7;
        meter.CreateObservableGauge("bots.test.articles", () => value);

        metrics.Scrape();
        value = 9;
        var family = PrometheusText.Parse(metrics.Scrape())["bots_test_articles"];

        Assert.Equal("gauge", family.Type);
        Assert.Equal(9, family.Samples.Single().Value);
    }
}
