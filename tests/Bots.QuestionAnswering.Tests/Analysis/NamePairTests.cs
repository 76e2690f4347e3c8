using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Tests.Analysis;

/// <summary>
/// "The Lund-Berg meeting": two names joined for the occasion, which articles write apart ("Lund met Berg"). Each is a
/// name the evidence must support; a name that has a hyphen of its own stays one name.
/// </summary>
public sealed class NamePairTests
{
    private static readonly DateOnly Today = new(2024, 8, 20);

    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Ministers meet",
            "Foreign Minister Karl Lund met his counterpart Pia Berg in Bergen on May 3. The two discussed fishing quotas for an hour.",
            "2023-05-04"),
        ("Border talks",
            "The Norway-Sweden border commission signed its final report on June 7, 1905, after two years of surveying.",
            "1905-06-08"),
        ("Unity deal",
            "On April 28 the rival factions Tafra and Velen signed a deal to form a unity government, and the ministry spokesman Olav Dahl welcomed it.",
            "2011-04-29"),
    ];

    [Theory]
    [InlineData("When was the Lund-Berg meeting?", "Lund", "Berg")]
    [InlineData("who welcomed the Tafra-Velen deal", "Tafra", "Velen")]
    [InlineData("What did the Israel-Hamas war do to trade?", "Israel", "Hamas")]
    public void Analyze_PairOfNames_GivesEachNameAsAFocusName(string question, string first, string second)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Contains(analysis.Names, n => n.Text == first);
        Assert.Contains(analysis.Names, n => n.Text == second);
        Assert.DoesNotContain(analysis.Names, n => n.Text.Contains('-', StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Terms, t => t.Word.Contains('-', StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_PairWithADemonym_StandsForTheCountry()
    {
        var analysis = QuestionAnalyzer.Analyze("In which year did Russian-Hamas talks begin?", Today);

        Assert.Contains(analysis.Names, n => n.Text == "Russia" && n.Kind == EntityKind.Place);
        Assert.Contains(analysis.Names, n => n.Text == "Hamas");
    }

    [Theory]
    [InlineData("When did Riyad Al-Maliki meet Lavrov?", "al-maliki")]
    [InlineData("Where is the Novo-Ogaryovo residence?", "novo-ogaryovo")]
    [InlineData("When did Abu-Sharif leave Beirut?", "abu-sharif")]
    [InlineData("How many died in the shelling of Beit-Hanoun?", "beit-hanoun")]
    public void Analyze_OneNameWithAHyphen_StaysOneName(string question, string word)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Contains(analysis.Names, n => n.Words.Contains(word));
    }

    [Theory]
    [InlineData("When was the Lund-Berg meeting?", "May")]
    [InlineData("Which spokesman welcomed the Tafra-Velen deal?", "Dahl")]
    [InlineData("When did the Norway-Sweden border commission sign its report?", "1905")]
    public async Task Ask_PairOfNamesTheArticlesWriteApartOrJoined_Answers(string question, string expected)
    {
        var answer = await InMemoryPassageSearch.AnswererOver(Articles).AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When was the Lund-Holm meeting?")]
    [InlineData("Which spokesman welcomed the Tafra-Morel deal?")]
    public async Task Ask_PairWithANameNoArticleMentions_Declines(string question)
    {
        var answer = await InMemoryPassageSearch.AnswererOver(Articles).AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }
}
