using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bots.ArticleStore.Tests.Grpc;

/// <summary>The real article store (Kestrel, HTTP/2, the gRPC service) on free loopback ports, with a client.</summary>
public sealed class ArticleStoreServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly GrpcChannel channel;

    private ArticleStoreServer(WebApplication app, int grpcPort, string dataDir)
    {
        this.app = app;
        DataDir = dataDir;
        Address = $"http://127.0.0.1:{grpcPort}";
        channel = GrpcChannel.ForAddress(Address);
        Client = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
    }

    public string Address { get; }

    public string DataDir { get; }

    public Contracts.V1.ArticleStore.ArticleStoreClient Client { get; }

    public GrpcChannel Channel => channel;

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "bots-store-grpc-" + Guid.NewGuid().ToString("N")[..12]);

    /// <param name="dataDir">Reuse a folder to restart over the same SQLite database.</param>
    /// <param name="seedsDir">Imported at start when the store is new; null imports nothing.</param>
    public static async Task<ArticleStoreServer> StartAsync(string? dataDir = null, string? seedsDir = null, string? postgres = null)
    {
        dataDir ??= NewDataDir();
        var grpcPort = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bots:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bots:HttpPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bots:ListenAddress"] = "127.0.0.1",
            ["Bots:DataDir"] = dataDir,
            ["Bots:SeedsDir"] = seedsDir ?? Path.Combine(dataDir, "no-seeds"),
            ["Bots:Postgres"] = postgres,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBotsDefaults("article-store-tests");
        builder.AddArticleStore();
        var app = builder.Build();
        app.MapBotsDefaults();
        app.MapArticleStore();
        await app.StartAsync();
        return new ArticleStoreServer(app, grpcPort, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
