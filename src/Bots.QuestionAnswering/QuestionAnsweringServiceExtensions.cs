using Bots.Contracts.V1;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Grpc;
using Bots.QuestionAnswering.Retrieval;
using Bots.Caching;
using Bots.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bots.QuestionAnswering;

/// <summary>Registration and mapping of the question-answering service.</summary>
public static class QuestionAnsweringServiceExtensions
{
    /// <summary>
    /// Registers options (`QuestionAnswering`), the store client (`Services:ArticleStore`), the answer cache (`Bots:Redis`), the domain
    /// <see cref="QuestionAnswerer"/> and the gRPC service. A store already registered as <see cref="IPassageSearch"/> wins.
    /// </summary>
    public static WebApplicationBuilder AddQuestionAnswering(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<QuestionAnsweringOptions>()
            .Bind(builder.Configuration.GetSection(QuestionAnsweringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddServiceClient<ArticleStore.ArticleStoreClient>("ArticleStore");
        builder.Services.TryAddSingleton<CorpusVersionSource>();
        builder.Services.AddBotsCache(builder.Configuration);
        builder.Services.TryAddSingleton<IPassageSearch>(sp => new GrpcPassageSearch(sp.GetRequiredService<ArticleStore.ArticleStoreClient>()));
        builder.Services.AddSingleton(sp => new QuestionAnswerer(
            sp.GetRequiredService<IPassageSearch>(),
            sp.GetRequiredService<IOptions<QuestionAnsweringOptions>>().Value,
            sp.GetService<TimeProvider>()));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<QuestionAnsweringOptions>>().Value;
            return new AnswerAdmission(
                options.MaxConcurrentAnswers > 0 ? options.MaxConcurrentAnswers : 4 * Environment.ProcessorCount,
                options.MaxQueuedAnswers);
        });
        builder.Services.AddSingleton<QuestionAnsweringService>();
        return builder;
    }

    /// <summary>Maps the QuestionAnswering gRPC service.</summary>
    public static WebApplication MapQuestionAnswering(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<QuestionAnsweringService>();
        // The word data the matching uses takes a moment to read: read it once the service is up, not on the first ask.
        app.Lifetime.ApplicationStarted.Register(() => ThreadPool.QueueUserWorkItem(_ => Bots.Text.Lexical.WordNet.Preload()));
        return app;
    }
}
