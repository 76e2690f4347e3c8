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
        var stems = new TermIds();
        var words = new TermIds();
        var stemCounts = sentences.Select(s => SparseVector.Counts(s.Terms.Select(stems.Of))).ToList();
        var wordCounts = sentences.Select(s => SparseVector.Counts(s.ContentWords.Select(words.Of))).ToList();

        // idf = ln(1 + N / df) over the document's sentences, as Bots.Text.TfIdf computes it.
        var documentFrequency = new int[stems.Count];
        foreach (var counts in stemCounts)
        {
            foreach (var id in counts.Ids)
            {
                documentFrequency[id]++;
            }
        }
        double Idf(int id) => Math.Log(1.0 + (double)Math.Max(n, 1) / Math.Max(documentFrequency[id], 1));
        var vectors = stemCounts.Select(c => c.Scale(Idf)).ToList();

        var similarities = new double[n, n];
        var stemOverlap = new double[n, n];
        var wordOverlap = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                similarities[i, j] = similarities[j, i] = vectors[i].Cosine(vectors[j]);
                stemOverlap[i, j] = stemOverlap[j, i] = OverlapWeight(stemCounts[i].Shared(stemCounts[j]), sentences[i].Terms.Count, sentences[j].Terms.Count);
                wordOverlap[i, j] = wordOverlap[j, i] = OverlapWeight(wordCounts[i].Shared(wordCounts[j]), sentences[i].ContentWords.Count, sentences[j].ContentWords.Count);
            }
        }

        var features = new SentenceFeatures(sentences, similarities);
        if (n == 0)
        {
            return features;
        }
        Array.Copy(SentenceGraph.Rank(similarities, damping), features.LexRank, n);
        Array.Copy(SentenceGraph.Rank(stemOverlap, damping), features.Overlap, n);
        Array.Copy(SentenceGraph.Rank(wordOverlap, damping), features.OverlapWords, n);
        Recurrence(stemCounts, stems.Count, features.Frequency);
        Recurrence(wordCounts, words.Count, features.FrequencyWords);

        var titleIds = new List<int>();
        foreach (var term in Bots.Text.Terms.Of(title ?? ""))
        {
            // A title word no sentence uses changes only the title's norm, the same for every sentence.
            if (stems.TryGet(term, out var id))
            {
                titleIds.Add(id);
            }
        }
        var titleVector = SparseVector.Counts(titleIds).Scale(Idf);
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

    /// <summary>Mihalcea and Tarau's TextRank edge weights: shared words over the sum of log lengths.</summary>
    public static double[,] OverlapGraph(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var ids = new TermIds();
        var counts = sentences.Select(s => SparseVector.Counts(s.Select(ids.Of))).ToList();
        var n = sentences.Count;
        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                weights[i, j] = weights[j, i] = OverlapWeight(counts[i].Shared(counts[j]), sentences[i].Count, sentences[j].Count);
            }
        }
        return weights;
    }

    private static double OverlapWeight(int shared, int lengthA, int lengthB)
    {
        var denominator = Math.Log(lengthA + 1) + Math.Log(lengthB + 1);
        return denominator > 0 ? shared / denominator : 0;
    }

    // For each sentence, how many times its words occur in the other sentences, scaled to the best.
    private static void Recurrence(IReadOnlyList<SparseVector> sentences, int vocabulary, double[] into)
    {
        var totals = new double[vocabulary];
        foreach (var counts in sentences)
        {
            for (var k = 0; k < counts.Ids.Length; k++)
            {
                totals[counts.Ids[k]] += counts.Weights[k];
            }
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            var counts = sentences[i];
            var sum = 0.0;
            for (var k = 0; k < counts.Ids.Length; k++)
            {
                sum += counts.Weights[k] * (totals[counts.Ids[k]] - 1);
            }
            into[i] = sum;
        }
        Normalise(into);
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
