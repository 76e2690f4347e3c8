using Bots.QuestionAnswering.Analysis;
using Bots.Text;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>
/// Asks the store several formulations of the question (its content words; its names; the names with related
/// forms of the event words; a country's capital) and merges the ranked passages, best rank kept.
/// </summary>
internal sealed class PassageRetriever(IPassageSearch search)
{
    public const int PassagesPerQuery = 12;

    public async Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(QuestionAnalysis question, CancellationToken cancellationToken)
    {
        var queries = Formulate(question);
        var results = await Task.WhenAll(queries.Select(q => search.SearchAsync(q, PassagesPerQuery, cancellationToken))).ConfigureAwait(false);

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

    /// <summary>The distinct queries sent to the store for a question.</summary>
    public static IReadOnlyList<string> Formulate(QuestionAnalysis question)
    {
        var nameWords = question.Names.SelectMany(n => n.Words).ToList();
        var termWords = question.Terms.Select(t => t.Word).ToList();
        var contextWords = question.ContextTerms.Select(t => t.Word).ToList();
        var queries = new List<string>
        {
            Join(nameWords.Concat(termWords).Concat(contextWords).Append(question.TypeNoun ?? string.Empty)),
        };

        if (nameWords.Count > 0)
        {
            queries.Add(Join(nameWords));
            var related = question.Terms.Where(t => !t.IsRoleWord).SelectMany(t => RelatedWords(t.Word)).Take(8);
            queries.Add(Join(nameWords.Concat(related)));
        }

        foreach (var name in question.Names.Where(n => n.Kind == EntityKind.Place))
        {
            if (Gazetteer.IsCountry(name.Text) && Gazetteer.FindCountry(name.Text) is { } country)
            {
                queries.Add(Join(nameWords.Concat(termWords).Append(country.Capital)));
            }
        }

        if (question.DescriptionTarget is { } target)
        {
            queries.Add(Join(Tokenizer.Words(target)));
        }

        return queries.Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> RelatedWords(string word)
    {
        var stem = Lexicon.StemOf(word);
        return Lexicon.RelatedStems(stem).Prepend(word);
    }

    // Only plain words reach the store: its query syntax gives '-' and quotes a meaning.
    private static string Join(IEnumerable<string> words) =>
        string.Join(' ', words
            .SelectMany(w => Tokenizer.Words(w.Replace('-', ' ')))
            .Where(w => w.Length > 0 && !StopWords.Contains(w))
            .Distinct(StringComparer.Ordinal));
}
