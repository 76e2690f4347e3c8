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
    public static List<(long Rowid, double Score)> Rank(SqliteConnection connection, ParsedQuery query, SearchFilter filter, int limit, TermPassageCounts.Generation? counts = null)
    {
        var ranked = new List<(long Rowid, double Score)>(limit);
        var seen = new HashSet<long>();
        using var rank = connection.CreateCommand();
        rank.CommandText = filter.IsEmpty ? Fts5Sql.RankedPassages : Fts5Sql.RankedFilteredPassages;
        rank.Parameters.AddWithValue("$match", "");
        rank.Parameters.AddWithValue("$limit", limit);
        rank.Parameters.AddWithValue("$scored", MaxScored);
        rank.Parameters.AddWithValue("$source", filter.Source ?? "");
        rank.Parameters.AddWithValue("$after", filter.PublishedAfter ?? "");
        rank.Parameters.AddWithValue("$before", filter.PublishedBefore ?? "");
        foreach (var tier in Tiers(connection, query, counts))
        {
            rank.Parameters["$match"].Value = tier;
            rank.Parameters["$scored"].Value = ranked.Count == 0 ? MaxScored : FillScored;
            using var reader = rank.ExecuteReader();
            while (reader.Read() && ranked.Count < limit)
            {
                var rowid = reader.GetInt64(0);
                if (seen.Add(rowid))
                {
                    ranked.Add((rowid, reader.GetDouble(1)));
                }
            }
            if (ranked.Count >= limit)
            {
                break;
            }
        }
        return ranked;
    }

    /// <summary>The MATCH expressions to run in order, each excluding the query's -words; word counts come from <paramref name="counts"/> when given.</summary>
    public static List<string> Tiers(SqliteConnection connection, ParsedQuery query, TermPassageCounts.Generation? counts = null)
    {
        var present = new List<(string Term, long Passages)>();
        using (var count = connection.CreateCommand())
        {
            count.CommandText = Fts5Sql.CountMatches;
            count.Parameters.AddWithValue("$match", "");
            count.Parameters.AddWithValue("$cap", CommonPassages);
            long Count(string term)
            {
                count.Parameters["$match"].Value = term;
                return (long)count.ExecuteScalar()!;
            }

            foreach (var term in query.Include.Select(QuerySyntax.Fts5Term).Distinct())
            {
                var passages = counts is null ? Count(term) : counts.GetOrCount(term, Count);
                if (passages > 0)
                {
                    present.Add((term, passages));
                }
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
