using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bots.Chat.Backends;

internal static class BackendServiceExtensions
{
    /// <summary>The gRPC clients of the question-answering, summariser and store services
    /// (Services:QuestionAnswering, Services:Summarizer, Services:ArticleStore).</summary>
    public static IServiceCollection AddChatBackends(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
