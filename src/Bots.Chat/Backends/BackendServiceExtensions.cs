using Bots.Contracts.V1;
using Bots.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bots.Chat.Backends;

internal static class BackendServiceExtensions
{
    /// <summary>
    /// The generated gRPC clients of the question-answering, summariser and store services (Services:QuestionAnswering,
    /// Services:Summarizer, Services:ArticleStore), with the API key the other services' clients carry. Unset, each
    /// defaults to this process's own gRPC port: in one host, or beside the services, they listen there.
    /// </summary>
    public static WebApplicationBuilder AddChatBackends(this WebApplicationBuilder builder)
    {
        var local = $"http://127.0.0.1:{builder.Configuration["Bots:GrpcPort"] ?? "50051"}";
        builder.AddServiceClient<QuestionAnswering.QuestionAnsweringClient>("QuestionAnswering", local);
        builder.AddServiceClient<Summarizer.SummarizerClient>("Summarizer", local);
        builder.AddServiceClient<ArticleStore.ArticleStoreClient>("ArticleStore", local);
        builder.Services.TryAddSingleton<INewsBackend, GrpcNewsBackend>();
        return builder;
    }
}
