namespace Bots.QuestionAnswering.Retrieval;

/// <summary>A passage of a stored article, as the store's search returns it.</summary>
public sealed record RetrievedPassage(
    long ArticleId,
    string Text,
    double Score,
    string Title,
    string Source,
    string Url,
    string Published,
    int PassageIndex,
    long DuplicateOf)
{
    /// <summary>Articles telling the same story share this key, so they count as one source.</summary>
    public long StoryId => DuplicateOf != 0 ? DuplicateOf : ArticleId;
}

/// <summary>Full-text passage search over the stored articles (the article store, in production).</summary>
public interface IPassageSearch
{
    /// <summary>Ranked passages for a free-text query, best first.</summary>
    Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>An article's whole body (for context around a passage), or null when it no longer exists.</summary>
    Task<string?> GetArticleBodyAsync(long articleId, CancellationToken cancellationToken);
}

/// <summary>The article store could not be reached or failed; the caller should retry later.</summary>
public sealed class PassageSearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
