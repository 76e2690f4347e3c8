using Bots.QuestionAnswering.Analysis;
using Bots.Text;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>
/// Finds the passages a question needs with as few store searches as possible. Every search scores each passage that
/// holds any of its words, so common words are what make one expensive. Names and years are rare: when the passages
/// holding all of them are fewer than a page, that page has them all and suffices. Otherwise (no names, or names so
/// common that they single out nothing) one query with the names, the event words, a few related forms and a
/// country's capital is ranked by the store too, and the two rankings are merged.
/// </summary>
internal sealed class PassageRetriever(IPassageSearch search)
{
    public const int PassagesPerQuery = 16;
    private const int MaxRelatedWords = 3;

    public async Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(QuestionAnalysis question, CancellationToken cancellationToken)
    {
        IReadOnlyList<RetrievedPassage> focused = [];
        if (FocusQuery(question) is { } focus)
        {
            focused = await search.SearchAsync(focus, PassagesPerQuery, cancellationToken).ConfigureAwait(false);
            // None holding them all may only mean the names are written otherwise ("Shoigu's", "the Novo-Ogaryovo"): search wider.
            // So may a page of them none of which says the event: "the first wireless message in the USA" is sent by
            // "the first American", in a passage the name's own search never finds.
            var years = Years(question).ToList();
            var holding = focused.Where(p => HoldsFocus(question, years, p)).ToList();
            if (holding.Count > 0 && holding.Count < PassagesPerQuery && holding.Any(p => SaysAnEventWord(question, p)))
            {
                return focused;
            }
        }

        var queries = Formulate(question);
        var results = (await Task.WhenAll(queries.Select(q => search.SearchAsync(q, PassagesPerQuery, cancellationToken))).ConfigureAwait(false)).Prepend(focused).ToList();

        // Interleave the rankings so each formulation's best passages come first.
        var merged = new List<RetrievedPassage>();
        var seen = new HashSet<(long, int)>();
        for (var rank = 0; rank < PassagesPerQuery; rank++)
        {
            foreach (var result in results)
            {
                if (rank < result.Count && seen.Add((result[rank].ArticleId, result[rank].PassageIndex)))
                {
                    merged.Add(result[rank]);
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// Adds the passages found by the other forms of the question's names ("BA" for "British Airways") with its event
    /// words to those already retrieved: one more store search, made only when an article defines such a form.
    /// </summary>
    public async Task<IReadOnlyList<RetrievedPassage>> AddAliasPassagesAsync(QuestionAnalysis question, IReadOnlyList<RetrievedPassage> retrieved, CancellationToken cancellationToken)
    {
        var query = Join(question.Names.SelectMany(n => n.Aliases.SelectMany(a => a)).Concat(question.Terms.Select(t => t.Word)));
        if (query.Length == 0)
        {
            return retrieved;
        }

        var found = await search.SearchAsync(query, PassagesPerQuery, cancellationToken).ConfigureAwait(false);
        var seen = retrieved.Select(p => (p.ArticleId, p.PassageIndex)).ToHashSet();
        return [.. retrieved, .. found.Where(p => seen.Add((p.ArticleId, p.PassageIndex)))];
    }

    /// <summary>The question's names (each a quoted phrase) and the years of its date constraints, or null without names (see <see cref="MayOnlyOpenTheQuestion"/>).</summary>
    public static string? FocusQuery(QuestionAnalysis question)
    {
        if (question.Names.All(n => MayOnlyOpenTheQuestion(question, n)))
        {
            return null;
        }

        // A name's other forms ("Russia" for a Moscow that acts, "World War II" for "World War 2") find its passages too.
        // "Work" in "Work on … ended up in …" may be no name at all: it narrows nothing until the articles tell.
        var parts = question.Names
            .Where(n => !MayOnlyOpenTheQuestion(question, n))
            .SelectMany(n => n.Aliases.Select(a => string.Join(' ', a)).Prepend(n.Text))
            .Select(p => string.Join(' ', Tokenizer.Words(p.Replace('-', ' '))))
            .Where(p => p.Length > 0)
            .Select(p => $"\"{p}\"")
            .Concat(Years(question))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>
    /// The years and month names the question's dates spell out ("in 2019", "on March 5, 2019"): evidence for the question
    /// names them too, and they single out few passages. Taken from the text, as a when-question's own date ("when …
    /// in 2019") is no constraint of the answer but still of the evidence.
    /// </summary>
    private static IEnumerable<string> Years(QuestionAnalysis question) =>
        Bots.Text.Dates.DateExtractor.Extract(question.Question)
            .Where(d => d.Year is not null && !d.IsRelative)
            .SelectMany(d => d.Month is { } month && d.Precision <= Bots.Text.Dates.DatePrecision.Month
                ? new[] { d.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month).ToLowerInvariant() }
                : [d.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A lone word of no known kind that opens the question ("Work on … ended up in …", "Outside of …"): capitalised
    /// perhaps only because it comes first, so a name only if the articles write it so.
    /// </summary>
    internal static bool MayOnlyOpenTheQuestion(QuestionAnalysis question, FocusName name) =>
        name.Kind == EntityKind.Other && name.Words.Count == 1
        && question.Question.StartsWith(name.Text, StringComparison.Ordinal) && name.Text.Length == name.Words[0].Length;

    /// <summary>Whether the passage (with its title) mentions every name of the question (but an opening word that may be none) and every year it is constrained to.</summary>
    private static bool HoldsFocus(QuestionAnalysis question, IReadOnlyList<string> years, RetrievedPassage passage)
    {
        var words = EvidenceSentence.Annotate(passage).Words;
        return question.Names.All(n => MayOnlyOpenTheQuestion(question, n) || NameMatcher.Mentions(words, n)) && years.All(words.Contains);
    }

    /// <summary>Whether the passage has any of the question's words other than its names and role words (true when it has none).</summary>
    private static bool SaysAnEventWord(QuestionAnalysis question, RetrievedPassage passage)
    {
        var events = question.Terms.Where(t => !t.IsRoleWord).ToList();
        if (events.Count == 0)
        {
            return true;
        }

        var annotations = EvidenceSentence.Annotate(passage);
        return annotations.Sentences.Any(s => events.Any(t => t.IsSaidIn(s.Stems)));
    }

    /// <summary>
    /// The queries sent to the store for a question. The store ORs a query's words and ranks by bm25, so one query
    /// holding the names, the event words, a few related forms and a country's capital finds what separate
    /// formulations would, at a fraction of the cost: each store search scores every passage matching any word.
    /// </summary>
    public static IReadOnlyList<string> Formulate(QuestionAnalysis question)
    {
        var nameWords = question.Names.SelectMany(n => n.Words.Concat(n.Aliases.SelectMany(a => a))).ToList();
        var termWords = question.Terms.Select(t => t.Word).ToList();
        var contextWords = question.ContextTerms.Select(t => t.Word).ToList();
        // A word outside the hand-listed families lends the query its most common WordNet relative ("liken" → compare);
        // one for the question, as every word the store is asked for costs a scoring of each passage holding it.
        var related = question.Terms.Where(t => !t.IsRoleWord)
            .SelectMany(t => Lexicon.RelatedStems(t.Stem).Take(1))
            .Concat(question.Terms.Where(t => !t.IsRoleWord).SelectMany(t => t.Similar.Words).Take(1))
            .Take(MaxRelatedWords);
        var capitals = question.Names
            .Where(n => n.Kind == EntityKind.Place && Gazetteer.IsCountry(n.Text))
            .Select(n => Gazetteer.FindCountry(n.Text)?.Capital ?? string.Empty);
        var target = question.DescriptionTarget is { } t ? Tokenizer.Words(t) : [];
        var query = Join(nameWords.Concat(termWords).Concat(contextWords).Append(question.TypeNoun ?? string.Empty).Concat(target).Concat(capitals).Concat(related));
        return query.Length > 0 ? [query] : [];
    }

    // Only plain words reach the store: its query syntax gives '-' and quotes a meaning.
    private static string Join(IEnumerable<string> words) =>
        string.Join(' ', words
            .SelectMany(w => Tokenizer.Words(w.Replace('-', ' ')))
            .Where(w => w.Length > 0 && !StopWords.Contains(w))
            .Distinct(StringComparer.Ordinal));
}
