namespace Bots.Text;

/// <summary>Word n-grams ("shingles") for near-duplicate detection.</summary>
public static class Shingles
{
    /// <summary>
    /// The distinct n-word shingles of a word sequence, words joined by a space. A sequence shorter
    /// than n yields one shingle of all its words, so short texts still compare; no words yield none.
    /// </summary>
    public static IReadOnlySet<string> Of(IReadOnlyList<string> words, int n)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return shingles;
        }
        if (words.Count < n)
        {
            shingles.Add(string.Join(' ', words));
            return shingles;
        }
        for (var i = 0; i + n <= words.Count; i++)
        {
            shingles.Add(string.Join(' ', Enumerable.Range(i, n).Select(k => words[k])));
        }
        return shingles;
    }
}
