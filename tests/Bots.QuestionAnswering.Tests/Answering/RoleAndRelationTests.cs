using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// People the question describes by their office are not its answer; the asked-for office picks the answer; plural
/// which-questions get the whole list; "according to X" names a source; "the goal of X is Y" answers "what is the goal of X".
/// </summary>
public sealed class RoleAndRelationTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Quota talks",
            "In May 2021, Norwegian Fisheries Minister Odd Ramsvik met with union leader Kari Dahl to discuss the cod quotas.",
            "2021-05-20"),
        ("Herring dispute",
            "During the 2019 herring dispute, the Swedish Foreign Minister Eva Lind called for calm after a meeting in Malmo. "
            + "Foreign Ministry spokesman Jonas Ek said: \"Both fleets must leave the disputed waters.\"",
            "2019-09-02"),
        ("Lund abroad",
            "Lund arrived in Oslo on Monday for two days of talks. To settle the quarrel, Lund needs the support of Denmark and Finland, "
            + "which led him to visit Finland immediately after Oslo. Lund trusts that fishing talks mediated by Iceland, Estonia and Latvia "
            + "will end the dispute. Holm said Lund's trip was meant to win support for the fishermen, but the main goal of his visit "
            + "is likely to be the quarrel over quotas.",
            "2023-04-11"),
        ("Relief work",
            "Complicating matters is Norway's presence in Sudan, where it collaborates with the Nordic Relief Foundation.",
            "2023-06-01"),
        ("Trawler rules",
            "Unlike the Danish Fishing Board and the Finnish Coast Guard, Norway has not banned the bottom trawlers from the fjords.",
            "2023-07-01"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Which union leader did the Norwegian fisheries minister meet in May 2021?", "Kari Dahl")]
    [InlineData("Who did the Norwegian fisheries minister meet?", "Kari Dahl")]
    [InlineData("who was the foreign ministry spokesman during the herring dispute", "Jonas Ek")]
    [InlineData("which country did lund travel to straight after his oslo trip", "Finland")]
    [InlineData("In which country does Norway work alongside the Nordic Relief Foundation?", "Sudan")]
    [InlineData("According to Holm, what is the main goal of Lund's trip?", "the quarrel over quotas")]
    [InlineData("Unlike Norway, who has banned the bottom trawlers?", "Danish Fishing Board and Finnish Coast Guard")]
    public async Task Ask_AnswersTheOneAskedFor_NotTheOneTheQuestionDescribes(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal(expected, answer.Text);
    }

    [Fact]
    public async Task Ask_WhichCountriesMediate_ListsEveryCountryOfThePassiveAgent()
    {
        var answer = await Answerer().AskAsync(new Question("Which countries are mediating the fishing talks Lund hopes will end the dispute?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.All(new[] { "Iceland", "Estonia", "Latvia" }, country => Assert.Contains(country, answer.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("According to Nilsen, what is the main goal of Lund's trip?")]
    [InlineData("Which union leader did the Swedish foreign minister meet in May 2021?")]
    [InlineData("Which countries are mediating the budget talks in Oslo?")]
    [InlineData("Who is the Danish foreign minister?")]
    [InlineData("When did the Swedish fisheries minister meet Kari Dahl?")]
    public async Task Ask_WhenTheSourceOrTheDescribedPersonIsNotInTheArticles_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }
}
