using System.Net;
using Bots.ArticleStore;
using Bots.Contracts.V1;
using Bots.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Bots.Summarizer.Tests.Grpc;

/// <summary>
/// The real article store (SQLite in a temporary folder, the repository's seeds imported at start-up)
/// and the Summarizer, served on one free loopback port; the Summarizer reaches the store through
/// its gRPC client at Services:ArticleStore, as in production.
/// </summary>
public sealed class SeededServices : IAsyncLifetime
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("bots-summarizer-").FullName;
    private WebApplication? app;
    private GrpcChannel? channel;

    public Contracts.V1.Summarizer.SummarizerClient Summarizer { get; private set; } = null!;

    public Contracts.V1.ArticleStore.ArticleStoreClient Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var address = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bots:DataDir"] = dataDir,
            ["Bots:SeedsDir"] = RepoPaths.Seeds,
            ["Services:ArticleStore"] = address,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(port, address: IPAddress.Loopback));
        builder.Logging.ClearProviders();
        builder.AddArticleStore();
        builder.AddSummarizer();
        app = builder.Build();
        app.MapArticleStore();
        app.MapSummarizer();
        await app.StartAsync();

        channel = GrpcChannel.ForAddress(address);
        Summarizer = new Contracts.V1.Summarizer.SummarizerClient(channel);
        Store = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }
}
