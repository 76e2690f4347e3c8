using Bots.Summarizer.Evaluation;

namespace Bots.Summarizer.Tests.Evaluation;

public class RougeTests
{
    private readonly Rouge stemmed = new(stem: true);
    private readonly Rouge plain = new(stem: false);

    [Fact]
    public void Tokens_AreLowerCasedAndSplitOnNonAlphanumerics()
    {
        Assert.Equal(["the", "u", "s", "economy", "grew", "3", "5"], plain.Tokens("The U.S. economy grew 3.5%!"));
    }

    [Fact]
    public void Tokens_WithStemming_StemOnlyTokensLongerThanThreeCharacters()
    {
        Assert.Equal(["cat", "ran", "run", "quickli"], stemmed.Tokens("cats ran running quickly"));
    }

    [Fact]
    public void N_IdenticalTexts_ScoreOne()
    {
        var score = plain.N("the cat sat on the mat", "the cat sat on the mat", 2);

        Assert.Equal(1.0, score.F, 9);
    }

    [Fact]
    public void N_DisjointTexts_ScoreZero()
    {
        Assert.Equal(0.0, plain.N("alpha beta", "gamma delta", 1).F);
    }

    [Fact]
    public void N_Unigrams_MatchHandComputedPrecisionAndRecall()
    {
        // Candidate "the cat was found under the bed", reference "the cat was under the bed": 6 shared of 7 and 6.
        var score = plain.N("the cat was found under the bed", "the cat was under the bed", 1);

        Assert.Equal(6.0 / 7, score.Precision, 9);
        Assert.Equal(1.0, score.Recall, 9);
        Assert.Equal(2 * (6.0 / 7) / (6.0 / 7 + 1), score.F, 9);
    }

    [Fact]
    public void N_Bigrams_MatchHandComputedValues()
    {
        // Candidate bigrams: the cat, cat was, was found, found under, under the, the bed (6);
        // reference: the cat, cat was, was under, under the, the bed (5); shared 4.
        var score = plain.N("the cat was found under the bed", "the cat was under the bed", 2);

        Assert.Equal(4.0 / 6, score.Precision, 9);
        Assert.Equal(4.0 / 5, score.Recall, 9);
    }

    [Fact]
    public void N_RepeatedGrams_AreClippedToTheReferenceCount()
    {
        var score = plain.N("the the the", "the cat", 1);

        Assert.Equal(1.0 / 3, score.Precision, 9);
        Assert.Equal(1.0 / 2, score.Recall, 9);
    }

    [Fact]
    public void N_EmptyCandidate_ScoresZero()
    {
        Assert.Equal(0.0, plain.N("", "the cat", 1).F);
    }

    [Fact]
    public void L_SingleSentence_IsTheLongestCommonSubsequence()
    {
        // LCS of "police killed the gunman" and "police kill the gunman" without stemming: police, the, gunman.
        var score = plain.L("police kill the gunman", "police killed the gunman");

        Assert.Equal(3.0 / 4, score.Recall, 9);
        Assert.Equal(3.0 / 4, score.Precision, 9);
    }

    [Fact]
    public void L_WithStemming_MatchesInflections()
    {
        Assert.Equal(1.0, stemmed.L("police killing the gunman", "police killed the gunman").F, 9);
    }

    [Fact]
    public void L_SummaryLevel_IgnoresSentenceOrder()
    {
        var score = plain.L("the second one\nthe first one", "the first one\nthe second one");

        Assert.Equal(1.0, score.F, 9);
    }

    [Fact]
    public void L_SummaryLevel_TakesTheUnionOfSubsequencesAcrossCandidateSentences()
    {
        // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5:
        // the union LCS of r is w1 w2 w3 w5, so recall is 4/5.
        var score = plain.L("w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", "w1 w2 w3 w4 w5");

        Assert.Equal(4.0 / 5, score.Recall, 9);
        Assert.Equal(4.0 / 10, score.Precision, 9);
    }

    [Fact]
    public void CommonSubsequencePositions_ReturnsPositionsInTheFirstSequence()
    {
        Assert.Equal([0, 2, 3], Rouge.CommonSubsequencePositions(["a", "b", "c", "d"], ["a", "x", "c", "d"]));
    }
}
