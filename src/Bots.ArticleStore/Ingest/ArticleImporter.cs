using System.Runtime.CompilerServices;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Ingest;

/// <summary>One imported item: where it came from, and what happened to it.</summary>
public sealed record ImportItemResult(string Origin, AddOutcome? Outcome, string? Error);

/// <summary>Imports files, folders and globs into a library, committing a batch at a time.</summary>
public static class ArticleImporter
{
    private const int BatchSize = 64;

    public static async IAsyncEnumerable<ImportItemResult> ImportAsync(ArticleLibrary library, IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<ArticleInput>(BatchSize);
        foreach (var (input, origin, error) in ReadAll(paths))
        {
            if (input is null)
            {
                yield return new ImportItemResult(origin, null, error);
                continue;
            }
            batch.Add(input);
            if (batch.Count >= BatchSize)
            {
                foreach (var result in await CommitAsync(library, batch, cancellationToken))
                {
                    yield return result;
                }
            }
        }
        foreach (var result in await CommitAsync(library, batch, cancellationToken))
        {
            yield return result;
        }
    }

    /// <summary>Every article the paths name, or the reason one could not be read.</summary>
    public static IEnumerable<(ArticleInput? Input, string Origin, string? Error)> ReadAll(IEnumerable<string> paths)
    {
        foreach (var (file, missing) in ArticleFiles.Expand(paths))
        {
            if (file is null)
            {
                var path = missing!.Split(": ", 2)[0];
                yield return (null, path, missing[Math.Min(missing.Length, path.Length + 2)..]);
                continue;
            }
            foreach (var (input, error) in ArticleFiles.Read(file))
            {
                yield return (input, input?.Origin is { Length: > 0 } origin ? origin : Path.GetFileName(file), error);
            }
        }
    }

    private static async Task<List<ImportItemResult>> CommitAsync(ArticleLibrary library, List<ArticleInput> batch, CancellationToken cancellationToken)
    {
        var results = new List<ImportItemResult>(batch.Count);
        if (batch.Count == 0)
        {
            return results;
        }
        var outcomes = await library.AddManyAsync(batch, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            results.Add(new ImportItemResult(batch[i].Origin, outcomes[i].Outcome, outcomes[i].Error));
        }
        batch.Clear();
        return results;
    }
}
