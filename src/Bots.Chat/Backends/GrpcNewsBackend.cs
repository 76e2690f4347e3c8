using Bots.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Backends;

/// <summary>The back ends over gRPC: the chat's own deadline on every call (the clients add the API key when one
/// is configured), and statuses translated into <see cref="BackendException"/>s the command handler can explain.</summary>
internal sealed class GrpcNewsBackend(
    QuestionAnswering.QuestionAnsweringClient questionAnswering,
    Summarizer.SummarizerClient summarizer,
    ArticleStore.ArticleStoreClient store,
    IOptions<ChatOptions> options) : INewsBackend
{
    public Task<AskResponse> AskAsync(AskRequest request, CancellationToken cancellationToken) =>
        CallAsync(BackendService.QuestionAnswering, o => questionAnswering.AskAsync(request, o), cancellationToken);

    public Task<Summary> SummarizeTopicAsync(SummarizeTopicRequest request, CancellationToken cancellationToken) =>
        CallAsync(BackendService.Summarizer, o => summarizer.SummarizeTopicAsync(request, o), cancellationToken);

    public Task<Summary> SummarizeArticleAsync(SummarizeArticleRequest request, CancellationToken cancellationToken) =>
        CallAsync(BackendService.Summarizer, o => summarizer.SummarizeArticleAsync(request, o), cancellationToken);

    public Task<TimelineResponse> TimelineAsync(TimelineRequest request, CancellationToken cancellationToken) =>
        CallAsync(BackendService.Summarizer, o => summarizer.TimelineAsync(request, o), cancellationToken);

    public Task<Article> GetArticleAsync(long id, CancellationToken cancellationToken) =>
        CallAsync(BackendService.ArticleStore, o => store.GetArticleAsync(new GetArticleRequest { Id = id }, o), cancellationToken);

    private StoreStats? _stats;

    /// <summary>
    /// The store's statistics, reused while the corpus version is unchanged: every declined answer shows the coverage,
    /// and counting a large collection costs the store far more than telling its version.
    /// </summary>
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var version = await CallAsync(BackendService.ArticleStore, o => store.GetCorpusVersionAsync(new GetCorpusVersionRequest(), o), cancellationToken);
        if (Volatile.Read(ref _stats) is { } known && known.Version == version.Version)
        {
            return known;
        }
        var stats = await CallAsync(BackendService.ArticleStore, o => store.GetStatsAsync(new GetStatsRequest(), o), cancellationToken);
        Volatile.Write(ref _stats, stats);
        return stats;
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var response = await CallAsync(
            BackendService.ArticleStore,
            o => store.SuggestAsync(new SuggestRequest { Prefix = prefix, Limit = limit }, o),
            cancellationToken);
        return response.Suggestions;
    }

    private async Task<T> CallAsync<T>(BackendService service, Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(options.Value.BackendTimeoutSeconds);
        try
        {
            using var pending = call(new CallOptions(deadline: deadline, cancellationToken: cancellationToken));
            return await pending.ResponseAsync;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(service, e);
        }
    }

    internal static BackendException Translate(BackendService service, RpcException e)
    {
        var failure = e.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Cancelled or StatusCode.Aborted
                => BackendFailure.Unavailable,
            StatusCode.NotFound => BackendFailure.NotFound,
            StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => BackendFailure.Rejected,
            _ => BackendFailure.Failed,
        };
        var detail = string.IsNullOrWhiteSpace(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail;
        return new BackendException(service, failure, detail, e);
    }
}
