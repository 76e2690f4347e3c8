using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

public sealed class QuestionAnswererTests
{
    private static readonly QuestionAnsweringOptions Options = new();

    private static QuestionAnswerer Over(params (string Title, string Body, string Published)[] articles)
    {
        var search = new InMemoryPassageSearch();
        foreach (var (title, body, published) in articles)
        {
            search.Add(title, body, "Test Wire", published);
        }

        return new QuestionAnswerer(search, Options);
    }

    private static readonly (string, string, string) Visit = ("Minister visits Rome",
        "Foreign Minister Jane Roe visited Rome on March 3, 2021 for talks with Italian officials. Roe, a former diplomat, met the Italian prime minister at the Palazzo Chigi residence in Rome. The talks lasted for six hours.",
        "2021-03-04");

    private static readonly (string, string, string) Aid = ("Aid convoy reaches city",
        "The Red Cross sent 40 trucks of food to Aleppo in 2016. Officials said 12 tons of medicine followed a week later.",
        "2016-05-01");

    [Fact]
    public async Task Ask_DateQuestion_AnswersWithTheDateOfThatEvent()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("When did Jane Roe visit Rome?"), default);

        Assert.True(answer.Answered);
        Assert.Equal("3 March 2021", answer.Text);
        Assert.Equal("date", answer.AnswerType);
        Assert.Contains("visited Rome", answer.Evidence, StringComparison.Ordinal);
        Assert.Equal("Minister visits Rome", Assert.Single(answer.Citations).Title);
    }

    [Fact]
    public async Task Ask_WhenNoArticleMentionsTheCity_Declines()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("When did Jane Roe visit Madrid?"), default);

        Assert.False(answer.Answered);
        Assert.Equal(string.Empty, answer.Text);
        Assert.Contains("Madrid", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenNoArticleMentionsThePerson_Declines()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("When did John Smith visit Rome?"), default);

        Assert.False(answer.Answered);
        Assert.Contains("John Smith", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenTheYearAskedDiffers_DeclinesAndSaysWhichYearTheArticlesGive()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("Where did Jane Roe meet the Italian prime minister in 2019?"), default);

        Assert.False(answer.Answered);
        Assert.Contains("2019", answer.Message, StringComparison.Ordinal);
        Assert.Contains("2021", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenTheEventIsNotDescribed_Declines()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("What is the population of Aleppo?"), default);

        Assert.False(answer.Answered);
    }

    [Fact]
    public async Task Ask_WhereQuestion_PrefersTheSpecificPlace()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("Where did Roe meet the Italian prime minister?"), default);

        Assert.True(answer.Answered);
        Assert.Contains("Palazzo Chigi", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhoIsQuestion_AnswersWithTheApposition()
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question("Who is Jane Roe?"), default);

        Assert.True(answer.Answered);
        Assert.Contains("diplomat", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many trucks did the Red Cross send to Aleppo?", "40")]
    [InlineData("How much medicine followed?", "12 tons")]
    [InlineData("How long did the talks in Rome last?", "six hours")]
    public async Task Ask_AmountQuestions_AnswerWithTheAmount(string question, string expected)
    {
        var answer = await Over(Visit, Aid).AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenSourcesGiveDifferentYears_SaysSoAndCitesBoth()
    {
        var qa = Over(
            ("Bridge opened", "The Harbour Bridge in Sydney was opened in 1932 by the premier.", "2020-01-01"),
            ("City history", "The Harbour Bridge in Sydney was opened in 1933, after years of work.", "2021-01-01"));

        var answer = await qa.AskAsync(new Question("When was the Harbour Bridge opened?"), default);

        Assert.True(answer.Answered);
        Assert.Contains("disagree", answer.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(answer.Alternatives);
        Assert.Equal(2, answer.Citations.Select(c => c.ArticleId).Distinct().Count());
    }

    [Fact]
    public async Task Ask_AgreementAcrossArticles_RaisesConfidence()
    {
        const string Text = "The Harbour Bridge in Sydney was opened in 1932.";
        var single = await Over(("A", Text, "2020-01-01")).AskAsync(new Question("When was the Harbour Bridge opened?"), default);
        var twice = await Over(("A", Text, "2020-01-01"), ("B", "Sydney's Harbour Bridge was opened in 1932 by the premier.", "2020-02-01"))
            .AskAsync(new Question("When was the Harbour Bridge opened?"), default);

        Assert.True(twice.Confidence > single.Confidence);
    }

    [Fact]
    public async Task Ask_NearDuplicatesOfOneStory_CountOnce()
    {
        var search = new InMemoryPassageSearch();
        var first = search.Add("A", "The Harbour Bridge in Sydney was opened in 1932.", "Wire", "2020-01-01");
        search.Add("A copy", "The Harbour Bridge in Sydney was opened in 1932.", "Wire", "2020-01-01", duplicateOf: first);
        var single = await Over(("A", "The Harbour Bridge in Sydney was opened in 1932.", "2020-01-01")).AskAsync(new Question("When was the Harbour Bridge opened?"), default);

        var answer = await new QuestionAnswerer(search, Options).AskAsync(new Question("When was the Harbour Bridge opened?"), default);

        Assert.Equal(single.Confidence, answer.Confidence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_IsRejectedWithAHint(string question)
    {
        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => Over(Visit).AskAsync(new Question(question), default));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OverlongQuestion_IsRejectedNamingTheLimit()
    {
        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => Over(Visit).AskAsync(new Question(new string('a', 2001)), default));

        Assert.Contains("2,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_EmptyStore_DeclinesSayingThereIsNothing()
    {
        var answer = await new QuestionAnswerer(new InMemoryPassageSearch(), Options).AskAsync(new Question("When did Abbas visit Moscow?"), default);

        Assert.False(answer.Answered);
        Assert.NotEmpty(answer.Message);
    }

    [Fact]
    public async Task Ask_AnswerIsShort()
    {
        var answer = await Over(Visit).AskAsync(new Question("Where did Roe meet the Italian prime minister?"), default);

        Assert.True(answer.Text.Split(' ').Length <= 10);
    }
}
