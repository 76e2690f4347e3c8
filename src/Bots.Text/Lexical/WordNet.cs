using System.IO.Compression;

namespace Bots.Text.Lexical;

/// <summary>
/// Words WordNet 3.0 relates in their common senses — synonyms, noun/verb forms of one another, a verb's broader verb
/// ("liken" → compare, "invade" → invasion, attack) — and irregular forms ("slain" → slay), from the compact extract
/// tools/wordnet/extract.py makes. Loaded once, on first use.
/// </summary>
public static class WordNet
{
    private const string ResourceName = "Bots.Text.Lexical.wordnet.txt.gz";

    private static readonly Lazy<Database> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Number of lemmas with related words; reading it loads the data.</summary>
    public static int Count => Data.Value.LineStarts.Length;

    /// <summary>Loads the data now rather than on the first question.</summary>
    public static void Preload() => _ = Data.Value;

    /// <summary>The lemma of an irregular form ("slain" → slay, "crises" → crisis), or null when the word is not one.</summary>
    public static string? BaseForm(string lowerWord) => Data.Value.Forms.GetValueOrDefault(lowerWord);

    /// <summary>Whether WordNet relates any word to the lemma.</summary>
    public static bool Knows(string lemma) => Data.Value.Find(lemma) >= 0;

    /// <summary>Words related to a lemma, the most common first; empty when WordNet relates none.</summary>
    public static IReadOnlyList<string> Related(string lemma)
    {
        var data = Data.Value;
        var line = data.Find(lemma);
        if (line < 0)
        {
            return [];
        }

        var text = data.Text.AsSpan(data.LineStarts[line] + lemma.Length + 1);
        text = text[..text.IndexOf((byte)'\n')];
        var related = new List<string>();
        foreach (var range in text.Split((byte)' '))
        {
            related.Add(System.Text.Encoding.ASCII.GetString(text[range]));
        }

        return related;
    }

    /// <summary>
    /// The lemmas a lower-case word may be a form of, the word itself first when it is one ("meetings" → meeting;
    /// "invaded" → invade; "slain" → slay): WordNet's own detachment rules, kept only when they give a known lemma.
    /// </summary>
    public static IReadOnlyList<string> Lemmas(string lowerWord)
    {
        var data = Data.Value;
        var lemmas = new List<string>(2);
        void Add(string candidate)
        {
            if (candidate.Length > 0 && data.Find(candidate) >= 0 && !lemmas.Contains(candidate))
            {
                lemmas.Add(candidate);
            }
        }

        Add(lowerWord);
        if (data.Forms.TryGetValue(lowerWord, out var irregular))
        {
            Add(irregular);
        }

        foreach (var (suffix, ending) in Detachments)
        {
            if (lowerWord.Length > suffix.Length + 2 && lowerWord.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = lowerWord[..^suffix.Length];
                Add(stem + ending);
                // "stopped", "planning": the doubled consonant goes too.
                if (ending.Length == 0 && suffix is "ed" or "ing" && stem.Length > 2 && stem[^1] == stem[^2])
                {
                    Add(stem[..^1]);
                }
            }
        }

        return lemmas;
    }

    private static readonly (string Suffix, string Ending)[] Detachments =
    [
        ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"),
        ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ];

    private static Database Load()
    {
        using var stream = typeof(WordNet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded WordNet extract {ResourceName} is missing from {typeof(WordNet).Assembly.GetName().Name}.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream(2_000_000);
        gzip.CopyTo(buffer);

        // The ASCII text itself, with where each (sorted) lemma's line starts, is the index: a binary search finds a
        // lemma, and no string is made for a word until it is asked for. About 2 MB, read in a few milliseconds.
        var text = buffer.ToArray();
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var starts = new List<int>(50_000);
        for (var start = 0; start < text.Length;)
        {
            var end = Array.IndexOf(text, (byte)'\n', start);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(start, end - start);
            if (line.Length > 0 && line[0] == (byte)'=')
            {
                var space = line.IndexOf((byte)' ');
                forms[System.Text.Encoding.ASCII.GetString(line[1..space])] = System.Text.Encoding.ASCII.GetString(line[(space + 1)..]);
            }
            else if (line.Length > 0 && line[0] != (byte)'#')
            {
                starts.Add(start);
            }

            start = end + 1;
        }

        return new Database(text, [.. starts], forms);
    }

    private sealed record Database(byte[] Text, int[] LineStarts, Dictionary<string, string> Forms)
    {
        /// <summary>The index of the lemma's line, or -1.</summary>
        public int Find(string lemma)
        {
            var (low, high) = (0, LineStarts.Length - 1);
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                var order = Compare(lemma, LineStarts[middle]);
                if (order == 0)
                {
                    return middle;
                }

                (low, high) = order < 0 ? (low, middle - 1) : (middle + 1, high);
            }

            return -1;
        }

        // Ordinal order of the lemma against the first word of the line at start (lines are sorted that way).
        private int Compare(string lemma, int start)
        {
            for (var i = 0; ; i++)
            {
                var b = start + i < Text.Length ? Text[start + i] : (byte)'\n';
                var lineEnded = b is (byte)' ' or (byte)'\n';
                if (i == lemma.Length)
                {
                    return lineEnded ? 0 : -1;
                }

                if (lineEnded)
                {
                    return 1;
                }

                var order = lemma[i].CompareTo((char)b);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
