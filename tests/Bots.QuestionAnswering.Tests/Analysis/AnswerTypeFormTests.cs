using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Tests.Analysis;

/// <summary>
/// Question forms whose wh-word alone misleads: "what's the name of X's president" asks for a person, "what post does X
/// hold" for a role, "X trip dates" for a date, and a lower-case "russia-palestine" for two countries.
/// </summary>
public sealed class AnswerTypeFormTests
{
    private static readonly DateOnly Today = new(2024, 8, 20);

    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Harbour talks",
            "On May 3, Norwegian Prime Minister Jonas Dahl met the visiting Chairman of Sweden's Fisheries Board Erik Lindqvist in Bergen. They discussed quotas.",
            "2023-05-04"),
        ("Envoy tour",
            "Envoy Pia Holm arrived in Oslo on June 2 and stayed until June 5, holding talks with ministers.",
            "2023-06-06"),
    ];

    [Theory]
    [InlineData("what's the name of norway's prime minister", "prime", "minister")]
    [InlineData("What is the name of the Danish president?", "danish", "president")]
    public void Analyze_NameOfARole_AsksForThePersonHoldingIt(string question, string modifier, string role)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Person, analysis.Type);
        Assert.Contains(role, analysis.RoleWords);
        Assert.Contains(modifier, analysis.RoleWords.Concat(analysis.Names.SelectMany(n => n.Words)).Concat(analysis.Names.Select(n => Gazetteer.FindCountry(n.Text)?.Demonym.ToLowerInvariant() ?? string.Empty)));
    }

    [Fact]
    public void Analyze_NameOfAThing_StillAsksForTheName()
    {
        var analysis = QuestionAnalyzer.Analyze("What is the name of the main library?", Today);

        Assert.Equal(AnswerType.Description, analysis.Type);
        Assert.True(analysis.AsksForName);
    }

    [Theory]
    [InlineData("what post does erik lindqvist hold", "erik lindqvist", "post")]
    [InlineData("What position does Erik Lindqvist hold?", "Erik Lindqvist", "position")]
    [InlineData("what is lindqvist's job", "lindqvist", "job")]
    [InlineData("What was Erik Lindqvist's official title?", "Erik Lindqvist", "title")]
    public void Analyze_RoleOfAPerson_AsksForTheRoleSaidOfThem(string question, string holder, string noun)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Description, analysis.Type);
        Assert.Equal(holder, analysis.DescriptionTarget);
        Assert.Equal(noun, analysis.TypeNoun);
        Assert.DoesNotContain(analysis.Terms, t => t.Word == noun && !t.IsRoleWord);
    }

    [Theory]
    [InlineData("holm oslo trip dates")]
    [InlineData("lindqvist visit date")]
    [InlineData("treaty signing year")]
    public void Analyze_KeywordQuestionNamingADate_AsksForADate(string question)
    {
        Assert.Equal(AnswerType.Date, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Fact]
    public void Analyze_LowerCasePairOfCountries_GivesBothCountriesAsNames()
    {
        var analysis = QuestionAnalyzer.Analyze("when did norway-sweden relations begin", Today);

        Assert.Contains(analysis.Names, n => n.Text == "Norway");
        Assert.Contains(analysis.Names, n => n.Text == "Sweden");
        Assert.DoesNotContain(analysis.Terms, t => t.Word.Contains('-', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what's the name of norway's prime minister", "Dahl")]
    [InlineData("what post does erik lindqvist hold", "Chairman")]
    [InlineData("holm oslo trip dates", "June")]
    public async Task Ask_QuestionFormAskingForAnotherType_AnswersThatType(string question, string expected)
    {
        var answer = await InMemoryPassageSearch.AnswererOver(Articles).AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When did Oslo break off relations with Iceland?", true)]
    [InlineData("Has Oslo said anything about the quotas?", true)]
    [InlineData("When did Holm visit Oslo?", false)]
    [InlineData("What happened in Oslo?", false)]
    public void Analyze_CapitalActingAsASubject_AlsoStandsForItsCountry(string question, bool standsForTheCountry)
    {
        var oslo = Assert.Single(QuestionAnalyzer.Analyze(question, Today).Names, n => n.Text == "Oslo");

        Assert.Equal(standsForTheCountry, oslo.Aliases.Any(a => a.SequenceEqual(["norway"])));
    }

    [Fact]
    public async Task Ask_CenturyOfABeginningAnArticleDatesBack_AnswersTheCentury()
    {
        var answerer = InMemoryPassageSearch.AnswererOver(
        [
            ("Old neighbours", "The relationship between Norway and Iceland has a long history dating back to the 9th century, when settlers sailed west.", "2001-01-01"),
            ("Trade", "Trade between Norway and Iceland grew again in 1995, when a new fisheries deal was signed.", "2001-01-01"),
        ]);

        var answer = await answerer.AskAsync(new Question("in which century did norway-iceland relations begin"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("9th century", answer.Text, StringComparison.Ordinal);
    }
}
