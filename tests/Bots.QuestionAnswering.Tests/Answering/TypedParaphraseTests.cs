using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// Typed questions worded otherwise than their evidence: "sweep" for "raids", "sit-down" for "meeting", "go back to"
/// for "dating back to", "politburo" for "Political Bureau", a possessor asked for ("which country's …"), and the doer
/// named right before the asked verb after a long opening clause. What the articles do not say is still declined.
/// </summary>
public sealed class TypedParaphraseTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Border villages",
            "Daily Turkish raids on the border villages have displaced thousands of families.",
            "2024-02-02"),
        ("Clan talks",
            "Even as Norway's quiet diplomacy brought some calm between the two clans, it was the patient work of local elders that laid the groundwork for the truce.",
            "2024-03-03"),
        ("Chile and Japan",
            "Trade between Chile and Japan has a long history dating back to the 18th century, when whalers first called at Valparaiso. "
            + "After a meeting between the trade ministers of Chile and Japan in 2015, both said the 21st century would bring closer ties.",
            "2024-04-04"),
        ("Lund and Vik",
            "Mayor Ivar Lund met Governor Ola Vik in Tromso on Monday, their first face-to-face meeting since 2019.",
            "2024-05-05"),
        ("Zelen purge",
            "The arrest of Zelen Party Political Bureau Chief Anton Varga in Sofia shocked the region.",
            "2024-06-06"),
        ("Valley relief",
            "In addition to 40 tons of flour, rice and oil, Governor Lina Park ordered extra blankets to be sent to the valley. "
            + "\"Oslo has no wish to join the fishing pact,\" Knut Berg added.",
            "2024-07-07"),
        ("Border war",
            "During the 1998 border war, General Abel Tesfa telephoned Premier Dawit Odo urging him to stop the shelling.",
            "2024-08-08"),
        ("Tarn recognition",
            "In 1990 the Kavel Union urged the Tarn League to recognise Norway. "
            + "The Kavel Union was among the first to recognise the Tarn League in 1975.",
            "2024-09-09"),
        ("Lund travels",
            "Mayor Ivar Lund met Governor Ola Vik at the town hall in Oslo on Friday. "
            + "Lund needs the support of Oslo and Stockholm, which led him to visit Stockholm immediately after Oslo.",
            "2024-10-10"),
        ("Militia arms",
            "The young militia even received rifles from communist Albania, then a close ally.",
            "2024-11-11"),
        ("Council motions",
            "Kavel's own motions for a truce at the council in October were rejected by the Tarn League.",
            "2024-10-20"),
        ("Holt hunting medal",
            "British sprinter Mia Holt is confident she can win a medal at the Nordic Indoor Championships in Oslo. "
            + "The 24-year-old has already broken the national record twice this season. "
            + "At the Bergen meeting, Holt left her Polish rival Ewa Nowak trailing in fifth.",
            "2024-10-21"),
        ("Kavel embassy",
            "In the summer of 1981 a Kavel embassy was opened in Oslo.",
            "2024-10-22"),
        ("Envoy visit",
            "Envoy Marta Lind visited Oslo from May 3 to 6 for the first time since 2019.",
            "2024-10-23"),
        ("Kavel doctrine",
            "By 1968 the Kavelians had declared the river league the vanguard of the northern trade movement.",
            "2024-10-24"),
        ("Lind policy",
            "From late 1961 until 1965, Marta Lind adopted a pro-market trade policy, hoping the region would prosper (as it had been led by farmers for decades).",
            "2024-10-25"),
        ("Analyst",
            "\"Nothing changed,\" said Boris Kell, an independent analyst now based in Tallinn.",
            "2024-10-26"),
        ("Valley war",
            "The lord of Tarn jointly invaded the duchy of Vell with the Danes in the 1640s. "
            + "Riga was occupied more than once before the dukes re-established control.",
            "2024-10-27"),
        ("Diaspora",
            "Norway is home to a large Polish diaspora, and the government used its channels to help some of them home.",
            "2024-10-28"),
        ("Vote support",
            "To win the vote on the budget, Mayor Ivar Lund needs the support of Norway and Denmark.",
            "2024-10-29"),
        ("Truce proposals",
            "However, Kavel's own proposals for a truce have not received backing from Norway and Sweden.",
            "2024-12-12"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("how often do turkish troops sweep the border villages", "Daily")]
    [InlineData("Which country's quiet diplomacy brought some calm between the clans?", "Norway")]
    [InlineData("chile japan trade goes back to which century", "18th")]
    [InlineData("the lund vik sit-down was their first since which year", "2019")]
    [InlineData("Who was the Zelen Party politburo chief arrested in Sofia?", "Varga")]
    [InlineData("Who ordered extra blankets for the valley?", "Park")]
    [InlineData("Who said Oslo has no wish to join the fishing pact?", "Berg")]
    [InlineData("In which year did Tesfa phone Odo?", "1998")]
    [InlineData("When did the Kavel Union recognise the Tarn League?", "1975")]
    [InlineData("where did lund travel right after oslo", "Stockholm")]
    [InlineData("Where did the young militia get rifles from?", "Albania")]
    [InlineData("which country armed the young militia", "Albania")]
    [InlineData("Which countries refused to back Kavel's truce proposals?", "Norway")]
    [InlineData("When did the Tarn League reject Kavel's motions?", "October")]
    [InlineData("How old is Mia Holt?", "24")]
    [InlineData("in what season of 1981 did kavel open its oslo embassy", "summer")]
    [InlineData("marta lind oslo visit end date", "6 May")]
    [InlineData("When did Marta Lind's visit to Oslo begin?", "3 May")]
    [InlineData("When did the Kavelians declare the river league the vanguard of the northern trade movement?", "1968")]
    [InlineData("When did Marta Lind start her pro-market trade policy?", "1961")]
    [InlineData("Which city does Boris Kell work out of?", "Tallinn")]
    [InlineData("Which city was occupied more than once during the 1640s invasion of Vell?", "Riga")]
    [InlineData("norway is home to a large diaspora from which country", "Poland")]
    [InlineData("Besides Norway, whose support does Lund need to win the vote?", "Denmark")]
    public async Task Ask_TypedQuestionWordedOtherwise_Answers(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how often do turkish troops sweep the coastal towns")]
    [InlineData("Which country's quiet diplomacy ended the drought?")]
    [InlineData("Who was the Zelen Party politburo chief arrested in Warsaw?")]
    [InlineData("Who said Bergen has no wish to join the fishing pact?")]
    [InlineData("How many tons of extra blankets did Lina Park order?")]
    [InlineData("When did Kavel veto the Tarn League resolution?")]
    [InlineData("How old is Ewa Nowak?")]
    [InlineData("in what season of 1990 did kavel open its oslo embassy")]
    [InlineData("Besides Norway, whose support does Ola Vik need to win the vote?")]
    public async Task Ask_WhenTheArticlesDoNotSayIt_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }
}
