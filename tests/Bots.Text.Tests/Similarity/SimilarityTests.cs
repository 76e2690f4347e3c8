namespace Bots.Text.Tests.Similarity;

public class SimilarityTests
{
    [Fact]
    public void Shingles_OfWords_AreTheDistinctNGrams()
    {
        Assert.Equal(new HashSet<string> { "a b", "b c", "c a" }, Shingles.Of(["a", "b", "c", "a", "b"], 2));
    }

    [Fact]
    public void Shingles_OfFewerWordsThanN_IsOneShingle()
    {
        Assert.Equal(new HashSet<string> { "a b" }, Shingles.Of(["a", "b"], 3));
    }

    [Fact]
    public void Shingles_OfNoWords_IsEmpty()
    {
        Assert.Empty(Shingles.Of([], 3));
    }

    [Fact]
    public void Shingles_WithNBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shingles.Of(["a"], 0));
    }

    [Fact]
    public void Jaccard_IsIntersectionOverUnion()
    {
        Assert.Equal(0.5, Bots.Text.Similarity.Jaccard(new HashSet<int> { 1, 2, 3 }, new HashSet<int> { 2, 3, 4 }));
    }

    [Fact]
    public void Jaccard_OfIdenticalSets_IsOne()
    {
        Assert.Equal(1.0, Bots.Text.Similarity.Jaccard(new HashSet<string> { "x" }, new HashSet<string> { "x" }));
    }

    [Fact]
    public void Jaccard_OfTwoEmptySets_IsZero()
    {
        Assert.Equal(0.0, Bots.Text.Similarity.Jaccard(new HashSet<string>(), new HashSet<string>()));
    }

    [Fact]
    public void Containment_IsShareOfTheSmallerSet()
    {
        Assert.Equal(1.0, Bots.Text.Similarity.Containment(new HashSet<int> { 1, 2 }, new HashSet<int> { 1, 2, 3, 4 }));
    }

    [Fact]
    public void ShingleJaccard_OfARewordedCopy_IsHighAndOfAnotherStory_IsLow()
    {
        const string original = "Palestinian President Mahmoud Abbas arrived in Moscow on Monday for talks with Vladimir Putin.";
        const string copy = "Palestinian President Mahmoud Abbas arrived in Moscow on Monday for talks with Russian leader Vladimir Putin.";
        const string other = "The central bank raised interest rates by half a point on Thursday.";

        Assert.True(Bots.Text.Similarity.ShingleJaccard(original, copy) > 0.6);
        Assert.True(Bots.Text.Similarity.ShingleJaccard(original, other) < 0.05);
    }

    [Fact]
    public void Cosine_OfParallelVectors_IsOne()
    {
        var a = TermVector.FromCounts(["x", "y"]);
        var b = TermVector.FromCounts(["x", "y", "x", "y"]);

        Assert.Equal(1.0, a.Cosine(b), 9);
    }

    [Fact]
    public void Cosine_OfDisjointVectors_IsZero()
    {
        Assert.Equal(0.0, TermVector.FromCounts(["x"]).Cosine(TermVector.FromCounts(["y"])));
    }

    [Fact]
    public void Cosine_WithAnEmptyVector_IsZero()
    {
        Assert.Equal(0.0, TermVector.FromCounts([]).Cosine(TermVector.FromCounts(["y"])));
    }

    [Fact]
    public void Cosine_OfKnownCounts_MatchesHandComputation()
    {
        var a = TermVector.FromCounts(["x", "x", "y"]);
        var b = TermVector.FromCounts(["x", "z"]);

        Assert.Equal(2 / (Math.Sqrt(5) * Math.Sqrt(2)), Bots.Text.Similarity.Cosine(a, b), 9);
    }

    [Fact]
    public void TfIdf_RareTermsWeighMoreThanCommonOnes()
    {
        var tfidf = new TfIdf([["putin", "moscow"], ["putin", "abbas"], ["putin", "gaza"]]);

        Assert.True(tfidf.Idf("abbas") > tfidf.Idf("putin"));
        Assert.Equal(3, tfidf.DocumentCount);
    }

    [Fact]
    public void TfIdf_Vector_WeighsTermFrequencyByIdf()
    {
        var tfidf = new TfIdf([["a", "b"], ["a"]]);

        var vector = tfidf.Vector(["b", "b", "a"]);

        Assert.Equal(2 * Math.Log(1 + 2.0 / 1), vector["b"], 9);
        Assert.Equal(Math.Log(1 + 2.0 / 2), vector["a"], 9);
    }

    [Fact]
    public void TfIdf_UnseenTerm_CountsAsSeenOnce()
    {
        var tfidf = new TfIdf([["a"], ["b"]]);

        Assert.Equal(Math.Log(3), tfidf.Idf("zzz"), 9);
    }
}
