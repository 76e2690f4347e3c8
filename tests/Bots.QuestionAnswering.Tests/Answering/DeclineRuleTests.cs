using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>When the articles do not hold the answer, the reply declines — beyond the seed questions.</summary>
public sealed class DeclineRuleTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Minister visits Rome",
            "Foreign Minister Jane Roe visited Rome on March 3, 2021 for talks with Italian officials. Roe met the Italian prime minister at the Palazzo Chigi. The talks lasted for six hours.",
            "2021-03-04"),
        ("Port reopens",
            "Madrid reopened its old port museum after repairs. The mayor spoke at the ceremony. Jane Roe, a guest, praised the workers. Madrid handles most of the region's art.",
            "2021-06-10"),
        ("Undated profile",
            "Mark Doe, a veteran mediator, travelled to Oslo from August 12 to 14 for the first time since 2015.",
            ""),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("When did Jane Roe visit Rome in 2019?")]
    [InlineData("When did Jane Roe visit Lisbon?")]
    [InlineData("When did John Smith visit Rome?")]
    [InlineData("Where did Jane Roe meet the Italian prime minister in 2020?")]
    [InlineData("What is the population of Madrid?")]
    [InlineData("Who is the Spanish prime minister?")]
    [InlineData("How much art did Madrid export to Egypt?")]
    public async Task Ask_WhenTheArticlesDoNotSayIt_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
        Assert.Equal(string.Empty, answer.Text);
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
    }

    [Fact]
    public async Task Ask_YearConstraintAgainstAnUndatedArticle_Declines()
    {
        // "August 12 to 14" in an article without a date may be any year: it cannot show "in 2019".
        var answer = await Answerer().AskAsync(new Question("When did Mark Doe travel to Oslo in 2019?"), default);

        Assert.False(answer.Answered, answer.Text);
    }

    [Fact]
    public async Task Ask_PlaceNamedOnlyElsewhereInTheStory_Declines()
    {
        // Madrid is in the story, but not where Jane Roe's doing is told.
        var answer = await Answerer().AskAsync(new Question("When did Jane Roe visit Madrid?"), default);

        Assert.False(answer.Answered, $"{answer.Text} / {answer.Evidence}");
    }

    [Fact]
    public async Task Ask_WhenAQuestionWordIsInNoArticle_TheMessageSaysWhich()
    {
        var answer = await Answerer().AskAsync(new Question("When did Jane Roe resign?"), default);

        Assert.False(answer.Answered);
        Assert.Contains("resign", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_YearThatMatches_StillAnswers()
    {
        var answer = await Answerer().AskAsync(new Question("When did Jane Roe visit Rome in 2021?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("March", answer.Text, StringComparison.Ordinal);
    }
}
