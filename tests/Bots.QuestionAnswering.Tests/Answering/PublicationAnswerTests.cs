using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>When an article came out, and who published it, come from the article's stored metadata, not its text.</summary>
public sealed class PublicationAnswerTests
{
    private static QuestionAnswerer Answerer()
    {
        var search = new InMemoryPassageSearch();
        search.Add("Lund meets Berg in Oslo to discuss fishing quotas",
            "Norwegian minister Karl Lund met Swedish Prime Minister Anna Berg in Oslo on Tuesday. They discussed the cod quotas for next year.",
            "Nordic Post", "2023-04-11", "https://nordicpost.example/lund-berg");
        search.Add("What is behind Sweden's quiet diplomacy in the Arctic?",
            "Sweden has stepped up its diplomacy in the Arctic, analysts say. Berg has visited Tromso twice this year.",
            "Arctic Times", "2023-05-02", "https://arctictimes.example/quiet-diplomacy");
        return new QuestionAnswerer(search, new QuestionAnsweringOptions());
    }

    [Theory]
    [InlineData("When was the Nordic Post story on the Lund-Berg meeting published?", "11 April 2023", "Nordic Post")]
    [InlineData("What date was 'Lund meets Berg in Oslo to discuss fishing quotas' published?", "11 April 2023", "Nordic Post")]
    [InlineData("when was the article on sweden's quiet diplomacy in the arctic published", "2 May 2023", "Arctic Times")]
    [InlineData("Which outlet published the story on Sweden's quiet diplomacy in the Arctic?", "Arctic Times", "Arctic Times")]
    public async Task Ask_WhenOrWhereAnArticleWasPublished_AnswersFromItsMetadata(string question, string expected, string source)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Equal(expected, answer.Text);
        Assert.Equal(source, Assert.Single(answer.Citations).Source);
    }

    [Theory]
    [InlineData("When was the Baltic Herald story on the Lund-Berg meeting published?")]
    [InlineData("When was Berg's book on the Arctic published?")]
    public async Task Ask_WhenNoStoredArticleIsTheOneAsked_Declines(string question)
    {
        var answer = await Answerer().AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
    }
}
