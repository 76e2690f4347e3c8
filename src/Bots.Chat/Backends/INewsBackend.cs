using Bots.Contracts.V1;

namespace Bots.Chat.Backends;

/// <summary>The services the chat reaches; failures surface as <see cref="BackendException"/>.</summary>
public interface INewsBackend
{
    Task<AskResponse> AskAsync(AskRequest request, CancellationToken cancellationToken);

    Task<Summary> SummarizeTopicAsync(SummarizeTopicRequest request, CancellationToken cancellationToken);

    Task<Summary> SummarizeArticleAsync(SummarizeArticleRequest request, CancellationToken cancellationToken);

    Task<TimelineResponse> TimelineAsync(TimelineRequest request, CancellationToken cancellationToken);

    Task<Article> GetArticleAsync(long id, CancellationToken cancellationToken);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken);
}
