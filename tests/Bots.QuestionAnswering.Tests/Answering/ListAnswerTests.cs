using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>
/// A plural question ("which countries …") is answered by the whole coordinated list of names of the asked type, in
/// at most ten words; a singular one keeps one name; a list about another thing is no answer.
/// </summary>
public sealed class ListAnswerTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Ceasefire talks",
            "The ceasefire talks mediated by Norway, Chile and Kenya resumed in Geneva on Monday, officials said.",
            "2024-03-05"),
        ("Trade bloc",
            "The Andean trade bloc, which includes Peru, Bolivia, Ecuador and Colombia, agreed new tariffs in Lima.",
            "2024-02-01"),
        ("Summit walkout",
            "The proposal was rejected by Brazil, Argentina, and Uruguay after a long night of talks in Montevideo.",
            "2024-04-10"),
        ("Unions meet",
            "The transport minister met representatives from Unite, the GMB and Aslef in London to discuss the strike.",
            "2024-05-20"),
        ("Militia report",
            "Russian-trained militants fought in the Chechen wars, the report said. Iranian-backed Hezbollah works with Russia in Syria.",
            "2024-06-01"),
        ("Envoy tour",
            "After the talks, envoy Maria Lind visited Kenya before returning home.",
            "2024-03-07"),
    ];

    private static QuestionAnswerer Answerer() => InMemoryPassageSearch.AnswererOver(Articles);

    [Theory]
    [InlineData("Which countries mediated the ceasefire talks?", new[] { "Norway", "Chile", "Kenya" })]
    [InlineData("Which countries make up the Andean trade bloc?", new[] { "Peru", "Bolivia", "Ecuador", "Colombia" })]
    [InlineData("Which countries rejected the proposal?", new[] { "Brazil", "Argentina", "Uruguay" })]
    [InlineData("which unions did the transport minister meet", new[] { "Unite", "GMB", "Aslef" })]
    public async Task Ask_PluralQuestion_AnswersWithTheWholeList(string question, string[] members)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.All(members, m => Assert.Contains(m, answer.Text, StringComparison.Ordinal));
        Assert.True(answer.Text.Split(' ').Length <= 10, answer.Text);
    }

    [Fact]
    public async Task Ask_SingularQuestion_AnswersWithOneName()
    {
        var answer = await Answerer().AskAsync(new Question("Which country did Maria Lind visit after the talks?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal("Kenya", answer.Text);
    }

    [Theory]
    [InlineData("Which countries mediated the talks on Ukraine?")]
    [InlineData("Which countries rejected the budget?")]
    public async Task Ask_PluralQuestionAboutAnotherThing_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, answer.Text);
    }

    [Theory]
    [InlineData("In which wars did Russian-trained militants fight?", "Chechen")]
    [InlineData("Which Iranian-backed group works with Russia in Syria?", "Hezbollah")]
    public async Task Ask_QuestionWithANameJoinedToAParticiple_IsAnswered(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionWithAnotherNameJoinedToTheParticiple_Declines()
    {
        var answer = await Answerer().AskAsync(new Question("In which wars did Chinese-trained militants fight?"), default);

        Assert.False(answer.Answered, answer.Text);
    }
}
