using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// Where-questions answered by places that are no proper names ("in international waters", "off the coast of Crete"),
/// and "where was X" (no event of its own) by the place of an occasion X was at, as a photo caption says it.
/// </summary>
public sealed class CommonPlaceTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Ship seized",
            "Coast guards boarded the cargo ship Alba Star on Monday. Officials said the Alba Star was seized in international waters.",
            "2024-03-05"),
        ("Rescue",
            "Fishermen rescued 40 migrants off the coast of Crete after their boat capsized, the navy said.",
            "2024-06-11"),
        ("Caption",
            "Union leader Mara Kell in a meeting in Lisbon in 2021.",
            "2024-01-20"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Where was the Alba Star seized?", "international waters")]
    [InlineData("Where did the fishermen rescue the migrants?", "coast of Crete")]
    [InlineData("Where was Mara Kell in 2021?", "Lisbon")]
    public async Task Ask_WhereQuestion_AnswersWithThePlaceAsWritten(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Where was Mara Kell in 2019?")]
    [InlineData("Where was Tom Berg in 2021?")]
    public async Task Ask_WhereQuestionTheArticlesDoNotAnswer_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, answer.Text);
    }
}
