namespace Bots.Summarizer.Articles;

/// <summary>Where the summariser reads articles and searches passages: the article store, seen from the domain.</summary>
public interface IArticleSource
{
    /// <summary>The article, or null when no article has this id.</summary>
    Task<SourceArticle?> GetArticleAsync(long id, CancellationToken cancellationToken);

    /// <summary>Ranked passages for a free-text query, best first.</summary>
    Task<IReadOnlyList<SourcePassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken);
}

/// <summary>A stored article with what a citation needs.</summary>
public sealed record SourceArticle(
    long Id,
    string Title,
    string Body,
    string Source,
    string Url,
    string Published,
    long DuplicateOf);

/// <summary>A search hit: a passage of an article with its score and the article's citation fields.</summary>
public sealed record SourcePassage(
    long ArticleId,
    string Text,
    double Score,
    string Title,
    string Source,
    string Url,
    string Published,
    int PassageIndex,
    long DuplicateOf);

/// <summary>A passage search with optional source and inclusive ISO publication-date filters.</summary>
public sealed record PassageQuery(string Query, int Limit, string? Source = null, string? PublishedAfter = null, string? PublishedBefore = null);
