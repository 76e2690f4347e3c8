using Bots.Contracts.V1;
using Grpc.Core;

namespace Bots.Summarizer.Articles;

/// <summary>The article store reached through its gRPC client.</summary>
public sealed class ArticleStoreClientSource(ArticleStore.ArticleStoreClient client) : IArticleSource
{
    public async Task<SourceArticle?> GetArticleAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var article = await client.GetArticleAsync(new GetArticleRequest { Id = id }, cancellationToken: cancellationToken);
            return new SourceArticle(article.Id, article.Title, article.Body, article.Source, article.Url, article.Published, article.DuplicateOf);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Cancelled or StatusCode.InvalidArgument))
        {
            throw Unavailable(e);
        }
    }

    public async Task<IReadOnlyList<SourcePassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new SearchRequest
        {
            Query = query.Query,
            Limit = query.Limit,
            Source = query.Source ?? "",
            PublishedAfter = query.PublishedAfter ?? "",
            PublishedBefore = query.PublishedBefore ?? "",
        };
        try
        {
            var response = await client.SearchAsync(request, cancellationToken: cancellationToken);
            return response.Passages
                .Select(p => new SourcePassage(p.ArticleId, p.Text, p.Score, p.Title, p.Source, p.Url, p.Published, p.PassageIndex, p.DuplicateOf))
                .ToList();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            // The store refuses some user text (e.g. only operators); for a summary that means nothing matched.
            return [];
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw Unavailable(e);
        }
    }

    private static SummaryRequestException Unavailable(RpcException e) =>
        new(SummaryFailure.Unavailable, $"the article store is unavailable ({e.StatusCode}: {e.Status.Detail}); try again shortly", e);
}
