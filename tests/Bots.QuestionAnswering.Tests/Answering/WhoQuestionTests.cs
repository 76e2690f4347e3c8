using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>"Who" is answered by an organisation that did the thing, by the other party of a meeting, and by a name the recogniser could not type.</summary>
public sealed class WhoQuestionTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Flood relief",
            "The Norwegian Civil Defence sent forty tons of blankets to the flooded valley. The blankets will be handed out in Bergen through the Nordic Relief Foundation.",
            "2023-10-02"),
        ("Summit diary",
            "On March 3, 2022, Karl Lund met with Swedish Prime Minister Anna Berg in Stockholm to discuss fishing rights.",
            "2022-03-04"),
        ("Gala night",
            "At a charity gala in Oslo, Icelandic violinist Ragna Solveig was named a goodwill ambassador of the fund.",
            "2023-01-15"),
        ("Quotes",
            "\"Nobody in Kyiv will be forgotten,\" Omar Nasser said of the winter.",
            "2023-01-20"),
        ("Book talk",
            "\"The north is changing fast,\" Lea Holt, author of The Cold Coast, told the radio station.",
            "2023-02-02"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Who will hand out the blankets in Bergen?", "Nordic Relief Foundation")]
    [InlineData("Who met Karl Lund on March 3, 2022?", "Anna Berg")]
    [InlineData("Who did Karl Lund meet in Stockholm?", "Anna Berg")]
    [InlineData("Who was named a goodwill ambassador at the gala?", "Ragna Solveig")]
    public async Task Ask_Who_AnswersTheDoerOrTheOtherParty(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who handed out the blankets in Kyiv?")]
    [InlineData("Who met Karl Lund on March 3, 2019?")]
    [InlineData("Who was named a goodwill ambassador in Paris?")]
    public async Task Ask_WhoAboutAnotherPlaceOrTime_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }

    [Fact]
    public async Task Ask_WhoIsTheAuthorOfABook_AnswersWithTheApposition()
    {
        var answer = await Answerer().AskAsync(new Question("Who is Lea Holt?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal("author of The Cold Coast", answer.Text);
    }
}
