using Bots.Summarizer.Summaries;
using Bots.Text;

namespace Bots.Summarizer.Evaluation;

/// <summary>Mean ROUGE F of one summariser over a set of articles.</summary>
public sealed record RougeTotals(string System, int Articles, double Rouge1, double Rouge2, double RougeL);

/// <summary>
/// Summarises each reference article with as many sentences as its reference has and scores the result
/// against it, for the system and the Lead-k and TextRank baselines on the same sentences.
/// </summary>
public sealed class SummaryEvaluation(Rouge rouge, SentenceRanker ranker)
{
    public delegate IReadOnlyList<int> Extractor(string title, IReadOnlyList<DocumentSentence> sentences, int count);

    public IReadOnlyList<(string Name, Extractor Extract)> Systems() =>
    [
        ("system", (title, sentences, count) => ranker.Choose(title, sentences, count)),
        ("lead-k", (_, sentences, count) => Baselines.Lead(sentences, count)),
        ("textrank", (_, sentences, count) => Baselines.TextRank(sentences, count)),
    ];

    /// <summary>Mean scores per system; <paramref name="sentencesOf"/> supplies each article's sentences (e.g. as stored).</summary>
    public IReadOnlyList<RougeTotals> Run(IReadOnlyList<ReferenceArticle> articles, Func<ReferenceArticle, IReadOnlyList<DocumentSentence>>? sentencesOf = null)
    {
        sentencesOf ??= article => DocumentSentence.Split(article.Body);
        var prepared = articles.Select(a => (Article: a, Sentences: sentencesOf(a), Count: ReferenceLength(a.Reference), Reference: rouge.SentenceTokens(a.Reference))).ToList();
        var totals = new List<RougeTotals>();
        foreach (var (name, extract) in Systems())
        {
            double r1 = 0, r2 = 0, rl = 0;
            foreach (var (article, sentences, count, reference) in prepared)
            {
                var candidate = extract(article.Title, sentences, count).Select(i => rouge.Tokens(sentences[i].Text)).ToList();
                var candidateTokens = candidate.SelectMany(t => t).ToList();
                var referenceTokens = reference.SelectMany(t => t).ToList();
                r1 += Rouge.N(candidateTokens, referenceTokens, 1).F;
                r2 += Rouge.N(candidateTokens, referenceTokens, 2).F;
                rl += Rouge.L(candidate, reference).F;
            }
            var n = Math.Max(prepared.Count, 1);
            totals.Add(new RougeTotals(name, prepared.Count, r1 / n, r2 / n, rl / n));
        }
        return totals;
    }

    /// <summary>How many sentences a reference summary has.</summary>
    public static int ReferenceLength(string reference) => Math.Max(1, SentenceSplitter.Split(reference).Count);
}
