using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;

namespace Bots.QuestionAnswering.Tests.Support;

/// <summary>
/// A small BM25 passage index with the store's query semantics (any word matches, stems compared), for unit tests of
/// the pipeline that should not depend on a running store.
/// </summary>
public sealed class InMemoryPassageSearch : IPassageSearch
{
    private readonly List<(RetrievedPassage Passage, IReadOnlyList<string> Terms)> passages = [];
    private readonly Dictionary<long, string> bodies = [];

    public int ArticleCount => bodies.Count;

    /// <summary>A question answerer over these articles (source "Test Wire"), with default options.</summary>
    public static QuestionAnswerer AnswererOver(IEnumerable<(string Title, string Body, string Published)> articles)
    {
        var search = new InMemoryPassageSearch();
        foreach (var (title, body, published) in articles)
        {
            search.Add(title, body, "Test Wire", published);
        }

        return new QuestionAnswerer(search, new QuestionAnsweringOptions());
    }

    public long Add(string title, string body, string source = "", string published = "", string url = "", long duplicateOf = 0)
    {
        var id = bodies.Count + 1;
        bodies[id] = body;
        var index = 0;
        foreach (var text in Chunk(body))
        {
            passages.Add((new RetrievedPassage(id, text, 0, title, source, url, published, index++, duplicateOf), Terms.Of(text)));
        }

        return id;
    }

    /// <summary>Adds a seed file the way the store imports it: first line the title.</summary>
    public long AddSeedFile(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var published = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Published:", StringComparison.Ordinal))?["Published:".Length..].Trim() ?? string.Empty;
        var normalized = Bots.Text.Dates.DateExtractor.ParseReference(published)?.ToString("yyyy-MM-dd") ?? string.Empty;
        return Add(lines[0].Trim(), string.Join('\n', lines.Skip(1)), Path.GetFileNameWithoutExtension(path), normalized);
    }

    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var queryTerms = Terms.Of(query).Distinct().ToList();
        var n = passages.Count;
        var averageLength = passages.Count == 0 ? 1 : passages.Average(p => p.Terms.Count);
        var results = new List<RetrievedPassage>();
        foreach (var (passage, terms) in passages)
        {
            double score = 0;
            foreach (var term in queryTerms)
            {
                var tf = terms.Count(t => t == term);
                if (tf == 0)
                {
                    continue;
                }

                var df = passages.Count(p => p.Terms.Contains(term));
                var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * terms.Count / averageLength));
            }

            if (score > 0)
            {
                results.Add(passage with { Score = score });
            }
        }

        IReadOnlyList<RetrievedPassage> ranked = results.OrderByDescending(p => p.Score).Take(limit).ToList();
        return Task.FromResult(ranked);
    }

    public Task<string?> GetArticleBodyAsync(long articleId, CancellationToken cancellationToken) =>
        Task.FromResult(bodies.TryGetValue(articleId, out var body) ? body : null);

    private static IEnumerable<string> Chunk(string body)
    {
        var current = new List<string>();
        var words = 0;
        foreach (var paragraph in body.Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            current.Add(paragraph);
            words += paragraph.Split(' ').Length;
            if (words >= 60)
            {
                yield return string.Join('\n', current);
                current.Clear();
                words = 0;
            }
        }

        if (current.Count > 0)
        {
            yield return string.Join('\n', current);
        }
    }
}
