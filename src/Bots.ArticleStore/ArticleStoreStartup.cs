using Bots.ArticleStore.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.ArticleStore;

/// <summary>
/// Before the service answers: creates the schema, then imports Bots:SeedsDir if this database was
/// never seeded and holds no articles. The seeded mark lives in the database, so a restart (or
/// deleting every article) never brings the seeds back.
/// </summary>
public sealed class ArticleStoreStartup(ArticleLibrary library, IOptions<ArticleStoreOptions> options, ILogger<ArticleStoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var repository = library.Repository;
        await repository.InitializeAsync(cancellationToken);
        if (await repository.IsSeededAsync(cancellationToken))
        {
            return;
        }
        if ((await repository.GetStatsAsync(0, cancellationToken)).ArticleCount > 0)
        {
            await repository.MarkSeededAsync(cancellationToken);
            return;
        }
        var seeds = options.Value.SeedsDir;
        if (string.IsNullOrWhiteSpace(seeds) || !Directory.Exists(seeds))
        {
            logger.LogInformation("No seeds imported: Bots:SeedsDir ({SeedsDir}) is not a folder", seeds);
            return;
        }
        int stored = 0, failed = 0;
        await foreach (var result in ArticleImporter.ImportAsync(library, [seeds], cancellationToken))
        {
            if (result.Error is not null)
            {
                failed++;
                logger.LogWarning("Seed {Origin} not imported: {Error}", result.Origin, result.Error);
            }
            else
            {
                stored++;
            }
        }
        // Identical articles are never stored twice, so an import cut short is safely redone on the next start.
        await repository.MarkSeededAsync(cancellationToken);
        logger.LogInformation("Imported {Stored} seed articles from {SeedsDir} ({Failed} refused)", stored, seeds, failed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
