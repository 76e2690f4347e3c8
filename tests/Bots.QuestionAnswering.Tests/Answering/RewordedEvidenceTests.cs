using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// Evidence that names what the question does but words its event otherwise ("told" for "speak to", "declared" for
/// "proclaimed", a short form for a company's name) still answers; a question about another thing still declines.
/// </summary>
public sealed class RewordedEvidenceTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Vogt on the budget",
            "Finance minister Maria Vogt told the Hamburger Abendblatt that the budget would be balanced by 2027.",
            "2024-02-01"),
        ("Budget day",
            "Maria Vogt presented the budget in Kiel on Monday, to applause from the coalition.",
            "2024-02-06"),
        ("Charter anniversary",
            "Historians recalled the Charter of Lindholm, declared in Aalborg on May 2, 1911, as the start of the movement. The Blue Party won the election in 1999 under Karl Hansen.",
            "2024-05-02"),
        ("Film festival",
            "The Nordic Film Festival opens next week in Bergen with forty premieres.",
            "2024-09-01"),
        ("Rail results",
            "Nordic Rail Services reported a loss for the year.\nThe operator blamed energy prices.\nSince 2019, NRS has cut 2,000 jobs to save money.",
            "2024-03-01"),
        ("Indoor season",
            "Lena Berg set a national record over 200m, running 22.41 seconds in Ghent.",
            "2024-02-20"),
        ("Alliances",
            "Norway's role in the Arctic, where it cooperates with the Canadian coast guard, has grown.",
            "2024-04-04"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Which newspaper did Maria Vogt speak to?", "Abendblatt")]
    [InlineData("Where was the Charter of Lindholm proclaimed?", "Aalborg")]
    [InlineData("Where is the Nordic Film Festival being held?", "Bergen")]
    [InlineData("How many jobs has Nordic Rail Services cut?", "2,000")]
    [InlineData("Which group does Norway collaborate with in the Arctic?", "coast guard")]
    public async Task Ask_WhenTheEvidenceWordsTheEventOtherwise_Answers(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who founded the Blue Party?")]
    [InlineData("When was the Blue Party founded?")]
    [InlineData("What is Lena Berg's national record over 400m?")]
    [InlineData("Which newspaper did Karl Hansen speak to?")]
    [InlineData("Where was the Charter of Lindholm proclaimed in 1950?")]
    [InlineData("Who will succeed Maria Vogt as finance minister?")]
    public async Task Ask_WhenOnlyTheNamesMatchOrAnotherThingIsAsked_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }

    [Fact]
    public async Task Ask_WhenOnlyTheVerbDiffers_ConfidenceIsLowerThanForTheSameWords()
    {
        var reworded = await Answerer().AskAsync(new Question("In which city did Maria Vogt unveil the budget?"), default);
        var same = await Answerer().AskAsync(new Question("In which city did Maria Vogt present the budget?"), default);

        Assert.True(reworded.Answered && same.Answered, reworded.Message + same.Message);
        Assert.Equal("Kiel", reworded.Text);
        Assert.True(reworded.Confidence <= same.Confidence, $"{reworded.Confidence} > {same.Confidence}");
    }
}
