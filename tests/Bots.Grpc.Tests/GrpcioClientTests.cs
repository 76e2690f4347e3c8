using System.Collections.Concurrent;
using System.Text.Json;

namespace Bots.Grpc.Tests;

/// <summary>Runs grpcio's side of the interop cases once against our server; each test reads its case's result.</summary>
public sealed class GrpcioClientRun : IAsyncLifetime
{
    private readonly GrpcTestServer _server = new();

    public ConcurrentDictionary<string, (bool Ok, string Detail)> Results { get; } = new();

    public bool Available { get; private set; }

    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!PythonGrpc.Require())
        {
            return;
        }

        Available = true;
        await _server.InitializeAsync();
        using var process = PythonGrpc.Start("interop_client.py", $"127.0.0.1:{_server.Port}");
        var stderr = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Results[root.GetProperty("case").GetString()!] = (root.GetProperty("ok").GetBoolean(), root.GetProperty("detail").GetString() ?? "");
        }

        await process.WaitForExitAsync();
        Log = await stderr;
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}

/// <summary>A grpcio (C-core) client calls our server: the grpc/grpc interop cases and our limits.</summary>
public sealed class GrpcioClientTests(GrpcioClientRun run) : IClassFixture<GrpcioClientRun>
{
    [Theory]
    [InlineData("empty_unary")]
    [InlineData("large_unary")]
    [InlineData("client_streaming")]
    [InlineData("server_streaming")]
    [InlineData("ping_pong")]
    [InlineData("empty_stream")]
    [InlineData("status_code_and_message")]
    [InlineData("special_status_message")]
    [InlineData("unimplemented_method")]
    [InlineData("unimplemented_service")]
    [InlineData("timeout_on_sleeping_server")]
    [InlineData("server_deadline_exceeded")]
    [InlineData("cancel_after_begin")]
    [InlineData("cancel_after_first_response")]
    [InlineData("custom_metadata")]
    [InlineData("client_compressed_unary")]
    [InlineData("server_compressed_unary")]
    [InlineData("client_compressed_streaming")]
    [InlineData("max_size_accepted")]
    [InlineData("max_size_refused")]
    [InlineData("concurrent_100")]
    [InlineData("malformed_request")]
    [InlineData("handler_exception")]
    [InlineData("health_check")]
    [InlineData("health_watch")]
    [InlineData("reflection_v1")]
    [InlineData("reflection_v1alpha")]
    public void GrpcioClient_AgainstOurServer_PassesCase(string testCase)
    {
        if (!run.Available)
        {
            return;
        }

        Assert.True(run.Results.TryGetValue(testCase, out var result), $"grpcio client did not report {testCase}. stderr:\n{run.Log}");
        Assert.True(result.Ok, $"{testCase}: {result.Detail}");
    }
}
