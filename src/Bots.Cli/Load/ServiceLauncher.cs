using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bots.Cli.Load;

/// <summary>
/// Runs one built Bots service (src/&lt;Project&gt;/bin/… or a published folder) as its own operating-system
/// process on free loopback ports, the way it runs in production, and reports the CPU time it used.
/// </summary>
internal sealed class ServiceLauncher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private string? _errorCategory;
    private string? _errorMessage;

    private ServiceLauncher(string project, Process process, int grpcPort, int httpPort)
    {
        Project = project;
        _process = process;
        GrpcAddress = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}"));
    }

    public string Project { get; }

    public string GrpcAddress { get; }

    public Uri HttpAddress { get; }

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.PeakWorkingSet64;
        }
    }

    /// <summary>The last lines the service wrote, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The errors the service logged (fail/crit), each with how often, most frequent first.</summary>
    public IReadOnlyList<(string Message, int Count)> LoggedErrors
    {
        get
        {
            lock (_log)
            {
                return [.. _errors.OrderByDescending(e => e.Value).Select(e => (e.Key, e.Value))];
            }
        }
    }

    /// <summary>Starts <paramref name="project"/>'s dll from <paramref name="servicesDir"/> (or the repository's build output) and waits for /healthz.</summary>
    public static async Task<ServiceLauncher> StartAsync(
        string project,
        IReadOnlyDictionary<string, string> settings,
        string? servicesDir,
        CancellationToken cancellationToken)
    {
        var dll = FindServiceDll(project, servicesDir);
        var grpcPort = FreeLoopbackPort();
        var httpPort = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Bots__GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Bots__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {dll}.");
        var service = new ServiceLauncher(project, process, grpcPort, httpPort);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitHealthyAsync(TimeSpan.FromSeconds(90), cancellationToken);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
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

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Project} exited with code {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress, "/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Project} was not healthy within {timeout.TotalSeconds:0} s:\n{RecentOutput}");
    }

    // Ids and numbers vary per request; without them the same error counts as one.
    private static string Shorten(string message)
    {
        var digitsOut = System.Text.RegularExpressions.Regex.Replace(message, "[0-9]+", "#");
        return digitsOut.Length <= 300 ? digitsOut : digitsOut[..300] + "…";
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
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

            // Keep the tail only: a long run must not grow this without bound.
            if (_log.Length > 64 * 1024)
            {
                _log.Remove(0, _log.Length - 32 * 1024);
            }

            _log.AppendLine(line);
        }
    }
}
