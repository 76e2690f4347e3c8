using Bots.Text;

namespace Bots.Summarizer.Summaries;

/// <summary>
/// The per-sentence signals a ranker combines, each scaled to [0, 1] within the document, and the
/// pairwise TF-IDF cosine similarities used for redundancy.
/// </summary>
public sealed class SentenceFeatures
{
    private SentenceFeatures(IReadOnlyList<DocumentSentence> sentences, double[,] similarities)
    {
        Sentences = sentences;
        Similarities = similarities;
        var n = sentences.Count;
        LexRank = new double[n];
        Overlap = new double[n];
        OverlapWords = new double[n];
        Frequency = new double[n];
        FrequencyWords = new double[n];
        Title = new double[n];
    }

    public IReadOnlyList<DocumentSentence> Sentences { get; }

    public double[,] Similarities { get; }

    /// <summary>LexRank: PageRank on TF-IDF cosine.</summary>
    public double[] LexRank { get; }

    /// <summary>TextRank: PageRank on shared content terms over log lengths.</summary>
    public double[] Overlap { get; }

    /// <summary>TextRank on the surface content words (unstemmed): stems merge words an author kept apart.</summary>
    public double[] OverlapWords { get; }

    /// <summary>How often the sentence's content terms recur elsewhere in the document (SumBasic-like).</summary>
    public double[] Frequency { get; }

    /// <summary>The same recurrence counted on surface content words.</summary>
    public double[] FrequencyWords { get; }

    /// <summary>TF-IDF cosine with the title.</summary>
    public double[] Title { get; }

    public static SentenceFeatures Compute(string title, IReadOnlyList<DocumentSentence> sentences, double damping)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var n = sentences.Count;
        var tfidf = new TfIdf(sentences.Select(s => s.Terms));
        var vectors = sentences.Select(s => tfidf.Vector(s.Terms)).ToList();
        var features = new SentenceFeatures(sentences, SentenceGraph.Similarities(vectors));
        if (n == 0)
        {
            return features;
        }

        Array.Copy(SentenceGraph.Rank(features.Similarities, damping), features.LexRank, n);
        Array.Copy(SentenceGraph.Rank(OverlapGraph(sentences.Select(s => s.Terms).ToList()), damping), features.Overlap, n);
        Array.Copy(SentenceGraph.Rank(OverlapGraph(sentences.Select(s => s.ContentWords).ToList()), damping), features.OverlapWords, n);
        Recurrence(sentences.Select(s => s.Terms).ToList(), features.Frequency);
        Recurrence(sentences.Select(s => s.ContentWords).ToList(), features.FrequencyWords);

        var titleVector = tfidf.Vector(Bots.Text.Terms.Of(title ?? ""));
        for (var i = 0; i < n; i++)
        {
            features.Title[i] = vectors[i].Cosine(titleVector);
        }

        Normalise(features.LexRank);
        Normalise(features.Overlap);
        Normalise(features.OverlapWords);
        Normalise(features.Title);
        return features;
    }

    // For each sentence, how many times its words occur in the other sentences, scaled to the best.
    private static void Recurrence(IReadOnlyList<IReadOnlyList<string>> sentences, double[] into)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in sentences)
        {
            foreach (var word in words)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            into[i] = sentences[i].Sum(w => counts[w] - 1);
        }
        Normalise(into);
    }

    /// <summary>Mihalcea and Tarau's TextRank edge weights: shared words over the sum of log lengths.</summary>
    public static double[,] OverlapGraph(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var n = sentences.Count;
        var sets = sentences.Select(s => new HashSet<string>(s, StringComparer.Ordinal)).ToList();
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var denominator = Math.Log(sentences[i].Count + 1) + Math.Log(sentences[j].Count + 1);
                var weight = denominator > 0 ? sets[i].Count(sets[j].Contains) / denominator : 0;
                weights[i, j] = weight;
                weights[j, i] = weight;
            }
        }
        return weights;
    }

    private static void Normalise(double[] values)
    {
        var max = values.Length == 0 ? 0 : values.Max();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = max > 0 ? values[i] / max : 0;
        }
    }
}
