namespace Bots.ArticleStore.Storage;

/// <summary>The FTS5 ranking query, shared by the store and the benchmark that times it bare.</summary>
public static class Fts5Sql
{
    // Title matches count, but less than the passage's own words: the title repeats on every passage.
    public const string Rank = "bm25(passage_fts, 0.6, 1.0)";

    /// <summary>Top passages by bm25 for $match, at most $limit; lower score is better.</summary>
    public const string RankedPassages = $"SELECT rowid, {Rank} AS score FROM passage_fts WHERE passage_fts MATCH $match ORDER BY score LIMIT $limit";
}
