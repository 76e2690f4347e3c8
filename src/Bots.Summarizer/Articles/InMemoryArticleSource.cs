using System.Globalization;
using Bots.Text;

namespace Bots.Summarizer.Articles;

/// <summary>
/// Articles held in memory with BM25 search over their paragraphs: the source for `bots eval` and
/// `bots bench`, which measure the summariser without a store process in between.
/// </summary>
public sealed class InMemoryArticleSource : IArticleSource
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<long, SourceArticle> articles = [];
    private readonly List<(long ArticleId, int Index, string Text, Dictionary<string, int> Counts, int Length)> passages = [];
    private readonly Dictionary<string, int> passageFrequency = new(StringComparer.Ordinal);
    private long nextId = 1;

    public int Count => articles.Count;

    /// <summary>Adds an article and returns its id.</summary>
    public long Add(string title, string body, string source = "", string url = "", string published = "", long duplicateOf = 0)
    {
        var id = nextId++;
        articles[id] = new SourceArticle(id, title, body, source, url, published, duplicateOf);
        var index = 0;
        foreach (var paragraph in TextNormalizer.Normalize(body).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var terms = Terms.Of(paragraph);
            if (terms.Count == 0)
            {
                continue;
            }
            var counts = terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var term in counts.Keys)
            {
                passageFrequency[term] = passageFrequency.GetValueOrDefault(term) + 1;
            }
            passages.Add((id, index++, paragraph, counts, terms.Count));
        }
        return id;
    }

    public Task<SourceArticle?> GetArticleAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(articles.GetValueOrDefault(id));

    public Task<IReadOnlyList<SourcePassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryTerms = Terms.Of(query.Query).Distinct(StringComparer.Ordinal).ToList();
        if (queryTerms.Count == 0 || passages.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SourcePassage>>([]);
        }

        var averageLength = passages.Average(p => p.Length);
        var hits = new List<(double Score, int Passage)>();
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var article = articles[passage.ArticleId];
            if (!Matches(article, query))
            {
                continue;
            }
            var score = 0.0;
            foreach (var term in queryTerms)
            {
                if (!passage.Counts.TryGetValue(term, out var tf))
                {
                    continue;
                }
                var df = passageFrequency[term];
                var idf = Math.Log(1 + (passages.Count - df + 0.5) / (df + 0.5));
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * passage.Length / averageLength));
            }
            if (score > 0)
            {
                hits.Add((score, i));
            }
        }

        IReadOnlyList<SourcePassage> result = hits.OrderByDescending(h => h.Score).Take(Math.Max(1, query.Limit)).Select(h =>
        {
            var passage = passages[h.Passage];
            var article = articles[passage.ArticleId];
            return new SourcePassage(article.Id, passage.Text, h.Score, article.Title, article.Source, article.Url, article.Published, passage.Index, article.DuplicateOf);
        }).ToList();
        return Task.FromResult(result);
    }

    private static bool Matches(SourceArticle article, PassageQuery query)
    {
        if (!string.IsNullOrEmpty(query.Source) && !string.Equals(article.Source, query.Source, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (string.IsNullOrEmpty(query.PublishedAfter) && string.IsNullOrEmpty(query.PublishedBefore))
        {
            return true;
        }
        if (!DateTimeOffset.TryParse(article.Published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published))
        {
            return false;
        }
        var day = DateOnly.FromDateTime(published.UtcDateTime);
        return (string.IsNullOrEmpty(query.PublishedAfter) || day >= DateOnly.Parse(query.PublishedAfter[..10], CultureInfo.InvariantCulture))
            && (string.IsNullOrEmpty(query.PublishedBefore) || day <= DateOnly.Parse(query.PublishedBefore[..10], CultureInfo.InvariantCulture));
    }
}
