using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Ingest;

/// <summary>One imported item: where it came from, and what happened to it.</summary>
public sealed record ImportItemResult(string Origin, AddOutcome? Outcome, string? Error);

/// <summary>Imports files, folders and globs into a library through its streaming import.</summary>
public static class ArticleImporter
{
    public static async IAsyncEnumerable<ImportItemResult> ImportAsync(ArticleLibrary library, IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Files that cannot be read never reach the library; they are reported alongside its results.
        var unreadable = new ConcurrentQueue<ImportItemResult>();
        var readable = ReadAll(paths)
            .Where(item => item.Input is not null || Report(unreadable, item.Origin, item.Error))
            .Select(item => item.Input! with { Origin = item.Origin });
        await foreach (var item in library.ImportAsync(readable.ToAsyncEnumerable(), cancellationToken))
        {
            while (unreadable.TryDequeue(out var failed))
            {
                yield return failed;
            }
            yield return new ImportItemResult(item.Input.Origin, item.Outcome, item.Error);
        }
        while (unreadable.TryDequeue(out var failed))
        {
            yield return failed;
        }
    }

    private static bool Report(ConcurrentQueue<ImportItemResult> unreadable, string origin, string? error)
    {
        unreadable.Enqueue(new ImportItemResult(origin, null, error));
        return false;
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
}
