using Bots.Summarizer.Summaries;
using Bots.Text;

namespace Bots.Summarizer.Tests.Summaries;

public class SentenceGraphTests
{
    [Fact]
    public void Rank_ScoresSumToOne()
    {
        var scores = SentenceGraph.Rank(new double[,] { { 0, 1, 0 }, { 1, 0, 1 }, { 0, 1, 0 } });

        Assert.Equal(1.0, scores.Sum(), 6);
    }

    [Fact]
    public void Rank_TheHubOfAStarScoresHighest()
    {
        var scores = SentenceGraph.Rank(new double[,] { { 0, 1, 1, 1 }, { 1, 0, 0, 0 }, { 1, 0, 0, 0 }, { 1, 0, 0, 0 } });

        Assert.True(scores[0] > scores[1]);
        Assert.Equal(scores[1], scores[2], 9);
    }

    [Fact]
    public void Rank_WithoutEdges_IsUniform()
    {
        var scores = SentenceGraph.Rank(new double[3, 3]);

        Assert.All(scores, s => Assert.Equal(1.0 / 3, s, 9));
    }

    [Fact]
    public void Rank_OfNoNodes_IsEmpty()
    {
        Assert.Empty(SentenceGraph.Rank(new double[0, 0]));
    }

    [Fact]
    public void Rank_WithAPrior_FavoursThePriorNodes()
    {
        var weights = new double[,] { { 0, 1 }, { 1, 0 } };

        var scores = SentenceGraph.Rank(weights, prior: [0.9, 0.1]);

        Assert.True(scores[0] > scores[1]);
    }

    [Fact]
    public void Similarities_IsSymmetricWithAZeroDiagonal()
    {
        var vectors = new[] { TermVector.FromCounts(["a", "b"]), TermVector.FromCounts(["b", "c"]) };

        var matrix = SentenceGraph.Similarities(vectors);

        Assert.Equal(0.0, matrix[0, 0]);
        Assert.Equal(matrix[0, 1], matrix[1, 0]);
        Assert.Equal(0.5, matrix[0, 1], 9);
    }
}
