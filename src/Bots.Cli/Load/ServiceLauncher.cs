using System.Net;
using System.Net.Sockets;
using Bots.StandIns;

namespace Bots.Cli.Load;

/// <summary>
/// Runs one built Bots service (src/&lt;Project&gt;/bin/… or a published folder) as its own operating-system
/// process on free loopback ports, the way it runs in production, and tallies the errors it logs.
/// </summary>
internal sealed class ServiceLauncher : IAsyncDisposable
{
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private LocalServiceProcess? _process;
    private string? _errorCategory;
    private string? _errorMessage;

    private ServiceLauncher(string project)
    {
        Project = project;
    }

    public string Project { get; }

    public string GrpcAddress => Process.GrpcAddress;

    public Uri HttpAddress => Process.HttpAddress;

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime => Process.CpuTime;

    public long PeakWorkingSetBytes => Process.PeakWorkingSetBytes;

    /// <summary>The last lines the service wrote, for error messages.</summary>
    public string RecentOutput => Process.Output;

    /// <summary>The errors the service logged (fail/crit), each with how often, most frequent first.</summary>
    public IReadOnlyList<(string Message, int Count)> LoggedErrors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors.OrderByDescending(e => e.Value).Select(e => (e.Key, e.Value))];
            }
        }
    }

    private LocalServiceProcess Process => _process ?? throw new InvalidOperationException($"{Project} has not started.");

    /// <summary>Starts <paramref name="project"/>'s dll from <paramref name="servicesDir"/> (or the repository's build output) and waits for /healthz.</summary>
    public static async Task<ServiceLauncher> StartAsync(
        string project,
        IReadOnlyDictionary<string, string> settings,
        string? servicesDir,
        CancellationToken cancellationToken)
    {
        var dll = FindServiceDll(project, servicesDir);
        var launcher = new ServiceLauncher(project);
        launcher._process = await LocalServiceProcess.StartAsync(
            project, dll, settings, FreeLoopbackPort(), FreeLoopbackPort(), TimeSpan.FromSeconds(90), launcher.Tally, cancellationToken);
        return launcher;
    }

    /// <summary>The service's dll: &lt;dir&gt;/&lt;Project&gt;/&lt;Project&gt;.dll or &lt;dir&gt;/&lt;Project&gt;.dll when a folder is given,
    /// else src/&lt;Project&gt;/bin/&lt;this CLI's configuration&gt;/net10.0 in the repository above this program.</summary>
    public static string FindServiceDll(string project, string? servicesDir)
    {
        var name = project + ".dll";
        IEnumerable<string> candidates;
        if (servicesDir is not null)
        {
            candidates = [Path.Combine(servicesDir, project, name), Path.Combine(servicesDir, name)];
        }
        else
        {
            var root = RepositoryRoot() ?? throw new InvalidOperationException(
                "The repository (Bots.sln) is not above this program: give --services, a folder holding the published services.");
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            candidates = [Path.Combine(root, "src", project, "bin", configuration, framework, name)];
        }

        return candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"{project} is not built: none of {string.Join(", ", candidates)} exists. Run `dotnet build` first (or give --services).");
    }

    /// <summary>The folder holding Bots.sln above this program, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bots.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => _process?.DisposeAsync() ?? ValueTask.CompletedTask;

    // Ids and numbers vary per request; without them the same error counts as one.
    private static string Shorten(string message)
    {
        var digitsOut = System.Text.RegularExpressions.Regex.Replace(message, "[0-9]+", "#");
        return digitsOut.Length <= 300 ? digitsOut : digitsOut[..300] + "…";
    }

    private void Tally(string line)
    {
        lock (_errors)
        {
            // The console logger writes "fail: Category[id]", the message on the next line, then the exception.
            if (_errorMessage is not null)
            {
                var exception = line.Contains("Exception", StringComparison.Ordinal) ? " | " + line.Trim() : "";
                var key = Shorten($"{_errorCategory}: {_errorMessage}{exception}");
                if (_errors.Count < 100 || _errors.ContainsKey(key))
                {
                    _errors[key] = _errors.GetValueOrDefault(key) + 1;
                }

                (_errorCategory, _errorMessage) = (null, null);
            }
            else if (_errorCategory is not null)
            {
                _errorMessage = line.Trim();
            }
            else if (line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                _errorCategory = line[6..].Split('[')[0];
            }
        }
    }
}
