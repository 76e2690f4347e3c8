namespace Bots.Text;

/// <summary>A sparse weighted bag of terms with its Euclidean norm, for cosine similarity.</summary>
public sealed class TermVector
{
    private readonly Dictionary<string, double> weights;

    /// <summary>Wraps term weights (zero and negative weights are dropped).</summary>
    public TermVector(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        this.weights = new Dictionary<string, double>(weights.Count, StringComparer.Ordinal);
        var sum = 0.0;
        foreach (var (term, weight) in weights)
        {
            if (weight > 0)
            {
                this.weights[term] = weight;
                sum += weight * weight;
            }
        }
        Norm = Math.Sqrt(sum);
    }

    /// <summary>The vector of raw term counts.</summary>
    public static TermVector FromCounts(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return new TermVector(counts);
    }

    public double Norm { get; }

    public int Count => weights.Count;

    public IEnumerable<KeyValuePair<string, double>> Weights => weights;

    public double this[string term] => weights.GetValueOrDefault(term);

    /// <summary>Cosine similarity in [0, 1]; 0 when either vector is empty.</summary>
    public double Cosine(TermVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }
        var (small, large) = weights.Count <= other.weights.Count ? (this, other) : (other, this);
        var dot = 0.0;
        foreach (var (term, weight) in small.weights)
        {
            if (large.weights.TryGetValue(term, out var otherWeight))
            {
                dot += weight * otherWeight;
            }
        }
        return Math.Min(1.0, dot / (Norm * other.Norm));
    }
}
