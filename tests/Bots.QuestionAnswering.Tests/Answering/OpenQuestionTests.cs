using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>What/which questions answered with noun phrases, counts with bare numbers, paraphrases through the window.</summary>
public sealed class OpenQuestionTests
{
    private static QuestionAnswerer Over(string title, string body)
    {
        var search = new InMemoryPassageSearch();
        search.Add(title, body, "Encyclopedia", "");
        search.Add("Unrelated", "The city council met on Tuesday to discuss parking fees and a new bus lane.", "Local", "2020-01-01");
        return new QuestionAnswerer(search, new QuestionAnsweringOptions());
    }

    private const string Campus = "Harbor College (history)";

    private const string CampusText =
        "The campus has a Gothic character. Atop the Great Hall's tower is a bronze statue of an owl. "
        + "Immediately behind the hall is the Garden, a quiet place of study. "
        + "The college library, finished in 1963, is fourteen stories tall. "
        + "The college has three student newspapers. Its oldest building is Stone House.";

    [Theory]
    [InlineData("What is atop the tower of the Great Hall?", "statue")]
    [InlineData("What is the oldest building at Harbor College?", "Stone House")]
    public async Task Ask_WhatQuestion_AnswersWithTheNounPhrase(string question, string expected)
    {
        var answer = await Over(Campus, CampusText).AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_HowManyWithASpelledOutNumber_AnswersWithIt()
    {
        var answer = await Over(Campus, CampusText).AskAsync(new Question("How many student newspapers does Harbor College have?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("three", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ParaphrasedVerb_FindsTheSentenceThroughTheWordFamily()
    {
        // "completed" is not in the text; "finished" is.
        var answer = await Over(Campus, CampusText).AskAsync(new Question("In what year was the college library completed?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("1963", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SubjectOnlyInTheTitle_StillCountsAsMentioned()
    {
        // No sentence says "Harbor College"; the article's title does.
        var answer = await Over(Campus, CampusText).AskAsync(new Question("Which statue is on the tower at Harbor College?"), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("statue", answer.Text, StringComparison.Ordinal);
        Assert.Contains("owl", answer.Evidence, StringComparison.Ordinal);
    }
}
