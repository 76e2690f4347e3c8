using Bots.Summarizer.Evaluation;
using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Tests.Evaluation;

public class BaselinesTests
{
    private static readonly IReadOnlyList<DocumentSentence> Sentences = DocumentSentence.Split("""
        Rates rose sharply on Thursday.
        The bank raised rates to fight inflation.
        Inflation and rates dominated the bank's meeting.
        A cat slept.
        """);

    [Fact]
    public void Lead_TakesTheFirstSentences()
    {
        Assert.Equal([0, 1], Baselines.Lead(Sentences, 2));
    }

    [Fact]
    public void Lead_NeverTakesMoreThanThereAre()
    {
        Assert.Equal([0, 1, 2, 3], Baselines.Lead(Sentences, 10));
    }

    [Fact]
    public void TextRank_PicksConnectedSentencesInOrder()
    {
        var chosen = Baselines.TextRank(Sentences, 2);

        Assert.Equal(2, chosen.Count);
        Assert.DoesNotContain(3, chosen);
        Assert.Equal(chosen.Order(), chosen);
    }
}
