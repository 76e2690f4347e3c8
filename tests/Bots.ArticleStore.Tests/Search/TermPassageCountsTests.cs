using System.Diagnostics.Metrics;
using Bots.ArticleStore.Search;

namespace Bots.ArticleStore.Tests.Search;

public sealed class TermPassageCountsTests
{
    [Fact]
    public void GetOrCount_SameVersion_CountsAWordOnce()
    {
        var counts = new TermPassageCounts();
        var counted = 0;

        var first = counts.At(7).GetOrCount("harbour", _ => ++counted);
        var again = counts.At(7).GetOrCount("harbour", _ => ++counted);

        Assert.Equal(1, first);
        Assert.Equal(1, again);
        Assert.Equal(1, counted);
    }

    [Fact]
    public void GetOrCount_AfterTheCorpusChanged_CountsAgain()
    {
        var counts = new TermPassageCounts();
        counts.At(7).GetOrCount("zeppelin", _ => 0);

        var afterWrite = counts.At(8).GetOrCount("zeppelin", _ => 1);

        Assert.Equal(1, afterWrite);
    }

    [Fact]
    public void At_AnOlderVersionThanOneAlreadySeen_NeitherUsesNorReplacesTheNewerCounts()
    {
        var counts = new TermPassageCounts();
        counts.At(8).GetOrCount("ferry", _ => 5);

        var older = counts.At(7).GetOrCount("ferry", _ => 4);
        var newer = counts.At(8).GetOrCount("ferry", _ => throw new InvalidOperationException("counted again"));

        Assert.Equal(4, older);
        Assert.Equal(5, newer);
    }

    [Fact]
    public void GetOrRank_SameVersionAndTier_RanksOnce()
    {
        var counts = new TermPassageCounts();
        var tier = new TierKey("(\"ivan\" OR \"petrov\")", 4096, 16, "", "", "");
        var ranked = 0;

        var first = counts.At(7).GetOrRank(tier, _ => [(++ranked, -1.5)]);
        var again = counts.At(7).GetOrRank(tier, _ => [(++ranked, -1.5)]);

        Assert.Equal(1, ranked);
        Assert.Equal(first, again);
    }

    [Fact]
    public void GetOrRank_AfterTheCorpusChanged_RanksAgain()
    {
        var counts = new TermPassageCounts();
        var tier = new TierKey("(\"crane\")", 4096, 16, "", "", "");
        counts.At(7).GetOrRank(tier, _ => [(65536, -1.0)]);

        var afterWrite = counts.At(8).GetOrRank(tier, _ => [(131072, -2.0), (65536, -1.0)]);

        Assert.Equal([(131072L, -2.0), (65536L, -1.0)], afterWrite);
    }

    [Fact]
    public void GetOrRank_ATierBoundOtherwise_IsRankedOnItsOwn()
    {
        // The same words scored as a fill tier, for a longer page or another source are another statement's rows.
        var counts = new TermPassageCounts();
        var generation = counts.At(7);
        var full = new TierKey("(\"crane\")", 4096, 16, "", "", "");
        generation.GetOrRank(full, _ => [(1, -1.0)]);

        var fill = generation.GetOrRank(full with { Scored = 512 }, _ => [(2, -1.0)]);
        var longer = generation.GetOrRank(full with { Limit = 32 }, _ => [(3, -1.0)]);
        var filtered = generation.GetOrRank(full with { Source = "Port Gazette" }, _ => [(4, -1.0)]);

        Assert.Equal(2, Assert.Single(fill).Rowid);
        Assert.Equal(3, Assert.Single(longer).Rowid);
        Assert.Equal(4, Assert.Single(filtered).Rowid);
    }

    [Fact]
    public void GetOrRankAndGetOrCount_CountWhatTheIndexDidAndWhatWasKept()
    {
        var counts = new TermPassageCounts();
        var tier = new TierKey("(\"omar\" AND \"haddad\")", 4096, 16, "", "", "");
        var measured = new Dictionary<string, long>();
        // Other tests search in parallel through the same static meter: count this thread's measurements only.
        var thread = Environment.CurrentManagedThreadId;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TermPassageCounts.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                var key = $"{instrument.Name}/{tags.ToArray().Single(t => t.Key == "source").Value}";
                measured[key] = measured.GetValueOrDefault(key) + value;
            }
        });
        listener.Start();

        for (var i = 0; i < 3; i++)
        {
            counts.At(7).GetOrRank(tier, _ => [(1, -1.5)]);
        }
        counts.At(7).GetOrCount("omar", _ => 12);
        counts.At(8).GetOrCount("omar", _ => 12);

        Assert.Equal(1, measured["bots.store.search.tier_rankings/index"]);
        Assert.Equal(2, measured["bots.store.search.tier_rankings/cache"]);
        Assert.Equal(2, measured["bots.store.search.term_counts/index"]);
        Assert.False(measured.ContainsKey("bots.store.search.term_counts/cache"));
    }
}
