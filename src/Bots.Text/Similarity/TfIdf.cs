namespace Bots.Text;

/// <summary>
/// Inverse document frequencies over a collection of term lists (documents or sentences), and TF-IDF
/// vectors weighted by them. idf = ln(1 + N / df), so terms seen everywhere still count a little and
/// unseen terms count as if seen once.
/// </summary>
public sealed class TfIdf
{
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);

    public TfIdf(IEnumerable<IEnumerable<string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            DocumentCount++;
            foreach (var term in document.Distinct(StringComparer.Ordinal))
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }
    }

    public int DocumentCount { get; }

    public double Idf(string term) =>
        Math.Log(1.0 + (double)Math.Max(DocumentCount, 1) / Math.Max(documentFrequency.GetValueOrDefault(term), 1));

    /// <summary>The TF-IDF vector of a term list (raw term frequency times idf).</summary>
    public TermVector Vector(IEnumerable<string> terms)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            weights[term] = weights.GetValueOrDefault(term) + 1;
        }
        foreach (var term in weights.Keys.ToList())
        {
            weights[term] *= Idf(term);
        }
        return new TermVector(weights);
    }
}
