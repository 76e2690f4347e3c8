using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Bots.StandIns;

/// <summary>
/// One built Bots service (its dll) running as its own operating-system process on loopback ports, configured
/// through environment variables as in a container, and ready once its <c>/healthz</c> answers. The integration
/// tests and <c>bots bench load</c> both run the services this way, so the system they measure is the one deployed.
/// </summary>
public sealed class LocalServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Action<string>? _onLine;

    private LocalServiceProcess(string project, Process process, int grpcPort, int httpPort, Action<string>? onLine)
    {
        Project = project;
        _process = process;
        _onLine = onLine;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
    }

    public string Project { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string GrpcAddress => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}"));

    public bool HasExited => _process.HasExited;

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

    /// <summary>The last lines the service wrote (its standard output and error), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="dll"/> with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c>) on the
    /// given ports and waits until it is healthy; <paramref name="onLine"/> sees every line it writes.
    /// </summary>
    public static async Task<LocalServiceProcess> StartAsync(
        string project,
        string dll,
        IReadOnlyDictionary<string, string> settings,
        int grpcPort,
        int httpPort,
        TimeSpan timeout,
        Action<string>? onLine,
        CancellationToken cancellationToken)
    {
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
        var service = new LocalServiceProcess(project, process, grpcPort, httpPort, onLine);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitHealthyAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
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
                throw new InvalidOperationException($"{Project} exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress, "/healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Project} was not healthy within {timeout.TotalSeconds:0} s:\n{Output}"));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line);
        lock (_output)
        {
            // Keep the tail only: a long run must not grow this without bound.
            if (_output.Length > 64 * 1024)
            {
                _output.Remove(0, _output.Length - 32 * 1024);
            }

            _output.AppendLine(line);
        }
    }
}
