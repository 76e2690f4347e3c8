using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Retrieval;

/// <summary>Question words the evidence says otherwise, matched through WordNet for less than the word itself.</summary>
public sealed class WordNetMatchingTests
{
    private static List<EvidenceSentence> Ranked(string question, string text) =>
        RankedSentences.For(QuestionAnalyzer.Analyze(question), text, "Local news", "2021-01-01");

    private static double CreditOf(string question, string word, string text)
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        var index = analysis.Terms.ToList().FindIndex(t => t.Word == word);
        Assert.True(index >= 0, $"'{word}' is no term of '{question}'");
        return Ranked(question, text)[0].TermCredits[index];
    }

    [Theory]
    [InlineData("Who likened the drought to a famine?", "likened", "The senator compared the drought to a famine.")]
    [InlineData("When did the army invade the valley?", "invade", "The army's invasion of the valley came in 1814.")]
    [InlineData("When was the invasion of the valley?", "invasion", "Northern troops invaded the valley in 1814.")]
    [InlineData("When did the river inundate the town?", "inundate", "The river flooded the town in 1927.")]
    [InlineData("When did the council convene?", "convene", "The council gathered in the old hall in May.")]
    [InlineData("When did Corven purchase the Gazette?", "purchase", "Corven acquired the Gazette in 2015.")]
    [InlineData("When was the baron slain?", "slain", "The baron was killed at Tarn in 1411.")]
    [InlineData("When did the crew journey to the coast?", "journey", "The crew travelled to the coast in June.")]
    public void Rank_WordNetRelative_MatchesForLessThanTheWord(string question, string word, string text)
    {
        var credit = CreditOf(question, word, text);

        Assert.InRange(credit, 0.3, 0.7);
    }

    [Fact]
    public void Rank_TheQuestionsOwnWord_OutranksItsWordNetRelative()
    {
        var sentences = Ranked("Who likened the drought to a famine?", "The mayor compared the drought to a famine. The senator likened the drought to a famine.");

        Assert.True(sentences[1].Score > sentences[0].Score, $"{sentences[1].Score} <= {sentences[0].Score}");
    }

    [Fact]
    public void Rank_WordNetRelative_CountsLessThanAHandListedRelative()
    {
        // "trip" is in the visit family; "tour" only WordNet's.
        var family = CreditOf("When did the band visit Oslo?", "visit", "The band's trip to Oslo was in May.");
        var wordNet = CreditOf("When did the band journey to Oslo?", "journey", "The band's tour of Oslo was in May.");

        Assert.True(family > wordNet, $"{family} <= {wordNet}");
    }

    [Theory]
    [InlineData("When was the academy founded?", "founded", "Staff at the Carver Institute praised the academy.")] // a name's word founds nothing
    [InlineData("When did the fleet visit the port?", "visit", "The storm inflicted damage on the port.")] // a rare sense of "visit"
    [InlineData("When did the crew travel to the coast?", "travel", "The tide fell on the coast in June.")] // too many verbs are kinds of travelling
    [InlineData("When did Corven sell the Gazette?", "sell", "Corven acquired the Gazette in 2015.")]
    public void Rank_UnrelatedOrRareSense_DoesNotMatch(string question, string word, string text) =>
        Assert.Equal(0, CreditOf(question, word, text));

    [Fact]
    public void Rank_WordNetRelative_CountsOnlyWhenTheRestOfTheQuestionMatches()
    {
        // "flood" is nowhere: "compared" alone does not make this the answer to who likened a flood to the famine.
        Assert.Equal(0, CreditOf("Who likened the flood to the famine?", "likened", "The senator compared the drought to the famine."));
    }

    [Fact]
    public void Rank_LowerCaseRelativeAtTheStartOfASentence_StillMatches() =>
        Assert.True(CreditOf("When was the town inundated?", "inundated", "Flooded in 1927, the town was rebuilt.") > 0);

    [Fact]
    public void Similar_HandListedIrregularForm_AddsNoWordNetReading() =>
        Assert.DoesNotContain("endure", Lexicon.Similar("born").Words);

    [Theory]
    [InlineData("founded")] // not "initiate", which stems as "initiatives" does
    [InlineData("sign")] // not "write"
    [InlineData("visit")]
    public void Similar_WordWithAHandListedFamily_KeepsJustTheFamily(string word) => Assert.Empty(Lexicon.Similar(word).Words);

    [Fact]
    public void Rank_WordNetRelative_NeedsTheQuestionsNamesNearby()
    {
        var sentences = Ranked("Who likened Gaza to Leningrad?", "Gaza was in the news. The talks went on for days. The senator compared the city to Leningrad.");

        var likened = QuestionAnalyzer.Analyze("Who likened Gaza to Leningrad?").Terms.ToList().FindIndex(t => t.Word == "likened");
        Assert.Equal(0, sentences[2].TermCredits[likened]);
    }

    [Fact]
    public void Similar_ExcludesTheWordsOwnStemAndFamily()
    {
        var similar = Lexicon.Similar("invaded");

        Assert.DoesNotContain(Lexicon.StemOf("invade"), similar.Stems);
        Assert.Contains(Lexicon.StemOf("invasion"), similar.Stems);
    }

    [Fact]
    public void Similar_LeavesOutLightVerbs() => Assert.DoesNotContain("get", Lexicon.Similar("purchase").Words);

    [Fact]
    public void Formulate_WordOutsideTheFamilies_AddsItsMostCommonRelative()
    {
        var query = PassageRetriever.Formulate(QuestionAnalyzer.Analyze("Who likened the drought to a famine?"))[0];

        Assert.Contains("compare", query.Split(' '));
    }

    [Fact]
    public void StemOf_IrregularFormFromWordNet_IsTheLemmasStem() => Assert.Equal(Lexicon.StemOf("slay"), Lexicon.StemOf("slain"));
}
