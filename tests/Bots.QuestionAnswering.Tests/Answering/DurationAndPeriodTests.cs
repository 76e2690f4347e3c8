using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// "How long did she stay" is answered by the span of the stay ("from 3 to 5 May"), never by the length of another
/// thing in the sentence ("a two-hour meeting"); "during what period" by the period as written; of agreeing dates for
/// one event the most precise is shown.
/// </summary>
public sealed class DurationAndPeriodTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Minister in Paris",
            "Foreign Minister Jane Roe is in Paris from 3 to 5 May for talks on the energy crisis. Roe and her French counterpart held a two-hour meeting at the Quai d'Orsay.",
            "2023-05-03"),
        ("Summit in Oslo",
            "Trade envoy Karl Berg visited Oslo from June 10 to 12, his first visit since 2019. During the trip, Berg attended a 90-minute dinner with fishing executives.",
            "2022-06-13"),
        ("Council meeting",
            "The harbour council held a three-hour meeting on Tuesday about the new ferry terminal.",
            "2021-09-09"),
        ("Miller profile",
            "Anna Miller was a frequent guest at the Vienna opera during the 1980s until 1994. From late 1961, until 1966 she studied violin in Prague. Between 1970 and 1975 Miller lived in Salzburg.",
            "2020-01-10"),
        ("Flood anniversary",
            "In March, the dam above Lindau burst after days of rain. The collapse of the Lindau dam on 14 March killed eleven people, officials said.",
            "2024-04-02"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("How long did Jane Roe stay in Paris?", "3–5 May 2023")]
    [InlineData("How long was Jane Roe in Paris?", "3–5 May 2023")]
    [InlineData("How long did Karl Berg stay in Oslo?", "10–12 June 2022")]
    [InlineData("how long was karl berg's visit to oslo", "10–12 June 2022")]
    public async Task Ask_HowLongAStayLasted_AnswersWithTheSpanOfTheStay(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How long did the harbour council meeting last?", "three-hour")]
    [InlineData("How long was the dinner Karl Berg attended?", "90-minute")]
    public async Task Ask_HowLongTheMeasuredThingLasted_AnswersWithItsLength(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal(expected, answer.Text);
    }

    [Theory]
    [InlineData("How long did Jane Roe stay in Berlin?")]
    [InlineData("How long did Karl Berg stay in Bergen?")]
    public async Task Ask_HowLongAStayInAnotherCityLasted_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, answer.Text);
    }

    [Theory]
    [InlineData("During what period was Anna Miller a frequent guest at the Vienna opera?", "the 1980s until 1994")]
    [InlineData("During which years did Anna Miller study violin in Prague?", "1961")]
    [InlineData("In which years did Anna Miller live in Salzburg?", "1970–1975")]
    public async Task Ask_ForAPeriod_AnswersWithTheWholePeriod(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ForAPeriodOfAnotherPerson_Declines()
    {
        var answer = await Answerer().AskAsync(new Question("During what period was Jane Roe a frequent guest at the Vienna opera?"), default);

        Assert.False(answer.Answered, answer.Text);
    }

    [Theory]
    [InlineData("When did the Lindau dam collapse?")]
    [InlineData("On what date did the dam above Lindau burst?")]
    public async Task Ask_WhenOneSentenceGivesTheMonthAndAnotherTheDay_AnswersWithTheDay(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal("14 March 2024", answer.Text);
    }
}
