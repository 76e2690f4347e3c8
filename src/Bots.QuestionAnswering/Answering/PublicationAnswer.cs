using System.Globalization;
using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;
using Bots.Text.Dates;

namespace Bots.QuestionAnswering.Answering;

/// <summary>
/// "When was the Global Times story on the Abbas-Putin meeting published?" asks about an article, not about an event in
/// it: the answer is the stored publication date of the article the question singles out by its source or its title,
/// which the article's text seldom repeats.
/// </summary>
internal static partial class PublicationAnswer
{
    [GeneratedRegex(@"\b(?:published|posted|came\s+out|run|ran)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedVerb();

    [GeneratedRegex(@"\b(?:story|article|report|piece|op-ed|editorial|feature|interview|analysis|post)\b|['‘“""].{8,}['’”""]", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleNoun();

    [GeneratedRegex(@"^(?:which|what)\s+(?:news\s+)?(?:outlet|publication|newspaper|paper|site|website|agency|news\s+agency|media|source|network|channel|broadcaster)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutletAsked();

    /// <summary>True when the question asks when an article (named by source or title) came out, or which outlet published it.</summary>
    public static bool IsAsked(QuestionAnalysis analysis) =>
        (analysis.Type == AnswerType.Date || OutletAsked().IsMatch(analysis.Question))
        && PublishedVerb().IsMatch(analysis.Question) && ArticleNoun().IsMatch(analysis.Question);

    /// <summary>
    /// The answer from the article whose source the question names, or whose title it mostly repeats, and which
    /// mentions every name the question does (in its text, title or source); null when no article is singled out.
    /// </summary>
    public static Answer? From(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages, IReadOnlyDictionary<long, HashSet<string>> wordsByArticle)
    {
        var asked = Stems(analysis.Question);
        var best = passages
            .GroupBy(p => p.ArticleId)
            .Select(article => article.First())
            .Select(p =>
            {
                var source = Tokenizer.Words(p.Source).Where(w => !StopWords.Contains(w)).Select(Lexicon.StemOf).ToList();
                var sourceNamed = source.Count > 0 && source.All(asked.Contains);
                var title = Stems(p.Title);
                var titleShare = title.Count == 0 ? 0 : title.Count(asked.Contains) / (double)title.Count;
                var described = Tokenizer.Words(p.Title + " " + p.Source).ToHashSet(StringComparer.Ordinal);
                var words = wordsByArticle.TryGetValue(p.ArticleId, out var w) ? w : [];
                var named = analysis.Names.All(n => NameMatcher.Mentions(words, n) || NameMatcher.Mentions(described, n));
                return (Passage: p, Score: (sourceNamed ? 1 : 0) + titleShare, Singled: named && (sourceNamed || titleShare >= 0.6));
            })
            .Where(a => a.Singled)
            .OrderByDescending(a => a.Score)
            .FirstOrDefault();
        if (best.Passage is not { } passage)
        {
            return null;
        }

        var snippet = passage.Text.Length <= 200 ? passage.Text : passage.Text[..200] + "…";
        var citation = new AnswerCitation(passage.ArticleId, passage.Title, passage.Source, passage.Url, passage.Published, snippet);
        if (analysis.Type != AnswerType.Date)
        {
            // "Which outlet published the story on Russia's soft power?": the source of the article the title singles out.
            return string.IsNullOrWhiteSpace(passage.Source)
                ? null
                : new Answer(true, passage.Source, $"\"{passage.Title}\" was published by {passage.Source}.", [citation], 0.8, analysis.Type.ToWireName(), string.Empty, []);
        }

        if (DateExtractor.ParseReference(passage.Published) is not { } day)
        {
            return null;
        }

        var text = day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var evidence = $"\"{passage.Title}\"{(string.IsNullOrWhiteSpace(passage.Source) ? string.Empty : $" ({passage.Source})")} was published on {text}.";
        return new Answer(true, text, evidence, [citation], best.Score >= 1 ? 0.9 : 0.75, AnswerType.Date.ToWireName(), string.Empty, []);
    }

    private static HashSet<string> Stems(string text) =>
        Tokenizer.Words(text).Where(w => !StopWords.Contains(w)).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
}
