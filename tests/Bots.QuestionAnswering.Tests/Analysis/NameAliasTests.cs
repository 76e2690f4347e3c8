using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Tests.Analysis;

/// <summary>
/// A question may name a thing otherwise than its articles do: by an acronym they spell out ("RCDF" for "the Royal
/// Coastal Defence Force"), in full where they abbreviate, by its people ("the Soviets") or with its number written
/// another way ("World War 2" for "World War II").
/// </summary>
public sealed class NameAliasTests
{
    private static readonly DateOnly Today = new(2024, 8, 20);

    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Coast tensions",
            "Officials met in Bergen on Tuesday. Norway's Royal Coastal Defence Force on Sunday repeated its warning to trawlers entering the fjord.",
            "2024-08-13"),
        ("Grain board",
            "The NGB cut its export quota on March 4. Farmers protested outside the board's offices.",
            "2023-03-05"),
        ("Postwar history",
            "After World War II, the Soviet Union initially backed the new state of Pakistan. Later it armed its neighbours.",
            "2001-01-01"),
        ("Grain board history",
            "The Nordic Grain Board was set up in 1952 to buy surplus wheat.",
            "2001-01-01"),
    ];

    [Theory]
    [InlineData("on which day did the RCDF repeat its warning to trawlers", "Sunday")]
    [InlineData("When did the Nordic Grain Board cut its export quota?", "March")]
    [InlineData("after world war 2 which state did the soviets initially back", "Pakistan")]
    [InlineData("Which state did the USSR back after World War Two?", "Pakistan")]
    public async Task Ask_NameWrittenOtherwiseThanInTheArticles_Answers(string question, string expected)
    {
        var answer = await InMemoryPassageSearch.AnswererOver(Articles).AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("on which day did the RCAF repeat its warning to trawlers")]
    [InlineData("which state did the soviets back after world war 3")]
    public async Task Ask_AcronymOrNumberNoArticleSpells_Declines(string question)
    {
        var answer = await InMemoryPassageSearch.AnswererOver(Articles).AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }

    [Theory]
    [InlineData("which state did the soviets initially support", "Soviet Union")]
    [InlineData("When did the Americans leave Saigon?", "United States")]
    public void Analyze_PeopleOfACountry_NameTheCountry(string question, string country)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Contains(analysis.Names, n => n.Text == country && n.Kind == EntityKind.Place);
        Assert.DoesNotContain(analysis.Terms, t => t.Word.EndsWith("s", StringComparison.Ordinal) && Gazetteer.IsDemonym(t.Word[..^1]));
    }

    [Theory]
    [InlineData("what happened after world war 2", "2", "ii")]
    [InlineData("what happened after world war two", "two", "ii")]
    [InlineData("what happened after world war ii", "ii", "2")]
    public void Analyze_NumberInAName_MatchesItsOtherSpellings(string question, string word, string other)
    {
        var term = Assert.Single(QuestionAnalyzer.Analyze(question, Today).Terms, t => t.Word == word);

        Assert.True(term.Matches(other));
    }

    [Fact]
    public void Analyze_NameEndingInANumber_HasItsOtherSpellingsAsAliases()
    {
        var name = Assert.Single(QuestionAnalyzer.Analyze("What did World War II change?", Today).Names);

        Assert.Contains(name.Aliases, a => a.SequenceEqual(["world", "war", "2"]));
        Assert.Contains(name.Aliases, a => a.SequenceEqual(["world", "war", "two"]));
    }
}
