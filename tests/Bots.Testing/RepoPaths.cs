namespace Bots.Testing;

/// <summary>Where the repository and the shared evaluation data are, from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bots.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bots.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>../shared beside the repository (CI puts it there).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The build output of a project of this solution (same configuration as the tests).</summary>
    public static string ProjectOutput(string project, string assembly)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(Root, "src", project, "bin", configuration, "net10.0", assembly);
    }
}
