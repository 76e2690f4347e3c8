using Bots.Contracts.V1;
using Bots.Testing;
using Grpc.Net.Client;

namespace Bots.ArticleStore.Tests.Grpc;

/// <summary>The ArticleStore executable killed with SIGKILL and started again over the same data folder.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string dataDir = ArticleStoreServer.NewDataDir();

    private Dictionary<string, string> Settings => new()
    {
        ["Bots:DataDir"] = dataDir,
        ["Bots:SeedsDir"] = RepoPaths.Seeds,
        ["Bots:ListenAddress"] = "127.0.0.1",
    };

    [Fact]
    public async Task KillNine_LosesNoCommittedWrite_AndRestartDoesNotReimportSeeds()
    {
        long addedId;
        StoreStats before;
        await using (var first = await ServiceProcess.StartAsync("Bots.ArticleStore", Settings))
        {
            using var channel = GrpcChannel.ForAddress(first.GrpcAddress);
            var client = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
            var added = await client.AddArticleAsync(new AddArticleRequest
            {
                Title = "Harbour crane collapses",
                Body = "A harbour crane collapsed on Thursday night during a storm; nobody was hurt, the port authority said on Friday morning.",
                Source = "Port Gazette",
                Published = "2024-10-04",
            });
            addedId = added.Id;
            before = await client.GetStatsAsync(new GetStatsRequest());

            first.Kill();
        }

        await using var second = await ServiceProcess.StartAsync("Bots.ArticleStore", Settings);
        using var secondChannel = GrpcChannel.ForAddress(second.GrpcAddress);
        var restarted = new Contracts.V1.ArticleStore.ArticleStoreClient(secondChannel);
        var article = await restarted.GetArticleAsync(new GetArticleRequest { Id = addedId });
        var after = await restarted.GetStatsAsync(new GetStatsRequest());
        var hits = await restarted.SearchAsync(new SearchRequest { Query = "harbour crane" });

        Assert.Equal("Harbour crane collapses", article.Title);
        Assert.Equal(6, before.ArticleCount);
        Assert.Equal(before.ArticleCount, after.ArticleCount);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(addedId, hits.Passages[0].ArticleId);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
