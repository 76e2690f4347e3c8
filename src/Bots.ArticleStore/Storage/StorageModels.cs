using Bots.ArticleStore.Dedup;
using Bots.ArticleStore.Ingest;

namespace Bots.ArticleStore.Storage;

/// <summary>A cleaned, segmented article ready to store.</summary>
public sealed record PreparedArticle(
    string Title,
    string Body,
    string Source,
    string Url,
    PublishedDate? Published,
    string ContentHash,
    ArticleFingerprint Fingerprint,
    IReadOnlyList<string> Passages,
    int WordCount,
    IReadOnlyList<string> SuggestTerms);

/// <summary>What adding an article did: a new row, a link to the story it repeats, or the identical one already kept.</summary>
public sealed record AddOutcome(long Id, long DuplicateOf, bool Created, string Title, string Published);

public sealed record StoredArticle(long Id, string Title, string Body, string Source, string Url, string Published, long DuplicateOf, int WordCount);

public sealed record ArticleSummary(long Id, string Title, string Source, string Published, string Url, long DuplicateOf);

public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Articles, string NextPageToken, int TotalSize);

public sealed record PassageHit(
    long ArticleId,
    int PassageIndex,
    string Text,
    double Score,
    string Title,
    string Source,
    string Url,
    string Published,
    long DuplicateOf);

public sealed record SourceTally(string Source, int Articles);

public sealed record StoreStatistics(
    int ArticleCount,
    int PassageCount,
    long Version,
    IReadOnlyList<SourceTally> Sources,
    string OldestPublished,
    string NewestPublished,
    IReadOnlyList<ArticleSummary> Recent);
