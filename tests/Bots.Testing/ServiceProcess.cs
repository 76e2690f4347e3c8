using System.Globalization;
using Bots.StandIns;

namespace Bots.Testing;

/// <summary>
/// One Bots service of this repository's build running as its own operating-system process on free loopback ports,
/// as it runs in production. Waits for /healthz before returning; keeps its output for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly LocalServiceProcess _process;

    private ServiceProcess(LocalServiceProcess process)
    {
        _process = process;
    }

    public string Project => _process.Project;

    public int GrpcPort => _process.GrpcPort;

    public int HttpPort => _process.HttpPort;

    public string GrpcAddress => _process.GrpcAddress;

    public Uri HttpAddress => _process.HttpAddress;

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Starts src/<paramref name="project"/> (already built) with the given settings.</summary>
    public static async Task<ServiceProcess> StartAsync(string project, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null)
    {
        var dll = RepoPaths.ProjectOutput(project, project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build the solution first.");
        }

        settings ??= new Dictionary<string, string>();

        // A caller restarting a service on its old address gives the ports in the settings.
        var grpcPort = settings.TryGetValue("Bots:GrpcPort", out var givenGrpc) ? int.Parse(givenGrpc, CultureInfo.InvariantCulture) : FreePort.Next();
        var httpPort = settings.TryGetValue("Bots:HttpPort", out var givenHttp) ? int.Parse(givenHttp, CultureInfo.InvariantCulture) : FreePort.Next();
        var process = await LocalServiceProcess.StartAsync(
            project, dll, settings, grpcPort, httpPort, timeout ?? TimeSpan.FromSeconds(60), onLine: null, CancellationToken.None);
        return new ServiceProcess(process);
    }

    /// <summary>Ends the process at once, as a crash or `kill -9` would.</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
