using System.Globalization;
using System.Text.RegularExpressions;
using Bots.Summarizer.Summaries;
using Bots.Summarizer.Topics;
using Bots.Text;
using Bots.Text.Dates;

namespace Bots.Summarizer.Timelines;

/// <summary>
/// The dated events about a topic across articles, in date order. Dates are read with the shared date
/// grammar (Bots.Text.Dates) against each article's publication date, so "on Tuesday" in a story
/// published on 14 August 2024 becomes 2024-08-13. One event per sentence; the same event told by
/// several articles appears once.
/// </summary>
public sealed partial class TimelineBuilder(TopicRetrieval retrieval, TopicOptions? options = null)
{
    private const int MaxDescriptionLength = 220;
    private const double SameEventJaccard = 0.35;

    private readonly TopicOptions options = options ?? new TopicOptions();

    public async Task<IReadOnlyList<TimelineEvent>> BuildAsync(string query, int maxEvents, CancellationToken cancellationToken)
    {
        var trimmed = SummaryLimits.Query(query);
        var limit = SummaryLimits.Events(maxEvents);
        var articles = await retrieval.FindAsync(trimmed, TopicFilter.None, options.MaxArticles, cancellationToken);
        return Build(trimmed, articles, limit);
    }

    /// <summary>The timeline of articles already found for the query.</summary>
    public static IReadOnlyList<TimelineEvent> Build(string query, IReadOnlyList<TopicArticle> articles, int maxEvents)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var candidates = new List<Candidate>();
        foreach (var article in articles)
        {
            candidates.AddRange(CandidatesOf(article));
        }
        if (candidates.Count == 0)
        {
            return [];
        }

        var tfidf = new TfIdf(candidates.Select(c => c.Terms));
        var queryVector = tfidf.Vector(Terms.OfWords(TopicRetrieval.ContentWords(query).Select(w => w.ToLowerInvariant())));
        var centroid = new TermVector(candidates.SelectMany(c => c.Terms).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() * tfidf.Idf(g.Key), StringComparer.Ordinal));
        var maxArticleScore = articles.Max(a => a.Score);
        foreach (var candidate in candidates)
        {
            var vector = tfidf.Vector(candidate.Terms);
            candidate.Score = vector.Cosine(queryVector)
                + 0.7 * vector.Cosine(centroid)
                + 0.3 * (maxArticleScore > 0 ? candidate.Article.Score / maxArticleScore : 0)
                + 0.05 * (5 - (int)candidate.Mention.Precision);
        }

        // Greedy, spreading the events over articles and years so that one long chronology cannot crowd out
        // the rest of the story; the same event told twice (overlapping dates, similar words) is kept once.
        var kept = new List<Candidate>();
        var remaining = candidates.OrderByDescending(c => c.Score).ToList();
        while (kept.Count < maxEvents && remaining.Count > 0)
        {
            Candidate? best = null;
            var bestValue = double.NegativeInfinity;
            foreach (var candidate in remaining)
            {
                var sameArticle = kept.Count(k => k.Article.Article.Id == candidate.Article.Article.Id);
                var sameYear = kept.Count(k => k.Mention.From!.Value.Year == candidate.Mention.From!.Value.Year);
                var value = candidate.Score - 0.04 * sameArticle - 0.15 * sameYear;
                if (value > bestValue)
                {
                    bestValue = value;
                    best = candidate;
                }
            }
            remaining.Remove(best!);
            var sameEvent = kept.Any(k => string.Equals(k.Sentence, best!.Sentence, StringComparison.Ordinal)
                || (k.Article.Article.Id == best.Article.Article.Id && k.Mention.From == best.Mention.From && k.Mention.To == best.Mention.To)
                || (k.Mention.Overlaps(best.Mention) && Similarity.Jaccard(k.TermSet, best.TermSet) >= SameEventJaccard));
            if (!sameEvent)
            {
                kept.Add(best!);
            }
        }

        return kept
            .OrderBy(c => c.Mention.From)
            .ThenBy(c => c.Mention.To)
            .ThenByDescending(c => c.Score)
            .Select(ToEvent)
            .ToList();
    }

    private static IEnumerable<Candidate> CandidatesOf(TopicArticle topicArticle)
    {
        var article = topicArticle.Article;
        var body = TextNormalizer.Normalize(article.Body);
        var reference = DateExtractor.ParseReference(article.Published);
        var mentions = DateExtractor.Extract(body, reference);
        var sentences = SentenceSplitter.Split(body);
        var next = 0;
        foreach (var sentence in sentences)
        {
            var end = sentence.Start + sentence.Length;
            DateMention? best = null;
            for (; next < mentions.Count && mentions[next].Start < end; next++)
            {
                var mention = mentions[next];
                if (mention.Start >= sentence.Start && IsTrustworthy(mention, reference) && !IsBoundOnly(body, mention)
                    && (best is null || mention.Precision < best.Precision))
                {
                    best = mention;
                }
            }
            var words = Tokenizer.Words(sentence.Text);
            if (best is null || words.Count < 5 || string.Equals(sentence.Text, article.Title, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var terms = Terms.OfWords(words);
            yield return new Candidate(topicArticle, sentence.Text, best, terms, new HashSet<string>(terms, StringComparer.Ordinal));
        }
    }

    // A year the text leaves out is trusted when it comes from the publication date and lands in the year
    // before it ("on Tuesday", "on August 5"); taken from an earlier date in a long chronology it is a guess.
    private static bool IsTrustworthy(DateMention mention, DateOnly? published)
    {
        if (mention.From is not { } from || mention.To is null)
        {
            return false;
        }
        if (!mention.YearInferred && !mention.IsRelative)
        {
            return true;
        }
        return published is { } day && from <= day.AddDays(7) && from >= day.AddDays(-366);
    }

    // "for the first time since 2021", "before 1991": the date bounds something else; it is not when the event happened.
    private static bool IsBoundOnly(string body, DateMention mention)
    {
        var before = body[Math.Max(0, mention.Start - 12)..mention.Start].TrimEnd().ToLowerInvariant();
        return BoundingWords().IsMatch(before);
    }

    [GeneratedRegex(@"(?:^|\W)(?:since|before|until|till|prior to|by|up to)$")]
    private static partial Regex BoundingWords();

    private static TimelineEvent ToEvent(Candidate candidate)
    {
        var article = candidate.Article.Article;
        var description = Describe(candidate.Sentence);
        var citation = new SummaryCitation(article.Id, article.Title, article.Source, article.Url, article.Published, candidate.Sentence);
        var mention = candidate.Mention;
        return new TimelineEvent(IsoDate(mention), mention.Text, description, citation, mention.From!.Value, mention.To!.Value);
    }

    /// <summary>yyyy-MM-dd, yyyy-MM or yyyy as the mention's precision allows; a range gives its start.</summary>
    public static string IsoDate(DateMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var from = mention.From ?? throw new ArgumentException("the mention has no resolved date", nameof(mention));
        return mention.Precision switch
        {
            DatePrecision.Day => from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision.Month => from.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => from.ToString("yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The sentence as one line: citation marks removed, cut at a word boundary when long.</summary>
    public static string Describe(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var clean = Whitespace().Replace(CitationMark().Replace(sentence, ""), " ").Trim();
        if (clean.Length <= MaxDescriptionLength)
        {
            return clean;
        }
        var cut = clean.LastIndexOf(' ', MaxDescriptionLength - 1);
        return clean[..(cut > MaxDescriptionLength / 2 ? cut : MaxDescriptionLength - 1)].TrimEnd(',', ';', ':', ' ') + "\u2026";
    }

    [GeneratedRegex(@"\[(?:\d{1,3}|[a-z]|citation needed)\]", RegexOptions.IgnoreCase)]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class Candidate(TopicArticle article, string sentence, DateMention mention, IReadOnlyList<string> terms, IReadOnlySet<string> termSet)
    {
        public TopicArticle Article { get; } = article;

        public string Sentence { get; } = sentence;

        public DateMention Mention { get; } = mention;

        public IReadOnlyList<string> Terms { get; } = terms;

        public IReadOnlySet<string> TermSet { get; } = termSet;

        public double Score { get; set; }
    }
}
