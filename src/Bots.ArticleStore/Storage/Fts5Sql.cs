namespace Bots.ArticleStore.Storage;

/// <summary>The FTS5 statements search runs, shared by the store and the benchmark that times them bare.</summary>
public static class Fts5Sql
{
    // Title matches count, but less than the passage's own words: the title repeats on every passage.
    public const string Rank = "bm25(passage_fts, 0.6, 1.0)";

    /// <summary>Matching passages counted up to $cap: enough to tell a rare word from a common one.</summary>
    public const string CountMatches = "SELECT count(*) FROM (SELECT 1 FROM passage_fts WHERE passage_fts MATCH $match LIMIT $cap)";

    /// <summary>
    /// Top passages by bm25 for $match, at most $limit, lower score better. Only the newest $scored
    /// matches are scored: bm25 costs about a microsecond a row, and a word in most passages of a large
    /// corpus would otherwise cost tens of milliseconds.
    /// </summary>
    public const string RankedPassages = $"""
        SELECT rowid, score FROM (
            SELECT rowid, {Rank} AS score FROM passage_fts WHERE passage_fts MATCH $match ORDER BY rowid DESC LIMIT $scored)
        ORDER BY score LIMIT $limit
        """;

    /// <summary><see cref="RankedPassages"/> restricted by source and publication day ('' means any).</summary>
    public const string RankedFilteredPassages = $"""
        SELECT rowid, score FROM (
            SELECT passage_fts.rowid AS rowid, {Rank} AS score FROM passage_fts JOIN articles a ON a.id = (passage_fts.rowid >> 16)
            WHERE passage_fts MATCH $match
              AND ($source = '' OR a.source = $source COLLATE NOCASE)
              AND ($after = '' OR (a.published_day <> '' AND a.published_day >= $after))
              AND ($before = '' OR (a.published_day <> '' AND a.published_day <= $before))
            ORDER BY passage_fts.rowid DESC LIMIT $scored)
        ORDER BY score LIMIT $limit
        """;

    /// <summary>Text and citation metadata of the passages whose rowids $rowids (a JSON array) lists.</summary>
    public const string PassageDetails = """
        SELECT f.rowid, f.text, a.title, a.source, a.url, a.published, a.duplicate_of
        FROM json_each($rowids) j
        JOIN passage_fts f ON f.rowid = j.value
        JOIN articles a ON a.id = (j.value >> 16)
        """;
}
