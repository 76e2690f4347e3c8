using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Extraction;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Extraction;

/// <summary>Answers that are a clause's part rather than a typed name: what a thing was called, the "of" of an asked noun, the other member of a pair.</summary>
public sealed class ClauseAnswerTests
{
    private static List<AnswerCandidate> From(Func<QuestionAnalysis, Bots.QuestionAnswering.Retrieval.EvidenceSentence, IEnumerable<AnswerCandidate>> extract, string question, string text)
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        return RankedSentences.For(analysis, text, "Test", "2021-03-01").SelectMany(s => extract(analysis, s)).ToList();
    }

    [Theory]
    [InlineData("How did the union describe the pay offer?", "The union rejected the pay offer, calling it an insult to nurses and urging members to strike.", "an insult to nurses")]
    [InlineData("How did the regulator characterise the merger?", "The merger, which the regulator condemned as a threat to fair competition, went ahead in May.", "a threat to fair competition")]
    [InlineData("how did the mayor describe the new stadium", "The mayor described the new stadium as a gift to the whole city.", "a gift to the whole city")]
    [InlineData("What did the critics call the film?", "Critics called the film a triumph of style over substance.", "a triumph of style over substance")]
    public void Characterisation_VerbOfCalling_IsItsComplement(string question, string text, string expected)
    {
        var found = From(Characterisation.Extract, question, text);

        Assert.Contains(expected, found.Select(c => c.Text));
    }

    [Fact]
    public void Characterisation_QuotedWordsBeforeTheThing_AreTheWriterSWords()
    {
        var found = From(Characterisation.Extract, "How did the minister describe the strike?", "The minister promised a firm answer to the \"reckless and selfish\" strike by pilots.");

        Assert.Equal("reckless and selfish", Assert.Single(found).Text);
    }

    [Fact]
    public void Characterisation_CallForIsNoCalling()
    {
        var found = From(Characterisation.Extract, "How did the council describe the fire?", "The council called for an inquiry into the fire.");

        Assert.Empty(found);
    }

    [Fact]
    public void Characterisation_OtherQuestions_AreNotAskedIt()
    {
        Assert.False(Characterisation.IsAsked(QuestionAnalyzer.Analyze("How did the team travel to Oslo?")));
        Assert.True(Characterisation.IsAsked(QuestionAnalyzer.Analyze("How did the coach describe the referee?")));
    }

    [Theory]
    [InlineData("Which tactic has long shaped the league's title races?", "Title races in the league have long been shaped by the tactic of 'park the bus.'", "park the bus")]
    [InlineData("What was the goal of the company's spring summit?", "In spring the company held a summit with its suppliers, with the goal of cutting delivery times by half.", "cutting delivery times by half")]
    public void NounComplement_OfAfterTheAskedNoun_NamesWhichOne(string question, string text, string expected)
    {
        var found = From(NounComplement.Extract, question, text);

        Assert.Equal(expected, Assert.Single(found).Text);
    }

    [Fact]
    public void NounComplement_RestatingWhatTheQuestionSaysItIsOf_IsNoAnswer()
    {
        var found = From(NounComplement.Extract, "What is the main purpose of the minister's tour?", "Aides said the main purpose of her tour is to win back rural voters.");

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("Besides the budget deficit, what did the ministers discuss on Friday?", "On Friday the ministers met in Rome, discussing the budget deficit and the reform of pensions.", "the reform of pensions")]
    [InlineData("Apart from the miners' union, which group did the party court in 1921?", "In 1921 the party courted the Federation of Miners' Unions and the Federation of Dock Workers.", "the Federation of Dock Workers")]
    [InlineData("Besides football, what are these tournaments about?", "So these tournaments are not just about football, but also about the host city's image abroad.", "the host city's image abroad")]
    public void ExcludedAlternative_IsTheOtherConjunct(string question, string text, string expected)
    {
        var found = From(ExcludedAlternative.Extract, question, text);

        Assert.Equal(expected, Assert.Single(found).Text);
    }

    [Fact]
    public void ExcludedAlternative_WithoutTheSetAsideMember_FindsNothing()
    {
        var found = From(ExcludedAlternative.Extract, "Besides the budget deficit, what did the ministers discuss?", "The ministers discussed pensions and the price of energy.");

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("What did the 40 tons of supplies consist of?", "The 40 tons of supplies, consisting of blankets, stoves, and water filters, reached the valley on Sunday.", "blankets, stoves, and water filters")]
    [InlineData("What did the charity's shipment mainly consist of?", "The charity sent two lorries of goods, mainly rice and cooking oil, to the flooded towns.", "rice and cooking oil")]
    public void Composition_ListAfterTheCue_IsWhole(string question, string text, string expected)
    {
        var found = From(Composition.Extract, question, text);

        Assert.Equal(expected, Assert.Single(found).Text);
    }

    [Fact]
    public void Composition_VerbInARelativeClause_AsksForNoParts()
    {
        Assert.False(Composition.IsAsked(QuestionAnalyzer.Analyze("Which alliance that includes Chile and Peru does Bolivia belong to?")));
    }

    [Fact]
    public void NounComplement_WhichOfTheOwnersNoun_SkipsAnotherOwners()
    {
        var found = From(NounComplement.Extract, "Which of Spain's aims in the talks did the envoy compare to Italy's goals?",
            "The envoy said that Spain's aims of \"stability\" and \"growth\" were close to Italy's stated aims of cutting debt.");

        Assert.Equal(["stability"], found.Select(c => c.Text));
    }

    [Theory]
    [InlineData("Despite which dispute does the club say it will keep training?", "The club said it will keep training despite the long dispute with Ferris Council over rent.", "long dispute with Ferris Council over rent")]
    [InlineData("Despite which dispute does the club say it will keep training?", "The club said it will keep training despite the dispute in the town.", null)]
    public void NounComplement_OtherPrepositions_NameOnlyWithAName(string question, string text, string? expected)
    {
        var found = From(NounComplement.Extract, question, text);

        Assert.Equal(expected is null ? [] : [expected], found.Select(c => c.Text));
    }
}
