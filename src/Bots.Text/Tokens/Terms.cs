namespace Bots.Text;

/// <summary>Index terms: lower-cased words and numbers, stop words dropped, possessives removed, Porter-stemmed.</summary>
public static class Terms
{
    /// <summary>The index terms of a text, in order, repeats kept.</summary>
    public static IReadOnlyList<string> Of(string text) => OfWords(Tokenizer.Words(text));

    /// <summary>The index terms of already lower-cased words (as from <see cref="Tokenizer.Words"/>).</summary>
    public static IReadOnlyList<string> OfWords(IEnumerable<string> lowerWords)
    {
        var terms = new List<string>(lowerWords is IReadOnlyCollection<string> known ? known.Count : 0);
        foreach (var word in lowerWords)
        {
            if (Term(word) is { } term)
            {
                terms.Add(term);
            }
        }
        return terms;
    }

    // News vocabulary repeats heavily; caching each word's term (null for a stop word) makes term
    // extraction several times faster, with one lookup a word.
    private static readonly BoundedCache<string, string?> TermCache = new(200_000, StringComparer.Ordinal);

    private static string? Term(string word) =>
        TermCache.GetOrAdd(word, static w => StopWords.Contains(w) ? null : PorterStemmer.Stem(StripPossessive(w)));

    private static string StripPossessive(string word)
    {
        if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] == 's')
        {
            return word[..^2];
        }
        return word.Length > 1 && word[^1] is '\'' or '\u2019' ? word[..^1] : word;
    }
}
