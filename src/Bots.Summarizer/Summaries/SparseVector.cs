namespace Bots.Summarizer.Summaries;

/// <summary>
/// A term vector over interned term ids, sorted, so that cosine and overlap are merges of two arrays:
/// ranking compares every pair of sentences and dictionary look-ups dominated the time.
/// </summary>
internal sealed class SparseVector
{
    private SparseVector(int[] ids, double[] weights)
    {
        Ids = ids;
        Weights = weights;
        var sum = 0.0;
        foreach (var weight in weights)
        {
            sum += weight * weight;
        }
        Norm = Math.Sqrt(sum);
    }

    public int[] Ids { get; }

    public double[] Weights { get; }

    public double Norm { get; }

    /// <summary>Distinct ids with their counts, from a list of ids with repeats.</summary>
    public static SparseVector Counts(IEnumerable<int> ids)
    {
        var counts = new SortedDictionary<int, double>();
        foreach (var id in ids)
        {
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return new SparseVector([.. counts.Keys], [.. counts.Values]);
    }

    /// <summary>The same ids with each weight multiplied by <paramref name="factor"/>(id).</summary>
    public SparseVector Scale(Func<int, double> factor)
    {
        var weights = new double[Ids.Length];
        for (var i = 0; i < Ids.Length; i++)
        {
            weights[i] = Weights[i] * factor(Ids[i]);
        }
        return new SparseVector(Ids, weights);
    }

    public double Cosine(SparseVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }
        var dot = 0.0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            if (Ids[i] == other.Ids[j])
            {
                dot += Weights[i++] * other.Weights[j++];
            }
            else if (Ids[i] < other.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return Math.Min(1.0, dot / (Norm * other.Norm));
    }

    /// <summary>How many distinct ids the two vectors share.</summary>
    public int Shared(SparseVector other)
    {
        var shared = 0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            if (Ids[i] == other.Ids[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (Ids[i] < other.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }
}

/// <summary>Gives each distinct term of a document a small integer id.</summary>
internal sealed class TermIds
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    public int Count => ids.Count;

    public int Of(string term)
    {
        if (!ids.TryGetValue(term, out var id))
        {
            id = ids.Count;
            ids[term] = id;
        }
        return id;
    }

    public bool TryGet(string term, out int id) => ids.TryGetValue(term, out id);
}
