using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;
using Bots.Testing;

namespace Bots.ArticleStore.Tests;

/// <summary>The seed files read the way an import reads them (with the manifest).</summary>
public static class SeedArticles
{
    public static readonly ArticleIngestor Ingestor = new(2 * 1024 * 1024);

    public static ArticleInput Input(string prefix)
    {
        var file = Directory.GetFiles(RepoPaths.Seeds, prefix + "_*.txt").Single();
        return ArticleFiles.Read(file).Single().Input!;
    }

    public static PreparedArticle Prepared(string prefix) => Ingestor.Prepare(Input(prefix));

    public static IReadOnlyList<string> Prefixes { get; } = ["000", "001", "002", "003", "004"];
}
