namespace Bots.Testing;

/// <summary>
/// Integration tests need real programs (redis-server, PostgreSQL, python3 with grpcio). When one is
/// missing they may be skipped on a developer's machine, but never in CI: with CI=true the test fails
/// and says what to install.
/// </summary>
public static class ExternalTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="program"/> on PATH (or as given, when absolute), or null.</summary>
    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// True when the tool is there. False (the caller returns early) when it is missing outside CI;
    /// throws when it is missing in CI.
    /// </summary>
    public static bool Require(bool available, string what, string install)
    {
        if (available)
        {
            return true;
        }

        var message = $"{what} is not available: {install}";
        if (InCi)
        {
            throw new InvalidOperationException(message + " (CI=true: integration tests may not be skipped).");
        }

        Console.Error.WriteLine("SKIPPED (not in CI): " + message);
        return false;
    }
}
