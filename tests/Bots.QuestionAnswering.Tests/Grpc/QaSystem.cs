using System.Globalization;
using Bots.ArticleStore;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace Bots.QuestionAnswering.Tests.Grpc;

/// <summary>The real article store and QA service in one app on free loopback ports, seeded from the repository's seeds.</summary>
public sealed class QaSystem : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "bots-qa-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? app;
    private GrpcChannel? channel;

    public Contracts.V1.QuestionAnswering.QuestionAnsweringClient Client { get; private set; } = null!;

    public Contracts.V1.ArticleStore.ArticleStoreClient Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var grpcPort = FreePort.Next();
        var args = new[]
        {
            $"--Bots:GrpcPort={grpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Bots:HttpPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Bots:DataDir={dataDir}",
            $"--Bots:SeedsDir={RepoPaths.Seeds}",
            $"--Services:ArticleStore=http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
        };
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBotsDefaults("qa-tests");
        builder.AddArticleStore();
        builder.AddQuestionAnswering();
        app = builder.Build();
        app.MapBotsDefaults();
        app.MapArticleStore();
        app.MapQuestionAnswering();
        await app.StartAsync();
        channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}");
        Client = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);
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

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Only a temporary folder is left behind.
        }
    }
}
