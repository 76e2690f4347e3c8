using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>A name typed with one slip still finds what the articles say of it; another real name does not.</summary>
public sealed class MisspelledNameTests
{
    private static QuestionAnswerer Answerer()
    {
        var search = new InMemoryPassageSearch();
        search.Add("College history", "Father John Cavanaugh founded the Medieval Institute in 1946. Theodore Hesburgh became president in 1952.", "Wire", "2000-01-01");
        search.Add("Trip", "The minister visited Iran on May 3, 2021 for talks on trade.", "Wire", "2021-05-04");
        return new QuestionAnswerer(search, new QuestionAnsweringOptions());
    }

    [Theory]
    [InlineData("When did Cavanugh found the Medieval Institute?", "1946")]
    [InlineData("When did Theodor Hesburgh become president?", "1952")]
    public async Task Ask_NameWithOneSlip_IsReadAsTheArticlesName(string question, string expected)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("When did the minister visit Iraq?")]
    [InlineData("When did Kavanagh found the Medieval Institute?")]
    public async Task Ask_AnotherRealNameOrMoreThanOneSlip_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"{answer.Text} / {answer.Evidence}");
    }

    [Theory]
    [InlineData("nore", "notre", true)]
    [InlineData("cavanugh", "cavanaugh", true)]
    [InlineData("theodor", "theodore", true)]
    [InlineData("hesbrugh", "hesburgh", true)]
    [InlineData("iraq", "iran", true)]
    [InlineData("kavanagh", "cavanaugh", false)]
    [InlineData("same", "same", false)]
    [InlineData("abc", "abcde", false)]
    public void OneEditApart_CountsOneInsertionDeletionSubstitutionOrSwap(string a, string b, bool expected)
    {
        Assert.Equal(expected, QuestionAnswerer.OneEditApart(a, b));
    }
}
