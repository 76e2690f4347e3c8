namespace Bots.ArticleStore.Search;

/// <summary>
/// Writes a parsed query in each engine's syntax. Terms hold only letters and digits, and each is
/// quoted, so no user text can become an operator. Included terms are OR-ed: ranking, not
/// matching every word, decides what a question finds.
/// </summary>
public static class QuerySyntax
{
    /// <summary>SQLite FTS5 MATCH expression.</summary>
    public static string ToFts5(ParsedQuery query)
    {
        var include = string.Join(" OR ", query.Include.Select(Fts5Term));
        if (query.Exclude.Count == 0)
        {
            return include;
        }
        return $"({include}) NOT ({string.Join(" OR ", query.Exclude.Select(Fts5Term))})";
    }

    /// <summary>PostgreSQL to_tsquery text (english configuration stems each operand).</summary>
    public static string ToTsQuery(ParsedQuery query)
    {
        var include = string.Join(" | ", query.Include.Select(TsTerm));
        if (query.Exclude.Count == 0)
        {
            return include;
        }
        return $"({include}) & !({string.Join(" | ", query.Exclude.Select(TsTerm))})";
    }

    /// <summary>One term as a quoted FTS5 phrase or prefix.</summary>
    public static string Fts5Term(QueryTerm term) =>
        term.Prefix ? $"\"{term.Words[0]}\"*" : $"\"{string.Join(' ', term.Words)}\"";

    private static string TsTerm(QueryTerm term)
    {
        if (term.Prefix)
        {
            return $"'{term.Words[0]}':*";
        }
        return term.IsPhrase ? "(" + string.Join(" <-> ", term.Words.Select(w => $"'{w}'")) + ")" : $"'{term.Words[0]}'";
    }
}
