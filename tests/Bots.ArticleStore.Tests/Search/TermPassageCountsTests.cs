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
}
