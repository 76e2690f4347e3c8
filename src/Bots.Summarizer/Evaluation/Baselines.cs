using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Evaluation;

/// <summary>The reference points every news summariser is measured against.</summary>
public static class Baselines
{
    /// <summary>Lead-k: the first k sentences.</summary>
    public static IReadOnlyList<int> Lead(IReadOnlyList<DocumentSentence> sentences, int count) =>
        Enumerable.Range(0, Math.Min(Math.Max(count, 0), sentences.Count)).ToList();

    /// <summary>
    /// Plain TextRank (Mihalcea and Tarau, 2004): PageRank over sentence similarity
    /// |shared content words| / (log |S1| + log |S2|), top k in document order; no position prior, no redundancy removal.
    /// </summary>
    public static IReadOnlyList<int> TextRank(IReadOnlyList<DocumentSentence> sentences, int count)
    {
        var scores = SentenceGraph.Rank(SentenceFeatures.OverlapGraph(sentences.Select(s => s.Terms).ToList()));
        return Enumerable.Range(0, sentences.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count).Order().ToList();
    }
}
