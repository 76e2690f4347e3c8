using Bots.Summarizer.Articles;

namespace Bots.Summarizer.Summaries;

/// <summary>Extractive summaries of one stored article.</summary>
public sealed class ArticleSummarizer(IArticleSource source, SentenceRanker ranker)
{
    /// <summary>Summarises the article with up to <paramref name="maxSentences"/> sentences (1..20).</summary>
    public async Task<SummaryResult> SummarizeAsync(long articleId, int maxSentences, CancellationToken cancellationToken)
    {
        if (articleId <= 0)
        {
            throw new SummaryRequestException(SummaryFailure.InvalidArgument, $"article_id must be a positive article id; got {articleId}");
        }
        var count = SummaryLimits.Sentences(maxSentences, SummaryLimits.DefaultArticleSentences);
        var article = await source.GetArticleAsync(articleId, cancellationToken)
            ?? throw new SummaryRequestException(SummaryFailure.NotFound, $"no article with id {articleId}; list articles to find a valid id");
        return Summarize(article, count);
    }

    /// <summary>Summarises an article already at hand.</summary>
    public SummaryResult Summarize(SourceArticle article, int count)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = BodySentences(article);
        var chosen = ranker.Choose(article.Title, sentences, count);
        if (chosen.Count == 0)
        {
            return SummaryResult.Empty;
        }
        var citation = new SummaryCitation(article.Id, article.Title, article.Source, article.Url, article.Published, sentences[chosen[0]].Text);
        return new SummaryResult(chosen.Select(i => new SummarySentence(sentences[i].Text, 0)).ToList(), [citation]);
    }

    /// <summary>The body's sentences without a repeated title line at the top.</summary>
    public static IReadOnlyList<DocumentSentence> BodySentences(SourceArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return DocumentSentence.Split(article.Body, article.Title);
    }
}
