using Bots.Summarizer.Articles;

namespace Bots.Summarizer.Topics;

/// <summary>An article found for a topic: its retrieval score (higher is better), rank and best matching passage.</summary>
public sealed record TopicArticle(SourceArticle Article, double Score, int Rank, string Snippet)
{
    /// <summary>Who reported it: the source, or the article itself when the source is unknown.</summary>
    public string SourceKey => string.IsNullOrWhiteSpace(Article.Source) ? $"#{Article.Id}" : Article.Source.Trim().ToLowerInvariant();
}
