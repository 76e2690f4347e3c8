using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Retrieval;

public sealed class SentenceRankerTests
{
    private static List<EvidenceSentence> Ranked(string question, string title, string text) =>
        RankedSentences.For(QuestionAnalyzer.Analyze(question), text, title, "2021-01-01");

    [Fact]
    public void Rank_SentenceWithMoreOfTheQuestion_ScoresHigher()
    {
        var sentences = Ranked("When did the library open?", "Town news", "The market is busy. The library opened in 1963. The park is green.");

        Assert.Equal(1, sentences.IndexOf(sentences.MaxBy(s => s.Score)!));
    }

    [Fact]
    public void Rank_WordInANeighbouringSentence_CountsForLessThanInTheSentence()
    {
        var sentences = Ranked("When was the bridge repaired?", "Town news", "The bridge was closed in May. It was repaired in 1990. Nothing else changed.");

        // Each of the first two has one word and borrows the other from its neighbour; the last only borrows.
        Assert.True(sentences[1].Coverage > 0);
        Assert.True(sentences[0].Coverage > 0);
        Assert.True(sentences[2].Coverage < sentences[1].Coverage);
    }

    [Fact]
    public void Rank_NameOnlyInTheTitle_CountsAsContext()
    {
        var sentences = Ranked("When was Harbor College founded?", "Harbor College", "It was founded in 1842 by monks.");

        Assert.Equal(1, sentences[0].NamesInContext);
        Assert.True(sentences[0].Coverage > 0.4);
    }

    [Fact]
    public void Rank_PlaceOnlyElsewhereInThePassage_IsMarked()
    {
        var sentences = Ranked("When did Jane Roe visit Madrid?", "City news", "Madrid reopened its museum. The mayor spoke. Jane Roe visited on Monday.");

        Assert.Equal(1, sentences[2].PlacesOnlyInPassage);
        Assert.Equal(0, sentences[0].PlacesOnlyInPassage);
    }

    [Fact]
    public void Rank_DerivedForm_MatchesForLess()
    {
        var sentences = Ranked("When was the creation of the institute?", "Institute", "The institute was created in 1950.");

        Assert.InRange(sentences[0].EventCoverage, 0.3, 0.99);
    }

    [Fact]
    public void Rank_QuestionWordsSideBySide_ScoreAboveTheSameWordsApart()
    {
        var sentences = Ranked("What is the main library called?", "Campus", "The library, the main one, is called Hesburgh. The main library is called Hesburgh.");

        Assert.True(sentences[1].Score > sentences[0].Score);
    }

    [Fact]
    public void Pairs_SkipFunctionWordsBetweenContentWords()
    {
        var pairs = SentenceRanker.Pairs(["congreg", "holi", "cross"]);

        Assert.Contains(("congreg", "holi"), pairs);
        Assert.Contains(("holi", "cross"), pairs);
        Assert.Equal(2, pairs.Count);
    }

    [Theory]
    [InlineData("What is the primary seminary?", "The main seminary is Moreau Seminary.")]
    [InlineData("Who preceded Jenkins as president?", "Jenkins succeeded Malloy as president.")]
    [InlineData("What does the institute focus on?", "The institute is dedicated to peace studies.")]
    [InlineData("Which group is in charge of the college?", "The college is run by the order.")]
    public void Rank_ParaphrasedEventWord_StillMatchesTheQuestion(string question, string text)
    {
        var sentence = Ranked(question, "Campus", text)[0];

        Assert.True(sentence.EventCoverage > 0, $"event coverage {sentence.EventCoverage}");
    }
}
