using System.Net;
using Bots.Grpc.Tests.Interop;
using Bots.Testing;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Grpc.Tests;

/// <summary>The real Bots.Grpc server on a free loopback port (h2c), serving TestService, health and reflection.</summary>
public sealed class GrpcTestServer : IInteropServer, IAsyncLifetime
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    public bool Available => true;

    public bool IsOurs => true;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server has not started.");

    public Action<GrpcServiceOptions>? Configure { get; init; }

    public async Task InitializeAsync()
    {
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(Port, address: IPAddress.Loopback));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<AttemptCountingInterceptor>();
            Configure?.Invoke(options);
        });
        builder.Services.AddSingleton<AttemptCountingInterceptor>();
        builder.Services.AddGrpcReflection();
        _app = builder.Build();
        _app.MapGrpcService<TestServiceImpl>();
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
