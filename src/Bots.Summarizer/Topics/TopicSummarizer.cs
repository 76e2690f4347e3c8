using Bots.Summarizer.Summaries;
using Bots.Text;

namespace Bots.Summarizer.Topics;

/// <summary>
/// Summaries across articles: the sentences most relevant to the query and most central to what the
/// sources say (TF-IDF centroid and LexRank), early in their article, from well-ranked stories; then a
/// greedy pick that skips sentences sharing most of their words with one already chosen and spreads
/// the summary over the sources that report the story. Each sentence cites its article.
/// </summary>
public sealed class TopicSummarizer(TopicRetrieval retrieval, TopicOptions? options = null)
{
    private const int MinWords = 6;
    private const int MaxWords = 80;
    private const int GraphCandidates = 120;
    private const double NearDuplicateJaccard = 0.5;
    private const double NearDuplicateContainment = 0.7;

    private readonly TopicOptions options = options ?? new TopicOptions();

    public async Task<SummaryResult> SummarizeAsync(TopicRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = SummaryLimits.Query(request.Query);
        var count = SummaryLimits.Sentences(request.MaxSentences, SummaryLimits.DefaultTopicSentences);
        var filter = TopicRetrieval.Filter(request.Source, request.PublishedAfter, request.PublishedBefore);
        var articles = await retrieval.FindAsync(query, filter, options.MaxArticles, cancellationToken);
        return Summarize(query, articles, count);
    }

    /// <summary>Summarises articles already found for the query.</summary>
    public static SummaryResult Summarize(string query, IReadOnlyList<TopicArticle> articles, int count)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var candidates = Candidates(articles);
        if (candidates.Count == 0 || count <= 0)
        {
            return SummaryResult.Empty;
        }

        var tfidf = new TfIdf(candidates.Select(c => c.Sentence.Terms));
        var vectors = candidates.Select(c => tfidf.Vector(c.Sentence.Terms)).ToList();
        var queryTerms = Terms.OfWords(TopicRetrieval.ContentWords(query).Select(w => w.ToLowerInvariant())).Distinct(StringComparer.Ordinal).ToList();
        var queryVector = tfidf.Vector(queryTerms);
        var centroid = Centroid(vectors);
        var maxArticleScore = articles.Max(a => a.Score);

        var scores = new double[candidates.Count];
        var relevance = new double[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var (article, sentence, _) = candidates[i];
            relevance[i] = vectors[i].Cosine(queryVector);
            var coverage = queryTerms.Count == 0 ? 0 : (double)queryTerms.Count(candidates[i].Words.Contains) / queryTerms.Count;
            scores[i] = 1.5 * relevance[i]
                + 0.5 * coverage
                + 0.5 * vectors[i].Cosine(centroid)
                + 0.5 * Math.Pow(0.5, sentence.Index / 4.0)
                + 0.3 * (maxArticleScore > 0 ? article.Score / maxArticleScore : 0)
                + 0.1 * Math.Min(1.0, sentence.Words.Count / 20.0)
                - (SentenceRanker.IsDangling(sentence) ? 0.35 : 0);
        }

        // LexRank over the strongest candidates only: the graph is quadratic and the tail never wins.
        var shortlist = Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).Take(GraphCandidates).ToList();
        var similarities = SentenceGraph.Similarities(shortlist.Select(i => vectors[i]).ToList());
        var centrality = SentenceGraph.Rank(similarities);
        var maxCentrality = centrality.Length == 0 ? 0 : centrality.Max();
        for (var k = 0; k < shortlist.Count; k++)
        {
            scores[shortlist[k]] += maxCentrality > 0 ? 0.5 * centrality[k] / maxCentrality : 0;
        }

        var chosen = Select(candidates, vectors, scores, relevance, shortlist, count);
        return Cite(candidates, chosen);
    }

    private static List<(TopicArticle Article, DocumentSentence Sentence, IReadOnlySet<string> Words)> Candidates(IReadOnlyList<TopicArticle> articles)
    {
        var candidates = new List<(TopicArticle, DocumentSentence, IReadOnlySet<string>)>();
        foreach (var article in articles)
        {
            foreach (var sentence in DocumentSentence.Split(article.Article.Body, article.Article.Title))
            {
                if (sentence.Words.Count is >= MinWords and <= MaxWords && sentence.Terms.Count > 0)
                {
                    candidates.Add((article, sentence, new HashSet<string>(sentence.Terms, StringComparer.Ordinal)));
                }
            }
        }
        return candidates;
    }

    private static TermVector Centroid(IReadOnlyList<TermVector> vectors)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var vector in vectors)
        {
            if (vector.Norm == 0)
            {
                continue;
            }
            foreach (var (term, weight) in vector.Weights)
            {
                sum[term] = sum.GetValueOrDefault(term) + weight / vector.Norm;
            }
        }
        return new TermVector(sum);
    }

    private static List<int> Select(
        IReadOnlyList<(TopicArticle Article, DocumentSentence Sentence, IReadOnlySet<string> Words)> candidates,
        IReadOnlyList<TermVector> vectors,
        double[] scores,
        double[] relevance,
        IReadOnlyList<int> shortlist,
        int count)
    {
        var chosen = new List<int>();
        var sourceUses = new Dictionary<string, int>(StringComparer.Ordinal);
        var relevantSources = shortlist.Where(i => relevance[i] > 0).Select(i => candidates[i].Article.SourceKey).Distinct().Count();
        while (chosen.Count < count)
        {
            // Several sources must be heard when several report the story: the last pick goes to a new source if one is left.
            var needNewSource = chosen.Count == count - 1 && count > 1 && sourceUses.Count == 1 && relevantSources > 1;
            var best = -1;
            var bestValue = double.NegativeInfinity;
            foreach (var i in shortlist)
            {
                var (article, _, words) = candidates[i];
                if (chosen.Contains(i) || (needNewSource && (sourceUses.ContainsKey(article.SourceKey) || relevance[i] == 0)))
                {
                    continue;
                }
                var redundancy = 0.0;
                var nearDuplicate = false;
                foreach (var j in chosen)
                {
                    redundancy = Math.Max(redundancy, vectors[i].Cosine(vectors[j]));
                    nearDuplicate |= Similarity.Jaccard(words, candidates[j].Words) >= NearDuplicateJaccard
                        || Similarity.Containment(words, candidates[j].Words) >= NearDuplicateContainment;
                }
                if (nearDuplicate)
                {
                    continue;
                }
                var value = scores[i] - 0.6 * redundancy - 0.25 * sourceUses.GetValueOrDefault(article.SourceKey);
                if (value > bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0)
            {
                if (needNewSource)
                {
                    relevantSources = 1;
                    continue;
                }
                break;
            }
            chosen.Add(best);
            var key = candidates[best].Article.SourceKey;
            sourceUses[key] = sourceUses.GetValueOrDefault(key) + 1;
        }
        return chosen;
    }

    private static SummaryResult Cite(IReadOnlyList<(TopicArticle Article, DocumentSentence Sentence, IReadOnlySet<string> Words)> candidates, List<int> chosen)
    {
        var ordered = chosen.OrderBy(i => candidates[i].Article.Rank).ThenBy(i => candidates[i].Sentence.Index).ToList();
        var citations = new List<SummaryCitation>();
        var citationOf = new Dictionary<long, int>();
        var sentences = new List<SummarySentence>(ordered.Count);
        foreach (var i in ordered)
        {
            var (article, sentence, _) = candidates[i];
            var source = article.Article;
            if (!citationOf.TryGetValue(source.Id, out var index))
            {
                index = citations.Count;
                citationOf[source.Id] = index;
                citations.Add(new SummaryCitation(source.Id, source.Title, source.Source, source.Url, source.Published, sentence.Text));
            }
            sentences.Add(new SummarySentence(sentence.Text, index));
        }
        return new SummaryResult(sentences, citations);
    }
}
