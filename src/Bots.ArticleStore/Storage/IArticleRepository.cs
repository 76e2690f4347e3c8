using Bots.ArticleStore.Search;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// Durable article storage with its own full-text index. Every add or delete bumps
/// <see cref="GetVersionAsync"/> in the same transaction, so caches keyed on it never serve
/// answers from a corpus that has changed, even when several processes share the database.
/// </summary>
public interface IArticleRepository : IAsyncDisposable
{
    /// <summary>Creates the schema if needed. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores the articles in one transaction, in order, applying the duplicate rules between them too.</summary>
    Task<IReadOnlyList<AddOutcome>> AddAsync(IReadOnlyList<PreparedArticle> articles, CancellationToken cancellationToken);

    Task<StoredArticle?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first (by id); <paramref name="afterId"/> continues below that id.</summary>
    Task<ArticlePage> ListAsync(int pageSize, long? afterId, string? source, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PassageHit>> SearchAsync(ParsedQuery query, SearchFilter filter, int limit, CancellationToken cancellationToken);

    Task<StoreStatistics> GetStatsAsync(int recent, CancellationToken cancellationToken);

    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken);

    /// <summary>True once seeds were imported into this database (or it already held articles): never seed again.</summary>
    Task<bool> IsSeededAsync(CancellationToken cancellationToken);

    Task MarkSeededAsync(CancellationToken cancellationToken);
}
