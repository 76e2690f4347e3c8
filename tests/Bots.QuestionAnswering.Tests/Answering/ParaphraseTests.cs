using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// Questions that word the event otherwise than the article ("liken" for "compared", "invasion" for "invaded") are
/// answered through WordNet; questions about something the article does not say are still declined.
/// </summary>
public sealed class ParaphraseTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Drought speech",
            "Senator Ann Kirby compared the drought to the famine of 1921 in Denver on Tuesday.",
            "2023-06-08"),
        ("Valley history",
            "Northern troops invaded the Vell valley in 1814, and held it for three years.",
            "2024-01-10"),
        ("Newspaper sale",
            "Corven Media acquired the Hartfield Gazette in 2015 for $12 million.",
            "2024-03-03"),
        ("Battle of Tarn",
            "Lord Amberley was killed at the Battle of Tarn in 1411.",
            "2024-04-04"),
        ("Siege memories",
            "When Mayor Jan Novak compared the shelling of Ostrava to the siege of Leningrad, veterans protested.",
            "2024-05-05"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Who likened the drought to the famine of 1921?", "Kirby")]
    [InlineData("Where did Ann Kirby liken the drought to the famine?", "Denver")]
    [InlineData("Where did Ann Kirby compare the drought to the famine?", "Denver")]
    [InlineData("When was the invasion of the Vell valley?", "1814")]
    [InlineData("When did Corven Media purchase the Hartfield Gazette?", "2015")]
    [InlineData("When was Lord Amberley slain?", "1411")]
    [InlineData("Who likened the shelling of Ostrava to the siege of Leningrad?", "Novak")]
    public async Task Ask_WhenTheArticleWordsTheEventOtherwise_Answers(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When was Lord Amberley born?")]
    [InlineData("Who likened the flood to the famine of 1921?")]
    [InlineData("Who likened the drought to the war of 1921?")]
    [InlineData("When was the invasion of the Vell plateau?")]
    public async Task Ask_WhenTheArticleDoesNotSayIt_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }

    [Fact]
    public async Task Ask_WhenOnlyAWordNetRelativeMatches_ConfidenceIsLowerThanForTheSameWord()
    {
        var reworded = await Answerer().AskAsync(new Question("When did Corven Media purchase the Hartfield Gazette?"), default);
        var same = await Answerer().AskAsync(new Question("When did Corven Media acquire the Hartfield Gazette?"), default);

        Assert.True(reworded.Answered && same.Answered, reworded.Message + same.Message);
        Assert.True(reworded.Confidence < same.Confidence, $"{reworded.Confidence} >= {same.Confidence}");
    }
}
