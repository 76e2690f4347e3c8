using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// The same kind of question about another person, place or nationality than the evidence speaks of is declined,
/// while the question the evidence does answer is still answered.
/// </summary>
public sealed class FocusSubstitutionTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Ministers on the road",
            "Prime Minister Anna Berg spoke about the budget in parliament. On May 3, Foreign Minister Karl Lund visited Oslo for talks with Norwegian officials.",
            "2023-05-04"),
        ("Envoy in the region",
            "Fighting continued around Kabul this week. On April 9, envoy Pia Holm met officials in Tehran to discuss the ceasefire.",
            "2023-04-10"),
        ("Berg abroad",
            "Anna Berg arrived in Lisbon on Sunday. On June 2 she met President Rui Costa and Prime Minister Luis Vaz at the palace.",
            "2023-06-03"),
        ("Unity talks",
            "On May 4 the rival factions Fatah and Hamas signed a deal to form a unity government. Sheikh Omar Nasser founded the Liberal Party in 1870.",
            "2011-05-05"),
        ("Vote count",
            "The Liberal Party won the Danish elections in 2019, ending four years in opposition.",
            "2019-06-07"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("When did Anna Berg visit Oslo?")]
    [InlineData("When did Berg visit Oslo?")]
    [InlineData("When did Holm visit Kabul?")]
    [InlineData("Who won the Swedish elections in 2019?")]
    [InlineData("who won the swedish elections")]
    [InlineData("Who founded Hamas?")]
    public async Task Ask_AboutAnotherPersonPlaceOrNationality_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }

    [Theory]
    [InlineData("When did Karl Lund visit Oslo?", "May")]
    [InlineData("When did Holm visit Tehran?", "April")]
    [InlineData("Who won the Danish elections in 2019?", "Liberal")]
    [InlineData("Who founded the Liberal Party?", "Nasser")]
    public async Task Ask_AboutWhoTheEvidenceNames_Answers(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NewHoldersOfARole_AnsweredFromTheSentenceNamingTheRole()
    {
        var search = new InMemoryPassageSearch();
        search.Add("Club history", "The club's football team grew quickly. Karl Lund became head coach in 1918. He won three titles.", "Wire", "2000-01-01");
        var answerer = new QuestionAnswerer(search, new QuestionAnsweringOptions());

        var answer = await answerer.AskAsync(new Question("The club football team got a new head coach in 1918, who was it?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("Lund", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PersonReferredToByPronoun_StillAnswers()
    {
        // "she" continues the sentence naming Berg, though the sentence names two other people.
        var answer = await Answerer().AskAsync(new Question("When did Berg meet Vaz?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("June", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void OpeningWordTheArticlesWriteInLowerCase_IsNoName()
    {
        var analysis = Bots.QuestionAnswering.Analysis.QuestionAnalyzer.Analyze("Work on cheap solar cells led to which prize?");
        var passages = new[] { new Bots.QuestionAnswering.Retrieval.RetrievedPassage(1, "Her early work on cheap solar cells won the Lumen Prize in 2019.", 0, "Solar", "Wire", string.Empty, "2020-01-01", 0, 0) };

        var demoted = QuestionAnswerer.DemoteOpeningCommonWords(analysis, passages);

        Assert.DoesNotContain(demoted.Names, n => n.Text == "Work");
        Assert.Contains(demoted.Terms, t => t.Word == "work");
    }

    [Fact]
    public void OpeningNameTheArticlesCapitalise_StaysAName()
    {
        var analysis = Bots.QuestionAnswering.Analysis.QuestionAnalyzer.Analyze("Zorvath won which prize?");
        var passages = new[] { new Bots.QuestionAnswering.Retrieval.RetrievedPassage(1, "Zorvath won the Lumen Prize. Critics praised Zorvath.", 0, "Solar", "Wire", string.Empty, "2020-01-01", 0, 0) };

        Assert.Contains(QuestionAnswerer.DemoteOpeningCommonWords(analysis, passages).Names, n => n.Text == "Zorvath");
    }
}
