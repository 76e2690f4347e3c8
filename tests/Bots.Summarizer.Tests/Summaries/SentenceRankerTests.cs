using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Tests.Summaries;

public class SentenceRankerTests
{
    private const string Title = "Central bank raises interest rates";

    private const string Body = """
        The central bank raised interest rates by half a point on Thursday to fight rising inflation.
        The weather in the capital was sunny and warm throughout the afternoon.
        Economists said the rise in interest rates would slow inflation and cool the housing market.
        He said it was a difficult decision.
        Inflation reached its highest level in a decade last month, the bank said.
        A local football team won its match on Saturday evening.
        The bank raised interest rates again because inflation stayed high, the governor said.
        """;

    private readonly SentenceRanker ranker = new();

    [Fact]
    public void Choose_ReturnsTheRequestedNumberInArticleOrder()
    {
        var chosen = ranker.Choose(Title, DocumentSentence.Split(Body), 3);

        Assert.Equal(3, chosen.Count);
        Assert.Equal(chosen.Order(), chosen);
    }

    [Fact]
    public void Choose_PrefersOnTopicSentencesOverAsides()
    {
        var sentences = DocumentSentence.Split(Body);

        var chosen = ranker.Choose(Title, sentences, 3).Select(i => sentences[i].Text).ToList();

        Assert.DoesNotContain(chosen, s => s.Contains("weather", StringComparison.Ordinal));
        Assert.DoesNotContain(chosen, s => s.Contains("football", StringComparison.Ordinal));
    }

    [Fact]
    public void Choose_AvoidsADanglingHeSaidOpener()
    {
        var sentences = DocumentSentence.Split(Body);

        var chosen = ranker.Choose(Title, sentences, 4).Select(i => sentences[i].Text).ToList();

        Assert.DoesNotContain("He said it was a difficult decision.", chosen);
    }

    [Fact]
    public void Choose_WhenAskedForMoreThanThereAre_ReturnsEverySentence()
    {
        var sentences = DocumentSentence.Split("One sentence here. Another one there.");

        Assert.Equal([0, 1], ranker.Choose("t", sentences, 5));
    }

    [Fact]
    public void Choose_FromNothing_ReturnsNothing()
    {
        Assert.Empty(ranker.Choose("t", [], 3));
    }

    [Fact]
    public void Choose_ZeroSentences_ReturnsNothing()
    {
        Assert.Empty(ranker.Choose(Title, DocumentSentence.Split(Body), 0));
    }

    [Fact]
    public void Choose_DoesNotPickTwoCopiesOfTheSameSentence()
    {
        var body = """
            The central bank raised interest rates by half a point on Thursday.
            The central bank raised interest rates by half a point on Thursday.
            Inflation reached its highest level in a decade, the bank said on Thursday.
            Mortgage costs will rise for millions of households after the decision.
            """;
        var sentences = DocumentSentence.Split(body);

        var chosen = ranker.Choose(Title, sentences, 2);

        Assert.NotEqual(sentences[chosen[0]].Text, sentences[chosen[1]].Text);
    }

    [Fact]
    public void Choose_SkipsFragmentsWhileFullSentencesRemain()
    {
        var body = """
            Rates rise.
            The central bank raised interest rates by half a point on Thursday to fight inflation.
            Economists expect interest rates to stay high while inflation remains above target.
            """;
        var sentences = DocumentSentence.Split(body);

        var chosen = ranker.Choose(Title, sentences, 2);

        Assert.Equal([1, 2], chosen);
    }

    [Theory]
    [InlineData("He said it was hard.", true)]
    [InlineData("But the plan failed.", true)]
    [InlineData("This was the first visit.", true)]
    [InlineData("Abbas said it was hard.", false)]
    [InlineData("The plan failed.", false)]
    public void IsDangling_RecognisesOpenersThatNeedThePreviousSentence(string text, bool dangling)
    {
        Assert.Equal(dangling, SentenceRanker.IsDangling(DocumentSentence.Split(text)[0]));
    }
}
