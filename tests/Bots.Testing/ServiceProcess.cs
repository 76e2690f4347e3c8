using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Bots.Testing;

/// <summary>
/// One Bots service running as its own operating-system process on free loopback ports, as it
/// runs in production. Waits for /healthz before returning; keeps its output for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string project, Process process, int grpcPort, int httpPort)
    {
        Project = project;
        _process = process;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
    }

    public string Project { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string GrpcAddress => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}"));

    public bool HasExited => _process.HasExited;

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

    /// <summary>Starts src/<paramref name="project"/> (already built) with the given settings.</summary>
    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null)
    {
        var dll = RepoPaths.ProjectOutput(project, project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build the solution first.");
        }

        // A caller restarting a service on its old address gives the ports in the settings.
        var grpcPort = settings is not null && settings.TryGetValue("Bots:GrpcPort", out var givenGrpc) ? int.Parse(givenGrpc, CultureInfo.InvariantCulture) : FreePort.Next();
        var httpPort = settings is not null && settings.TryGetValue("Bots:HttpPort", out var givenHttp) ? int.Parse(givenHttp, CultureInfo.InvariantCulture) : FreePort.Next();
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var service = new ServiceProcess(project, process, grpcPort, httpPort);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>Ends the process at once, as a crash or `kill -9` would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
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
                using var response = await http.GetAsync(new Uri(HttpAddress, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        Kill();
        throw new TimeoutException($"{Project} was not healthy within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
