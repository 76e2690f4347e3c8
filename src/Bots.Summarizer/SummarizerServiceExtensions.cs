using Bots.Caching;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.Summarizer.Articles;
using Bots.Summarizer.Grpc;
using Bots.Summarizer.Summaries;
using Bots.Summarizer.Timelines;
using Bots.Summarizer.Topics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bots.Summarizer;

/// <summary>Registers and maps the Summarizer service.</summary>
public static class SummarizerServiceExtensions
{
    /// <summary>
    /// Registers the summarisers, their options (<c>Summarizer</c>), the article store client
    /// (<c>Services:ArticleStore</c>, unless the host registered an <c>ArticleStore.ArticleStoreClient</c>
    /// or an <see cref="IArticleSource"/> before this call) and the gRPC service.
    /// </summary>
    public static WebApplicationBuilder AddSummarizer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(s => s.ServiceType == typeof(Bots.Grpc.Server.GrpcServiceRegistry)))
        {
            services.AddGrpc();
        }

        services.AddOptions<TopicOptions>()
            .Bind(builder.Configuration.GetSection(TopicOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TopicOptions>>(new DelegateValidation<TopicOptions>(o => o.Validate()));

        // One store client per process (the all-in-one host shares it), carrying the API key and deadlines;
        // a test or host that registered an IArticleSource of its own needs no address.
        if (!services.Any(d => d.ServiceType == typeof(IArticleSource)))
        {
            builder.AddServiceClient<ArticleStore.ArticleStoreClient>("ArticleStore");
        }

        services.TryAddSingleton<IArticleSource>(provider => new ArticleStoreClientSource(provider.GetRequiredService<ArticleStore.ArticleStoreClient>()));

        services.TryAddSingleton(_ => new SentenceRanker());
        services.TryAddSingleton<ArticleSummarizer>();
        services.TryAddSingleton(provider => new TopicRetrieval(provider.GetRequiredService<IArticleSource>(), provider.GetRequiredService<IOptions<TopicOptions>>().Value));
        services.TryAddSingleton(provider => new TopicSummarizer(provider.GetRequiredService<TopicRetrieval>(), provider.GetRequiredService<IOptions<TopicOptions>>().Value));
        services.TryAddSingleton(provider => new TimelineBuilder(provider.GetRequiredService<TopicRetrieval>(), provider.GetRequiredService<IOptions<TopicOptions>>().Value));
        services.TryAddSingleton<CorpusVersionSource>();
        services.AddBotsCache(builder.Configuration);
        services.TryAddSingleton<SummarizerService>();
        return builder;
    }

    /// <summary>Maps the Summarizer gRPC service.</summary>
    public static WebApplication MapSummarizer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<SummarizerService>();
        return app;
    }

    private sealed class DelegateValidation<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
