using Bots.Contracts.V1;
using Grpc.Core;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>Passage search over gRPC: the article store's Search and GetArticle.</summary>
public sealed class GrpcPassageSearch(ArticleStore.ArticleStoreClient client, TimeSpan? timeout = null) : IPassageSearch
{
    private readonly TimeSpan callTimeout = timeout ?? TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var request = new SearchRequest { Query = query, Limit = Math.Clamp(limit, 1, 100) };
        var response = await CallAsync(() => client.SearchAsync(request, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
        return response.Passages
            .Select(p => new RetrievedPassage(p.ArticleId, p.Text, p.Score, p.Title, p.Source, p.Url, p.Published, p.PassageIndex, p.DuplicateOf))
            .ToList();
    }

    public async Task<string?> GetArticleBodyAsync(long articleId, CancellationToken cancellationToken)
    {
        try
        {
            var article = await CallAsync(() => client.GetArticleAsync(new GetArticleRequest { Id = articleId }, deadline: Deadline(), cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false);
            return article.Body;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private DateTime Deadline() => DateTime.UtcNow.Add(callTimeout);

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.ResourceExhausted)
        {
            throw new PassageSearchUnavailableException($"The article store did not answer ({e.StatusCode}: {e.Status.Detail}).", e);
        }
        catch (HttpRequestException e)
        {
            throw new PassageSearchUnavailableException($"The article store cannot be reached ({e.Message}).", e);
        }
    }
}
