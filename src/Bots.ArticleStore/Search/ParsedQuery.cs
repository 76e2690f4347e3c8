namespace Bots.ArticleStore.Search;

/// <summary>One thing to look for: a word, a quoted phrase, or a word prefix ("russ*"). Words are letters and digits only.</summary>
public sealed record QueryTerm(IReadOnlyList<string> Words, bool Prefix = false)
{
    public bool IsPhrase => Words.Count > 1;
}

/// <summary>A search request reduced to plain terms: nothing the user typed reaches a query language unescaped.</summary>
public sealed record ParsedQuery(IReadOnlyList<QueryTerm> Include, IReadOnlyList<QueryTerm> Exclude);

/// <summary>Optional restrictions; dates are inclusive "yyyy-MM-dd" days.</summary>
public sealed record SearchFilter(string? Source = null, string? PublishedAfter = null, string? PublishedBefore = null)
{
    public static readonly SearchFilter None = new();

    public bool IsEmpty => Source is null && PublishedAfter is null && PublishedBefore is null;
}
