using Bots.Contracts.V1;
using Grpc.Net.Client;
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
        services.TryAddSingleton<BackendChannels>();
        services.TryAddSingleton(sp => new QuestionAnswering.QuestionAnsweringClient(sp.GetRequiredService<BackendChannels>().QuestionAnswering));
        services.TryAddSingleton(sp => new Summarizer.SummarizerClient(sp.GetRequiredService<BackendChannels>().Summarizer));
        services.TryAddSingleton(sp => new ArticleStore.ArticleStoreClient(sp.GetRequiredService<BackendChannels>().ArticleStore));
        services.TryAddSingleton<INewsBackend, GrpcNewsBackend>();
        return services;
    }

    /// <summary>One channel per distinct address: all three services in one host share a connection pool.</summary>
    internal sealed class BackendChannels : IDisposable
    {
        private readonly Dictionary<string, GrpcChannel> _byAddress = new(StringComparer.OrdinalIgnoreCase);

        public BackendChannels(IOptions<BackendOptions> options)
        {
            var settings = options.Value;
            QuestionAnswering = For(settings.QuestionAnswering);
            Summarizer = For(settings.Summarizer);
            ArticleStore = For(settings.ArticleStore);
        }

        public GrpcChannel QuestionAnswering { get; }

        public GrpcChannel Summarizer { get; }

        public GrpcChannel ArticleStore { get; }

        public void Dispose()
        {
            foreach (var channel in _byAddress.Values)
            {
                channel.Dispose();
            }
        }

        private GrpcChannel For(string address)
        {
            var key = address.TrimEnd('/');
            if (!_byAddress.TryGetValue(key, out var channel))
            {
                channel = GrpcChannel.ForAddress(key);
                _byAddress[key] = channel;
            }

            return channel;
        }
    }
}
