namespace Bots.Summarizer.Summaries;

/// <summary>
/// Picks the sentences an editor would keep from one article: centrality in the sentence graph
/// (LexRank on TF-IDF cosine and TextRank on shared terms), how much of the article's recurring
/// vocabulary a sentence carries, a news position prior, similarity to the title, a length prior and a
/// penalty for openers that need the previous sentence; then greedy selection with a redundancy
/// penalty (MMR). The chosen sentences come back in article order.
/// </summary>
public sealed class SentenceRanker(RankerWeights? weights = null)
{
    private static readonly HashSet<string> DanglingOpeners = new(StringComparer.Ordinal)
    {
        "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their", "him", "them",
        "but", "and", "also", "however", "so", "then", "there", "such", "both", "yet", "meanwhile", "instead",
    };

    // Above this TF-IDF cosine two sentences say the same thing (a repeated caption, a copied paragraph).
    private const double NearCopy = 0.85;

    private readonly RankerWeights weights = weights ?? RankerWeights.Default;

    public RankerWeights Weights => weights;

    /// <summary>The indices of the chosen sentences, in document order.</summary>
    public IReadOnlyList<int> Choose(string title, IReadOnlyList<DocumentSentence> sentences, int count)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (count <= 0 || sentences.Count == 0)
        {
            return [];
        }
        if (sentences.Count <= count)
        {
            return Enumerable.Range(0, sentences.Count).ToList();
        }
        return Choose(SentenceFeatures.Compute(title, sentences, weights.Damping), count);
    }

    /// <summary>The indices of the chosen sentences for precomputed features, in document order.</summary>
    public IReadOnlyList<int> Choose(SentenceFeatures features, int count)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Select(features.Sentences, Score(features), features.Similarities, count);
    }

    /// <summary>The combined score of every sentence before redundancy is considered.</summary>
    public double[] Score(SentenceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var sentences = features.Sentences;
        var scores = new double[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var position = Math.Pow(0.5, sentence.Index / weights.PositionHalfLife);
            var length = Math.Min(1.0, (double)sentence.Words.Count / weights.FullLengthWords);
            scores[i] = weights.LexRank * features.LexRank[i]
                + weights.TextRank * features.Overlap[i]
                + weights.TextRankWords * features.OverlapWords[i]
                + weights.Frequency * features.Frequency[i]
                + weights.FrequencyWords * features.FrequencyWords[i]
                + weights.Position * position
                + weights.Title * features.Title[i]
                + weights.Length * length
                - (IsDangling(sentence) ? weights.DanglingOpener : 0);
        }
        return scores;
    }

    /// <summary>True when the sentence opens with a word that refers back ("He said", "This", "But").</summary>
    public static bool IsDangling(DocumentSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return sentence.Words.Count > 0 && DanglingOpeners.Contains(sentence.Words[0]);
    }

    private List<int> Select(IReadOnlyList<DocumentSentence> sentences, double[] scores, double[,] similarities, int count)
    {
        var chosen = new List<int>(count);
        var taken = new bool[sentences.Count];
        var maxSimilarity = new double[sentences.Count];
        var longLeft = sentences.Count(s => s.Words.Count >= weights.MinWords);
        while (chosen.Count < count)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < sentences.Count; i++)
            {
                if (taken[i] || (sentences[i].Words.Count < weights.MinWords && longLeft > 0))
                {
                    continue;
                }
                // A copy of a chosen sentence only fills a slot that nothing else can.
                var value = scores[i] - weights.Redundancy * maxSimilarity[i] - (maxSimilarity[i] >= NearCopy ? 1000 : 0);
                if (value > bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0)
            {
                break;
            }
            chosen.Add(best);
            taken[best] = true;
            if (sentences[best].Words.Count >= weights.MinWords)
            {
                longLeft--;
            }
            for (var i = 0; i < sentences.Count; i++)
            {
                maxSimilarity[i] = Math.Max(maxSimilarity[i], similarities[best, i]);
            }
        }
        chosen.Sort();
        return chosen;
    }
}
