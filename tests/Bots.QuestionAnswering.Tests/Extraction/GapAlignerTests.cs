using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Extraction;
using Bots.QuestionAnswering.Retrieval;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Extraction;

/// <summary>"What did X do?" read as the evidence sentence with a gap: the answer is what fills it.</summary>
public sealed class GapAlignerTests
{
    private static IReadOnlyList<AnswerCandidate> Gaps(string question, string sentenceText)
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        return RankedSentences.For(analysis, sentenceText, "Test", "2020-01-01").SelectMany(s => GapAligner.Extract(analysis, s)).ToList();
    }

    [Theory]
    [InlineData("What did the mayor promise the residents?", "The mayor promised the residents a new bridge over the river.", "a new bridge over the river")]
    [InlineData("What did the court order the company to pay?", "On Monday the court ordered the company to pay compensation, lawyers said.", "compensation")]
    [InlineData("What did the committee urge the council to repeal in 2019?", "In 2019 the committee urged the council to repeal the parking levy.", "the parking levy")]
    [InlineData("what did the union say workers would receive", "The union said workers would receive a one-off payment of £500 in March.", "a one-off payment of £500 in March")]
    public void Extract_ObjectAtTheEnd_IsWhatFollowsTheLastWordOfTheQuestion(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Assert.Single(Gaps(question, sentence)).Text);
    }

    [Theory]
    [InlineData("What did the minister vow to do after the floods?", "After the floods, the minister vowed to rebuild every school within a year.", "rebuild every school within a year")]
    [InlineData("What has the bank refused to do?", "The bank has so far refused to lower its rates, citing inflation.", "lower its rates")]
    public void Extract_ToDo_IsTheVerbPhraseAfterTo(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Assert.Single(Gaps(question, sentence)).Text);
    }

    [Theory]
    [InlineData("What did the club use the money for?", "The club used the money to renovate its stadium.", "renovate its stadium")]
    [InlineData("What did the report accuse the agency of?", "The report accused the agency of ignoring repeated warnings.", "ignoring repeated warnings")]
    public void Extract_StrandedPreposition_MayBeWordedOtherwise(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Assert.Single(Gaps(question, sentence)).Text);
    }

    [Fact]
    public void Extract_GapInsideTheQuestion_IsBoundedByTheWordsAfterIt()
    {
        var gaps = Gaps("Which newspaper did the coach tell that he would resign?", "The coach told The Herald that he would resign at the end of the season.");

        Assert.Equal("The Herald", Assert.Single(gaps).Text);
    }

    [Fact]
    public void Extract_QuotationAtTheGap_IsItsContent()
    {
        var gaps = Gaps("What did the ministry call the attack?", "The ministry called the attack \"a grave provocation\" and summoned the ambassador.");

        Assert.Equal("a grave provocation", Assert.Single(gaps).Text);
    }

    [Fact]
    public void Extract_ObjectLongerThanAnAnswer_IsTheNounPhraseItOpens()
    {
        var gaps = Gaps("What did the agency publish on Friday?", "On Friday the agency published a report describing in detail how the contracts were awarded to companies owned by relatives of officials.");

        Assert.Equal("a report", Assert.Single(gaps).Text);
    }

    [Theory]
    [InlineData("Which opera did the two leaders attend?", "The two leaders attended an opera together in Vienna.")]
    [InlineData("What did the mayor promise the residents?", "The mayor spoke to the residents about the bridge.")]
    public void Extract_WhenTheSentenceDoesNotSayIt_FindsNothing(string question, string sentence)
    {
        Assert.Empty(Gaps(question, sentence));
    }

    [Theory]
    [InlineData("Which engine is rumoured to be building a browser?", "The search engine Google is rumoured to be building a browser.")]
    [InlineData("Which countries have banned the group?", "The United States and Britain have banned the group.")]
    [InlineData("What is the record over 60m?", "Her record over 60m is 7.96 seconds.")]
    public void Extract_SubjectAndDefinitionQuestions_HaveNoObjectGap(string question, string sentence)
    {
        Assert.Empty(Gaps(question, sentence));
    }

    [Fact]
    public void Extract_TitleBeforeTheAskedName_IsNoObject()
    {
        var gaps = Gaps("What did Novak send Ortiz in May?", "In May, Prime Minister Novak sent President Ortiz a letter of support.");

        Assert.Equal("a letter of support", Assert.Single(gaps).Text);
    }

    [Fact]
    public void Extract_WordsBetweenSubjectAndVerb_AreNoGap()
    {
        var gaps = Gaps("What have the two leaders been seen playing together?", "The two leaders have long enjoyed close ties, even being seen playing golf together.");

        Assert.Equal("golf", Assert.Single(gaps).Text);
    }

    [Fact]
    public void Extract_QuestionGivesTheObject_ItsRewordingIsNoGap()
    {
        var gaps = Gaps("What did the coach compare the final of 2019 to?", "When the coach compared the defeat of 2019 to a shipwreck, fans were furious.");

        Assert.DoesNotContain(gaps, g => g.Text.Contains("defeat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("According to the coach, what does the team have to do?", "The team has to win both remaining games.", "win both remaining games")]
    [InlineData("What did the village become after the war?", "After the war the village slowly became a popular resort.", "a popular resort")]
    [InlineData("What did the mayor say the town is watching with great concern?", "The mayor said the town is watching with great concern the rise in rents near the harbour.", "the rise in rents near the harbour")]
    public void Extract_ModalLinkingAndShiftedObjects_HaveTheirGap(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Assert.Single(Gaps(question, sentence)).Text);
    }
}
