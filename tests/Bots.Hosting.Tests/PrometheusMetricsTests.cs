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
