namespace Bots.Host.Tests.Deploy;

/// <summary>Finds files of the repository under test, wherever the test assembly was built.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static string Relative(string fullPath) =>
        Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public static bool ProjectExists(string project) =>
        File.Exists(PathOf($"src/{project}/{project}.csproj"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bots.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder containing Bots.sln above the test assembly ({AppContext.BaseDirectory}).");
    }
}
