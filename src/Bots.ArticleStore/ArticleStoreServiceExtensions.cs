using Bots.ArticleStore.Grpc;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bots.ArticleStore;

public static class ArticleStoreServiceExtensions
{
    /// <summary>
    /// Registers the article store: options from "Bots" (DataDir, Postgres, SeedsDir, MaxBodyBytes),
    /// SQLite in DataDir or PostgreSQL when Bots:Postgres is set, the domain and the gRPC service,
    /// and the start-up step that creates the schema and imports the seeds once.
    /// </summary>
    public static WebApplicationBuilder AddArticleStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArticleStoreOptions>()
            .Bind(builder.Configuration.GetSection(ArticleStoreOptions.Section))
            .Validate(options =>
            {
                options.Validate();
                return true;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IArticleRepository>(services =>
        {
            var options = services.GetRequiredService<IOptions<ArticleStoreOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Postgres)
                ? new SqliteArticleRepository(options.DatabasePath)
                : new PostgresArticleRepository(options.Postgres);
        });
        builder.Services.AddSingleton(services => new ArticleIngestor(services.GetRequiredService<IOptions<ArticleStoreOptions>>().Value.MaxBodyBytes));
        builder.Services.AddSingleton(services => new CorpusVersionMonitor(services.GetRequiredService<IArticleRepository>(), CorpusVersionMonitor.DefaultPollInterval));
        builder.Services.AddSingleton<ArticleLibrary>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{ArticleStoreOptions.Section}:{nameof(ArticleStoreOptions.Postgres)}"]))
        {
            builder.Services.AddHostedService(services => new PostgresVersionListener(
                services.GetRequiredService<IOptions<ArticleStoreOptions>>().Value.Postgres!,
                services.GetRequiredService<CorpusVersionMonitor>(),
                services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PostgresVersionListener>>()));
        }
        builder.Services.AddSingleton<ArticleStoreService>();
        builder.Services.AddHostedService<ArticleStoreStartup>();
        if (!builder.Services.Any(s => s.ServiceType == typeof(Bots.Grpc.Server.GrpcServiceRegistry)))
        {
            builder.Services.AddGrpc();
        }
        return builder;
    }

    /// <summary>Maps the bots.v1.ArticleStore gRPC service.</summary>
    public static WebApplication MapArticleStore(this WebApplication app)
    {
        app.MapGrpcService<ArticleStoreService>();
        return app;
    }
}
