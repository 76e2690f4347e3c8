using System.Globalization;
using Bots.Summarizer.Articles;
using Bots.Text;

namespace Bots.Summarizer.Topics;

/// <summary>
/// Finds the articles about a topic: searches the store with several formulations of the query
/// (as typed, its content words, its names), fuses the rankings (reciprocal rank fusion), counts each
/// story once (the store's duplicate_of, and shingle overlap for copies it did not link), and loads the
/// best articles in full.
/// </summary>
public sealed class TopicRetrieval(IArticleSource source, TopicOptions? options = null)
{
    // Words that ask for a summary rather than name its subject.
    private static readonly HashSet<string> RequestWords = new(StringComparer.Ordinal)
    {
        "happen", "happened", "happening", "tell", "say", "news", "latest", "summary", "summarise", "summarize",
        "story", "stories", "update", "updates", "know", "explain", "give", "show", "timeline", "events", "please",
    };

    private const int FusionConstant = 60;

    private readonly TopicOptions options = options ?? new TopicOptions();

    /// <summary>The articles about <paramref name="query"/>, best first, one per story.</summary>
    public async Task<IReadOnlyList<TopicArticle>> FindAsync(string query, TopicFilter filter, int maxArticles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var formulations = Formulations(query);
        var searches = formulations.Select(f => source.SearchAsync(
            new PassageQuery(f, options.PassagesPerSearch, filter.Source, filter.PublishedAfter, filter.PublishedBefore), cancellationToken));
        var results = await Task.WhenAll(searches);

        var scores = new Dictionary<long, double>();
        var best = new Dictionary<long, (SourcePassage Passage, double Score)>();
        foreach (var passages in results)
        {
            var seen = new HashSet<long>();
            var rank = 0;
            foreach (var passage in passages)
            {
                rank++;
                var contribution = 1.0 / (FusionConstant + rank);
                // An article's best passage in a search counts fully, further passages a little (how much of it is on topic).
                var weight = seen.Add(passage.ArticleId) ? 1.0 : 0.2;
                scores[passage.ArticleId] = scores.GetValueOrDefault(passage.ArticleId) + weight * contribution;
                if (!best.TryGetValue(passage.ArticleId, out var current) || current.Score < contribution)
                {
                    best[passage.ArticleId] = (passage, contribution);
                }
            }
        }

        var stories = new HashSet<long>();
        var candidates = new List<(long Id, double Score, SourcePassage Passage)>();
        foreach (var (id, score) in scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
        {
            var passage = best[id].Passage;
            var story = passage.DuplicateOf != 0 ? passage.DuplicateOf : id;
            if (stories.Add(story))
            {
                candidates.Add((id, score, passage));
            }
        }

        var loads = candidates.Take(maxArticles + options.ExtraArticlesForDuplicates)
            .Select(async c => (c.Score, c.Passage, Article: await source.GetArticleAsync(c.Id, cancellationToken)));
        var loaded = await Task.WhenAll(loads);

        var found = new List<TopicArticle>();
        var shingles = new List<IReadOnlySet<string>>();
        foreach (var (score, passage, article) in loaded)
        {
            if (article is null || string.IsNullOrWhiteSpace(article.Body) || found.Count >= maxArticles)
            {
                continue;
            }
            var articleShingles = Shingles.Of(Tokenizer.Words(article.Body), 3);
            if (shingles.Any(s => Similarity.Containment(s, articleShingles) >= options.CopyContainment))
            {
                continue;
            }
            shingles.Add(articleShingles);
            found.Add(new TopicArticle(article, score, found.Count, passage.Text));
        }
        return found;
    }

    /// <summary>The words of a query that name its subject: no stop words, no "what happened", "tell me", "summary".</summary>
    public static IReadOnlyList<string> ContentWords(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Tokenizer.Tokenize(query)
            .Where(t => t.Kind is TokenKind.Word or TokenKind.Number)
            .Select(t => t.Text)
            .Where(w => !StopWords.Contains(w.ToLowerInvariant()) && !RequestWords.Contains(w.ToLowerInvariant()))
            .ToList();
    }

    /// <summary>The searches run for a query: as typed, its content words, and its names one by one.</summary>
    public static IReadOnlyList<string> Formulations(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var formulations = new List<string> { query.Trim() };
        var content = ContentWords(query);
        if (content.Count > 0)
        {
            formulations.Add(string.Join(' ', content));
        }
        var names = content.Where(w => char.IsUpper(w[0])).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        if (names.Count > 1)
        {
            formulations.AddRange(names);
        }
        return formulations.Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Validated filters: ISO dates (yyyy-MM-dd or a full date-time), after not later than before.</summary>
    public static TopicFilter Filter(string? sourceName, string? publishedAfter, string? publishedBefore)
    {
        var after = ParseDate(publishedAfter, "published_after");
        var before = ParseDate(publishedBefore, "published_before");
        if (after is not null && before is not null && after > before)
        {
            throw new SummaryRequestException(SummaryFailure.InvalidArgument, $"published_after ({publishedAfter}) is later than published_before ({publishedBefore})");
        }
        return new TopicFilter(
            string.IsNullOrWhiteSpace(sourceName) ? null : sourceName.Trim(),
            string.IsNullOrWhiteSpace(publishedAfter) ? null : publishedAfter.Trim(),
            string.IsNullOrWhiteSpace(publishedBefore) ? null : publishedBefore.Trim());
    }

    private static DateTimeOffset? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateTimeOffset.TryParseExact(value.Trim(), ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        throw new SummaryRequestException(SummaryFailure.InvalidArgument, $"{field} must be an ISO 8601 date such as 2024-08-13; got '{value}'");
    }
}

/// <summary>Optional search filters, already validated.</summary>
public sealed record TopicFilter(string? Source, string? PublishedAfter, string? PublishedBefore)
{
    public static TopicFilter None { get; } = new(null, null, null);
}
