using Bots.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Backends;

internal static class BackendServiceExtensions
{
    /// <summary>The generated gRPC clients of the question-answering, summariser and store services
    /// (Services:QuestionAnswering, Services:Summarizer, Services:ArticleStore), unless the host registered them.</summary>
    public static IServiceCollection AddChatBackends(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackendOptions>()
            .Configure(options =>
            {
                // In one host (or beside the services) they listen on this process's gRPC port.
                var local = $"http://127.0.0.1:{configuration["Bots:GrpcPort"] ?? "50051"}";
                options.QuestionAnswering = options.Summarizer = options.ArticleStore = local;
            })
            .Bind(configuration.GetSection(BackendOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackendOptions>, BackendOptionsValidator>());
        AddClient<QuestionAnswering.QuestionAnsweringClient>(services, o => o.QuestionAnswering);
        AddClient<Summarizer.SummarizerClient>(services, o => o.Summarizer);
        AddClient<ArticleStore.ArticleStoreClient>(services, o => o.ArticleStore);
        services.TryAddSingleton<INewsBackend, GrpcNewsBackend>();
        return services;
    }

    private static void AddClient<TClient>(IServiceCollection services, Func<BackendOptions, string> address)
        where TClient : ClientBase
    {
        if (services.Any(d => d.ServiceType == typeof(TClient)))
        {
            return;
        }

        services.AddGrpcClient<TClient>((sp, options) =>
            options.Address = new Uri(address(sp.GetRequiredService<IOptions<BackendOptions>>().Value)));
    }
}
