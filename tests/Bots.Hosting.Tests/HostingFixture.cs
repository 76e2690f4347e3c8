using System.Globalization;
using Bots.Contracts.V1;
using Bots.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;

namespace Bots.Hosting.Tests;

/// <summary>A real process-like app with the Bots defaults and one gRPC service, on free loopback ports.</summary>
internal sealed class HostingApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostingApp(WebApplication app, int grpcPort, int httpPort)
    {
        _app = app;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
    }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    public static async Task<HostingApp> StartAsync(params (string Key, string Value)[] settings)
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var args = new List<string>
        {
            $"--Bots:GrpcPort={grpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Bots:HttpPort={httpPort.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var builder = WebApplication.CreateBuilder(args.ToArray());
        builder.AddBotsDefaults("Bots.Hosting.Tests");
        var app = builder.Build();
        app.MapBotsDefaults();
        app.MapGrpcService<SummarizerStandIn>();
        await app.StartAsync();
        return new HostingApp(app, grpcPort, httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Answers SummarizeArticle for article 1 only, so tests see both OK and an error status.</summary>
    private sealed class SummarizerStandIn : Summarizer.SummarizerBase
    {
        public override Task<Summary> SummarizeArticle(SummarizeArticleRequest request, ServerCallContext context) =>
            request.ArticleId == 1
                ? Task.FromResult(new Summary { Text = "One sentence." })
                : throw new RpcException(new Status(StatusCode.NotFound, "no article " + request.ArticleId));
    }
}
