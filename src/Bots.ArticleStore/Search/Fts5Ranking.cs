using Bots.ArticleStore.Storage;
using Microsoft.Data.Sqlite;

namespace Bots.ArticleStore.Search;

/// <summary>
/// Ranks passages for a query with FTS5 in tiers: passages holding every searched word come first,
/// then those holding all but the commonest, then any of the rarer words (any word when none is
/// rare); bm25 orders each tier. Words no passage holds are left out, so "visit" in a question does not empty
/// the first tier. A tier is only run while fewer than the wanted passages are found, so a question
/// whose words occur together is answered by one cheap intersection instead of scoring every passage
/// that holds any of its words; a tier scores at most <see cref="MaxScored"/> passages, the newest.
/// </summary>
public static class Fts5Ranking
{
    public const int MaxScored = 4096;

    /// <summary>
    /// What a tier scores once an earlier, stricter tier has found passages: it only fills the page beneath them, so
    /// the newest few hundred of its matches do; scoring thousands of partial matches was most of a search's cost.
    /// </summary>
    public const int FillScored = 512;

    /// <summary>A word in at least this many passages is common: it only retrieves when no query word is rarer.</summary>
    public const int CommonPassages = 1024;

    /// <summary>Rowids and bm25 scores (lower is better), best first, at most <paramref name="limit"/>.</summary>
    public static List<(long Rowid, double Score)> Rank(SqliteConnection connection, ParsedQuery query, SearchFilter filter, int limit)
    {
        using var statements = new Fts5Statements(connection);
        return Rank(statements, query, filter, limit);
    }

    /// <summary>As <see cref="Rank(SqliteConnection, ParsedQuery, SearchFilter, int)"/> with statements already prepared, and word counts and tier rankings from <paramref name="counts"/> when given.</summary>
    public static List<(long Rowid, double Score)> Rank(Fts5Statements statements, ParsedQuery query, SearchFilter filter, int limit, TermPassageCounts.Generation? counts = null)
    {
        var ranked = new List<(long Rowid, double Score)>(limit);
        var seen = new HashSet<long>();
        var rank = filter.IsEmpty ? statements.RankedPassages : statements.RankedFilteredPassages;
        rank.Parameters["$limit"].Value = limit;
        rank.Parameters["$source"].Value = filter.Source ?? "";
        rank.Parameters["$after"].Value = filter.PublishedAfter ?? "";
        rank.Parameters["$before"].Value = filter.PublishedBefore ?? "";
        foreach (var tier in Tiers(statements, query, counts))
        {
            var key = new TierKey(tier, ranked.Count == 0 ? MaxScored : FillScored, limit, filter.Source ?? "", filter.PublishedAfter ?? "", filter.PublishedBefore ?? "");
            var rows = counts is null ? RankTier(rank, key) : counts.GetOrRank(key, k => RankTier(rank, k));
            foreach (var (rowid, score) in rows)
            {
                if (ranked.Count >= limit)
                {
                    break;
                }
                if (seen.Add(rowid))
                {
                    ranked.Add((rowid, score));
                }
            }
            if (ranked.Count >= limit)
            {
                break;
            }
        }
        return ranked;
    }

    /// <summary>The rows (at most the key's limit) the ranking statement returns for one tier.</summary>
    private static (long Rowid, double Score)[] RankTier(SqliteCommand rank, TierKey tier)
    {
        rank.Parameters["$match"].Value = tier.Match;
        rank.Parameters["$scored"].Value = tier.Scored;
        var rows = new List<(long Rowid, double Score)>(tier.Limit);
        using var reader = rank.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }
        return [.. rows];
    }

    /// <summary>The MATCH expressions to run in order, each excluding the query's -words.</summary>
    private static List<string> Tiers(Fts5Statements statements, ParsedQuery query, TermPassageCounts.Generation? counts)
    {
        var count = statements.CountMatches;
        long Count(string term)
        {
            count.Parameters["$match"].Value = term;
            return (long)count.ExecuteScalar()!;
        }

        var present = new List<(string Term, long Passages)>();
        foreach (var term in query.Include.Select(QuerySyntax.Fts5Term).Distinct())
        {
            var passages = counts is null ? Count(term) : counts.GetOrCount(term, Count);
            if (passages > 0)
            {
                present.Add((term, passages));
            }
        }
        present = [.. present.OrderBy(p => p.Passages)];
        var excluded = query.Exclude.Count == 0 ? "" : $" NOT ({string.Join(" OR ", query.Exclude.Select(QuerySyntax.Fts5Term))})";
        var tiers = new List<string>();
        void Add(IEnumerable<(string Term, long Passages)> terms, string join)
        {
            var expression = $"({string.Join(join, terms.Select(t => t.Term))}){excluded}";
            if (!tiers.Contains(expression))
            {
                tiers.Add(expression);
            }
        }
        if (present.Count >= 2)
        {
            Add(present, " AND ");
        }
        if (present.Count >= 3)
        {
            Add(present.Take(present.Count - 1), " AND ");
        }
        // As in Lucene's common-terms query, common words only retrieve on their own when the query
        // has no rarer word: the rarer words' tier already holds
        // every passage they match, and ranking the rest would scan the common words' whole lists.
        var rare = present.Where(p => p.Passages < CommonPassages).ToList();
        if (present.Count > 0)
        {
            Add(rare.Count > 0 ? rare : present, " OR ");
        }
        return tiers;
    }
}

/// <summary>
/// The statements a search runs, prepared once on one connection and re-bound for each search: preparing the FTS5
/// statements again every time cost more than some of the queries they run.
/// </summary>
public sealed class Fts5Statements : IDisposable
{
    public Fts5Statements(SqliteConnection connection)
    {
        CountMatches = Make(connection, Fts5Sql.CountMatches, "$match", "$cap");
        CountMatches.Parameters["$cap"].Value = Fts5Ranking.CommonPassages;
        RankedPassages = Make(connection, Fts5Sql.RankedPassages, "$match", "$limit", "$scored", "$source", "$after", "$before");
        RankedFilteredPassages = Make(connection, Fts5Sql.RankedFilteredPassages, "$match", "$limit", "$scored", "$source", "$after", "$before");
    }

    public SqliteCommand CountMatches { get; }

    public SqliteCommand RankedPassages { get; }

    public SqliteCommand RankedFilteredPassages { get; }

    public void Dispose()
    {
        CountMatches.Dispose();
        RankedPassages.Dispose();
        RankedFilteredPassages.Dispose();
    }

    /// <summary>A command on <paramref name="connection"/> with its parameters declared, to bind and run many times.</summary>
    internal static SqliteCommand Make(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.AddWithValue(name, "");
        }
        return command;
    }
}
