using System.Collections.Concurrent;

namespace Bots.Text;

/// <summary>Index terms: lower-cased words and numbers, stop words dropped, possessives removed, Porter-stemmed.</summary>
public static class Terms
{
    /// <summary>The index terms of a text, in order, repeats kept.</summary>
    public static IReadOnlyList<string> Of(string text) => OfWords(Tokenizer.Words(text));

    /// <summary>The index terms of already lower-cased words (as from <see cref="Tokenizer.Words"/>).</summary>
    public static IReadOnlyList<string> OfWords(IEnumerable<string> lowerWords)
    {
        var terms = new List<string>();
        foreach (var word in lowerWords)
        {
            if (StopWords.Contains(word))
            {
                continue;
            }
            terms.Add(Stem(word));
        }
        return terms;
    }

    // News vocabulary repeats heavily; caching stems makes term extraction several times faster.
    // The count is kept beside the dictionary: ConcurrentDictionary.Count takes every lock, and asking
    // it on each miss cost more than the stemming it saves.
    private const int MaxCachedStems = 200_000;
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);
    private static int cachedStems;

    private static string Stem(string word)
    {
        if (StemCache.TryGetValue(word, out var stem))
        {
            return stem;
        }
        stem = PorterStemmer.Stem(StripPossessive(word));
        if (Interlocked.Increment(ref cachedStems) > MaxCachedStems)
        {
            StemCache.Clear();
            Interlocked.Exchange(ref cachedStems, 0);
        }
        StemCache[word] = stem;
        return stem;
    }

    private static string StripPossessive(string word)
    {
        if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] == 's')
        {
            return word[..^2];
        }
        return word.Length > 1 && word[^1] is '\'' or '\u2019' ? word[..^1] : word;
    }
}
