using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// Facts about a neighbouring event — another person's killing, the year a period began, another country's war, a
/// university for a thesis title — do not answer the question about this one: it is declined, and the real event still answers.
/// </summary>
public sealed class NeighbouringEventTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Lund in Stockholm",
            "Norwegian minister Karl Lund met Swedish Prime Minister Anna Berg in Stockholm on Tuesday, discussing the fishing dispute. "
            + "The meeting between Lund and Berg came amid concerns after the killing of union leader Ola Nord in Bergen on March 3.",
            "2023-03-22"),
        ("The visit",
            "Lund visited Stockholm from March 20 to 22, for the first time since 2019.\n"
            + "During his trip, Lund and Berg held a two-hour meeting.\n"
            + "This marks their first meeting since 2019, and they are expected to discuss the quarrel between Denmark and Finland.",
            "2023-03-23"),
        ("Guild history",
            "The ministry was unhappy about the first two union leaders. Nevertheless, it established contact with the Fishermen's Guild of Bergen and the Guild of Net Makers in 1965.",
            "2020-01-10"),
        ("Scholars",
            "As a student in the 1990s, Berg earned her doctorate at Uppsala University. Holm's thesis, titled \"Salt Roads of the North\", appeared in 2001.",
            "2021-06-01"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("When did Berg meet Nord?")]
    [InlineData("How long did Lund and Berg meet for in 2019?")]
    [InlineData("When did Lund last visit Denmark?")]
    [InlineData("Who were the first two union leaders?")]
    [InlineData("title of Berg's doctoral thesis")]
    public async Task Ask_AboutAnEventOnlyItsNeighbourDates_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }

    [Theory]
    [InlineData("When was Ola Nord killed?", "3 March 2023")]
    [InlineData("How long did Lund and Berg meet?", "two-hour")]
    [InlineData("When did Lund visit Stockholm?", "March")]
    [InlineData("title of Holm's thesis", "Salt Roads of the North")]
    public async Task Ask_AboutTheEventItself_StillAnswers(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }
}
