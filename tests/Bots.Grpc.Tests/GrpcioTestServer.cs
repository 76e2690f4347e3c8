using System.Diagnostics;

namespace Bots.Grpc.Tests;

/// <summary>A grpcio (C-core) server for the interop TestService on a loopback port, for our client to call.</summary>
public sealed class GrpcioTestServer : IInteropServer, IAsyncLifetime
{
    private Process? _process;

    public bool Available { get; private set; }

    public string Address { get; private set; } = "";

    public bool IsOurs => false;

    public async Task InitializeAsync()
    {
        if (!PythonGrpc.Require())
        {
            return;
        }

        _process = PythonGrpc.Start("interop_server.py");
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The grpcio server did not start: {line} {await _process.StandardError.ReadToEndAsync()}");
        }

        Address = $"http://127.0.0.1:{line[5..]}";
        Available = true;
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>A server the interop client cases run against.</summary>
public interface IInteropServer
{
    bool Available { get; }

    string Address { get; }

    bool IsOurs { get; }
}
