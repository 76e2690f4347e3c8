namespace Bots.Cli.Commands;

/// <summary>Finds the shared evaluation data: the `shared` folder beside the repository root.</summary>
internal static class SharedData
{
    /// <summary>The path of <paramref name="relative"/> under ../shared, searched upwards from the working and program folders; null when absent.</summary>
    public static string? Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", relative);
                if (dir.Parent is not null && File.Exists(Path.Combine(dir.FullName, "Bots.sln")))
                {
                    candidate = Path.Combine(dir.Parent.FullName, "shared", relative);
                }
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
