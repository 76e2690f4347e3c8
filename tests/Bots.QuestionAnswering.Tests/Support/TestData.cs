using Bots.Testing;

namespace Bots.QuestionAnswering.Tests.Support;

/// <summary>Seed articles and question files used by the pipeline tests.</summary>
public static class TestData
{
    /// <summary>The shared evaluation folder: beside the repository root, or beside one of its parents (worktrees).</summary>
    public static string Shared
    {
        get
        {
            for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "eval")))
                {
                    return candidate;
                }
            }

            return RepoPaths.Shared;
        }
    }

    public static string PublicQuestions => Path.Combine(Shared, "eval", "seed-qa.public.jsonl");

    public static string ExtraQuestions => Path.Combine(AppContext.BaseDirectory, "Data", "seed-qa.extra.jsonl");

    public static InMemoryPassageSearch SeedSearch()
    {
        var search = new InMemoryPassageSearch();
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            search.AddSeedFile(file);
        }

        return search;
    }
}
