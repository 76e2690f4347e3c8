namespace Bots.Text;

/// <summary>Set and vector similarities shared by near-duplicate detection, summarisation and answering.</summary>
public static class Similarity
{
    /// <summary>|A ∩ B| / |A ∪ B| in [0, 1]; 0 when both are empty (nothing to call alike).</summary>
    public static double Jaccard<T>(IReadOnlySet<T> a, IReadOnlySet<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>|A ∩ B| / min(|A|, |B|): how much of the smaller set the larger one contains; 0 when either is empty.</summary>
    public static double Containment<T>(IReadOnlySet<T> a, IReadOnlySet<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return (double)small.Count(large.Contains) / small.Count;
    }

    /// <summary>Cosine of two term vectors in [0, 1].</summary>
    public static double Cosine(TermVector a, TermVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Cosine(b);
    }

    /// <summary>Jaccard similarity of the n-word shingles of two texts (words as from <see cref="Tokenizer.Words"/>).</summary>
    public static double ShingleJaccard(string a, string b, int n = 3) =>
        Jaccard(Shingles.Of(Tokenizer.Words(a), n), Shingles.Of(Tokenizer.Words(b), n));
}
