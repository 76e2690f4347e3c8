using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// "Since when …" is answered by the date a "since" or "dating back to" gives, not by when the sentence's event
/// happened; "whose X …" by the owner written with X (a possessive or nationality adjectives), never the question's own name.
/// </summary>
public sealed class SinceAndWhoseTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Leaders meet",
            "Chancellor Eva Brandt is in Rome for talks with Prime Minister Paolo Ferri. It is their first meeting since 2019, aides said on Monday.",
            "2024-03-12"),
        ("Port history",
            "The friendship between Genoa and Valencia has a long history dating back to the 15th century, when merchants first traded wool.",
            "2023-06-01"),
        ("Party status",
            "The council has treated the Green League as a partner since its victory in the city elections of 2011. In May, the council met the League.",
            "2024-05-20"),
        ("Veto",
            "Norway used its veto to block French and German proposals on fishing quotas in Brussels on Friday.",
            "2024-02-09"),
        ("Comments",
            "Critics condemned Mayor Jon Dahl's remarks about Ingrid Sola's private letters at the hearing.",
            "2024-04-04"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Since when had Eva Brandt and Paolo Ferri not met?", "2019")]
    [InlineData("Brandt and Ferri met for the first time since which year?", "2019")]
    [InlineData("How far back does the friendship between Genoa and Valencia date?", "15th century")]
    [InlineData("Since when has the council treated the Green League as a partner?", "2011")]
    public async Task Ask_SinceWhen_AnswersWithTheDateAfterSince(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Since when had Eva Brandt and Marco Neri not met?")]
    [InlineData("How far back does the friendship between Genoa and Lisbon date?")]
    public async Task Ask_SinceWhenAboutOthers_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, answer.Text);
    }

    [Theory]
    [InlineData("Whose proposals did Norway veto?", "French and German")]
    [InlineData("whose letters did Jon Dahl make remarks about", "Ingrid Sola")]
    public async Task Ask_Whose_AnswersWithTheOwner(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal(expected, answer.Text);
    }

    [Fact]
    public async Task Ask_WhoseAboutAnotherCountry_Declines()
    {
        var answer = await Answerer().AskAsync(new Question("Whose proposals did Sweden veto?"), default);

        Assert.False(answer.Answered, answer.Text);
    }

    [Theory]
    [InlineData("Since when has Russia backed Hamas?", true)]
    [InlineData("They met for the first time since which year?", true)]
    [InlineData("How far back do the ties date?", true)]
    [InlineData("When did Russia back Hamas?", false)]
    public void Analyze_SinceQuestion_IsADateQuestionAskingForTheStart(string question, bool expected)
    {
        var analysis = QuestionAnalyzer.Analyze(question);

        Assert.Equal(AnswerType.Date, analysis.Type);
        Assert.Equal(expected, analysis.AsksForSince);
    }

    [Theory]
    [InlineData("Since when has Russia backed Hamas?")]
    [InlineData("How far back do the ties date?")]
    public void Analyze_SinceQuestion_KeepsTheAskingWordsOutOfItsTerms(string question)
    {
        Assert.DoesNotContain(QuestionAnalyzer.Analyze(question).Terms, t => t.Word is "since" or "far" or "back");
    }

    [Theory]
    [InlineData("Whose proposals did Russia veto?", "proposals")]
    [InlineData("and whose letters were published", "letters")]
    [InlineData("Who vetoed the proposals?", null)]
    public void Analyze_Whose_KeepsTheOwnedNoun(string question, string? expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question).PossessedNoun);
    }
}
