using Bots.Summarizer.Articles;
using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Tests.Summaries;

public class ArticleSummarizerTests
{
    private readonly InMemoryArticleSource source = new();

    private ArticleSummarizer Summarizer => new(source, new SentenceRanker());

    [Fact]
    public async Task SummarizeAsync_CitesTheArticle()
    {
        var id = source.Add("Abbas meets Putin", "Abbas met Putin in Moscow on Tuesday.\nThe leaders discussed Gaza for three hours.\nAbbas thanked Russia for its support.", "Global Times", "https://example.org/a", "2024-08-13");

        var summary = await Summarizer.SummarizeAsync(id, 2, CancellationToken.None);

        Assert.Equal(2, summary.Sentences.Count);
        var citation = Assert.Single(summary.Citations);
        Assert.Equal((id, "Global Times", "https://example.org/a"), (citation.ArticleId, citation.Source, citation.Url));
    }

    [Fact]
    public async Task SummarizeAsync_UnknownArticle_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<SummaryRequestException>(() => Summarizer.SummarizeAsync(99, 3, CancellationToken.None));

        Assert.Equal(SummaryFailure.NotFound, error.Failure);
    }

    [Fact]
    public async Task SummarizeAsync_ZeroMeansThreeSentences()
    {
        var id = source.Add("t", string.Join("\n", Enumerable.Range(1, 8).Select(i => $"Sentence number {i} talks about the budget plan in detail.")));

        var summary = await Summarizer.SummarizeAsync(id, 0, CancellationToken.None);

        Assert.Equal(3, summary.Sentences.Count);
    }

    [Fact]
    public void Summarize_EmptyBody_IsEmpty()
    {
        var summary = Summarizer.Summarize(new SourceArticle(1, "t", "", "", "", "", 0), 3);

        Assert.Empty(summary.Sentences);
        Assert.Equal("", summary.Text);
    }
}
