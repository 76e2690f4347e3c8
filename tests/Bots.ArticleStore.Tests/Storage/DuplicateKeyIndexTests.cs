using Bots.ArticleStore.Dedup;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Tests.Storage;

public sealed class DuplicateKeyIndexTests
{
    private static DuplicateKeyIndex Index(params (long Id, uint[] Keys)[] articles)
    {
        var index = new DuplicateKeyIndex();
        foreach (var (id, keys) in articles)
        {
            foreach (var key in keys)
            {
                index.Add(key, id);
            }
        }
        return index;
    }

    [Fact]
    public void Candidates_RankByKeysSharedThenByOldestId()
    {
        var index = Index((9, [3]), (7, [1, 2]), (5, [1, 2, 3]), (3, [1, 2]), (4, [40]));

        var candidates = index.Candidates([1, 2, 3]);

        Assert.Equal([5, 3, 7, 9], candidates);
    }

    [Fact]
    public void Candidates_SkipAKeyPostedByMoreArticlesThanTheLimit()
    {
        var index = Index((1000, [200]));
        for (var id = 1; id <= DuplicatePolicy.MaxPostingsPerKey + 1; id++)
        {
            index.Add(100, id);
        }
        for (var id = 1; id <= DuplicatePolicy.MaxPostingsPerKey; id++)
        {
            index.Add(300, 5000 + id);
        }

        Assert.Equal([1000], index.Candidates([100, 200]));
        Assert.Equal(DuplicatePolicy.MaxCandidates, index.Candidates([300]).Count);
    }

    [Fact]
    public void Candidates_AreAtMostTheConfiguredNumber_TheOldestOfEquals()
    {
        var index = new DuplicateKeyIndex();
        for (var id = 20; id >= 1; id--)
        {
            index.Add(7, id);
        }

        Assert.Equal(Enumerable.Range(1, DuplicatePolicy.MaxCandidates).Select(i => (long)i), index.Candidates([7]));
    }

    [Fact]
    public void Remove_TakesOnlyThatArticleOutOfTheKey()
    {
        var index = Index((1, [10, 11]), (2, [10]));

        index.Remove(10, 1);
        index.Remove(11, 1);

        Assert.Equal([2], index.Candidates([10, 11]));
        index.Remove(10, 2);
        Assert.Empty(index.Candidates([10, 11]));
    }

    [Fact]
    public void Add_AnIdBeyondThirtyTwoBits_IsKept()
    {
        var index = Index((5_000_000_000, [1, 2]), (3, [2]));

        Assert.Equal([5_000_000_000, 3], index.Candidates([1, 2]));
    }
}
