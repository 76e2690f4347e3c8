using System.Text;
using Bots.Text;

namespace Bots.Summarizer.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F)
{
    public static RougeScore From(double overlap, double candidateCount, double referenceCount)
    {
        var precision = candidateCount == 0 ? 0 : overlap / candidateCount;
        var recall = referenceCount == 0 ? 0 : overlap / referenceCount;
        var f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new RougeScore(precision, recall, f);
    }
}

/// <summary>
/// ROUGE (Lin, 2004) as ROUGE-1.5.5 and Google's rouge-score compute it: text lower-cased, every run of
/// characters other than a–z and 0–9 is a separator, and with stemming (ROUGE-1.5.5 -m) tokens longer
/// than three characters are Porter-stemmed. No stop words are removed. ROUGE-N counts clipped n-gram
/// overlaps. ROUGE-L is summary-level (Lin 2004, section 3.2; rouge-score's "rougeLsum"): for each reference
/// sentence the union of its longest common subsequences with every candidate sentence, each token counted
/// at most as often as it occurs on both sides; so the order of the sentences does not matter.
/// </summary>
public sealed class Rouge(bool stem = true)
{
    public bool Stemmed { get; } = stem;

    public IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(Finish(current));
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(Finish(current));
        }
        return tokens;
    }

    public RougeScore N(string candidate, string reference, int n) => N(Tokens(candidate), Tokens(reference), n);

    public static RougeScore N(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var candidateGrams = NGrams(candidate, n);
        var referenceGrams = NGrams(reference, n);
        var overlap = 0;
        foreach (var (gram, count) in candidateGrams)
        {
            overlap += Math.Min(count, referenceGrams.GetValueOrDefault(gram));
        }
        return RougeScore.From(overlap, Math.Max(0, candidate.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    /// <summary>Summary-level ROUGE-L of texts whose sentences are on separate lines or split by the sentence splitter.</summary>
    public RougeScore L(string candidate, string reference) => L(SentenceTokens(candidate), SentenceTokens(reference));

    /// <summary>The tokens of each sentence of a text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SentenceTokens(string text) =>
        SentenceSplitter.Split(text).Select(s => Tokens(s.Text)).Where(t => t.Count > 0).ToList();

    public static RougeScore L(IReadOnlyList<IReadOnlyList<string>> candidate, IReadOnlyList<IReadOnlyList<string>> reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var candidateCounts = Counts(candidate);
        var referenceCounts = Counts(reference);
        var hits = 0;
        foreach (var referenceSentence in reference)
        {
            var union = new SortedSet<int>();
            foreach (var candidateSentence in candidate)
            {
                union.UnionWith(CommonSubsequencePositions(referenceSentence, candidateSentence));
            }
            foreach (var position in union)
            {
                var token = referenceSentence[position];
                if (candidateCounts.GetValueOrDefault(token) > 0 && referenceCounts.GetValueOrDefault(token) > 0)
                {
                    hits++;
                    candidateCounts[token]--;
                    referenceCounts[token]--;
                }
            }
        }
        return RougeScore.From(hits, candidate.Sum(s => s.Count), reference.Sum(s => s.Count));
    }

    /// <summary>Positions in <paramref name="a"/> of one longest common subsequence of a and b.</summary>
    public static IReadOnlyList<int> CommonSubsequencePositions(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? table[i - 1, j - 1] + 1
                    : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }
        var positions = new List<int>(table[a.Count, b.Count]);
        for (int i = a.Count, j = b.Count; i > 0 && j > 0;)
        {
            if (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal))
            {
                positions.Add(i - 1);
                i--;
                j--;
            }
            else if (table[i - 1, j] >= table[i, j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }
        positions.Reverse();
        return positions;
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in sentences.SelectMany(s => s))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }
        return counts;
    }

    private string Finish(StringBuilder current)
    {
        var token = current.ToString();
        current.Clear();
        return Stemmed && token.Length > 3 ? PorterStemmer.Stem(token) : token;
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }
        return grams;
    }
}
