using System.Runtime.CompilerServices;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;
using Bots.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bots.ArticleStore.Grpc;

/// <summary>
/// The ArticleStore gRPC API over <see cref="ArticleLibrary"/>: translates messages, and maps a
/// refused field to INVALID_ARGUMENT, an unknown id to NOT_FOUND and a busy database to UNAVAILABLE.
/// </summary>
public sealed class ArticleStoreService(ArticleLibrary library, CorpusVersionMonitor corpusVersions, IHostApplicationLifetime lifetime) : Contracts.V1.ArticleStore.ArticleStoreBase
{
    public override Task<AddArticleResponse> AddArticle(AddArticleRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            var outcome = await library.AddAsync(ToInput(request, "request"), context.CancellationToken);
            return new AddArticleResponse
            {
                Id = outcome.Id,
                DuplicateOf = outcome.DuplicateOf,
                Created = outcome.Created,
                Title = outcome.Title,
                Published = outcome.Published,
            };
        });

    public override async Task ImportArticles(IAsyncStreamReader<AddArticleRequest> requestStream, IServerStreamWriter<ImportArticleResult> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var index = 0;
        try
        {
            await foreach (var (_, outcome, error) in library.ImportAsync(ReadRequestsAsync(requestStream, cancellationToken), cancellationToken))
            {
                var result = new ImportArticleResult { Index = index++, Error = error ?? "" };
                if (outcome is not null)
                {
                    result.Id = outcome.Id;
                    result.DuplicateOf = outcome.DuplicateOf;
                    result.Created = outcome.Created;
                    result.Title = outcome.Title;
                }
                await responseStream.WriteAsync(result);
            }
        }
        catch (Exception e) when (Translate(e) is { } status)
        {
            throw new RpcException(status);
        }
    }

    private static async IAsyncEnumerable<ArticleInput> ReadRequestsAsync(IAsyncStreamReader<AddArticleRequest> requestStream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = 0;
        while (await requestStream.MoveNext(cancellationToken))
        {
            yield return ToInput(requestStream.Current, $"item {index++}");
        }
    }

    public override Task<Article> GetArticle(GetArticleRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            var article = await library.GetAsync(request.Id, context.CancellationToken) ?? throw NotFound(request.Id);
            return new Article
            {
                Id = article.Id,
                Title = article.Title,
                Body = article.Body,
                Source = article.Source,
                Url = article.Url,
                Published = article.Published,
                DuplicateOf = article.DuplicateOf,
                WordCount = article.WordCount,
            };
        });

    public override Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            var page = await library.ListAsync(request.PageSize, request.PageToken, request.Source, context.CancellationToken);
            var response = new ListArticlesResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
            response.Articles.AddRange(page.Articles.Select(ToHeader));
            return response;
        });

    public override Task<DeleteArticleResponse> DeleteArticle(DeleteArticleRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            if (!await library.DeleteAsync(request.Id, context.CancellationToken))
            {
                throw NotFound(request.Id);
            }
            return new DeleteArticleResponse { Deleted = true };
        });

    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            var hits = await library.SearchAsync(request.Query, request.Limit, request.Source, request.PublishedAfter, request.PublishedBefore, context.CancellationToken);
            var response = new SearchResponse();
            response.Passages.AddRange(hits.Select(h => new Passage
            {
                ArticleId = h.ArticleId,
                Text = h.Text,
                Score = h.Score,
                Title = h.Title,
                Source = h.Source,
                Url = h.Url,
                Published = h.Published,
                PassageIndex = h.PassageIndex,
                DuplicateOf = h.DuplicateOf,
            }));
            return response;
        });

    public override Task<StoreStats> GetStats(GetStatsRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            var stats = await library.GetStatsAsync(context.CancellationToken);
            var response = new StoreStats
            {
                ArticleCount = stats.ArticleCount,
                PassageCount = stats.PassageCount,
                Version = stats.Version,
                OldestPublished = stats.OldestPublished,
                NewestPublished = stats.NewestPublished,
            };
            response.Sources.AddRange(stats.Sources.Select(s => new SourceCount { Source = s.Source, Articles = s.Articles }));
            response.Recent.AddRange(stats.Recent.Select(ToHeader));
            return response;
        });

    public override Task<CorpusVersion> GetCorpusVersion(GetCorpusVersionRequest request, ServerCallContext context) =>
        GuardAsync(async () => new CorpusVersion { Version = await library.Repository.GetVersionAsync(context.CancellationToken) });

    public override async Task WatchCorpusVersion(IAsyncStreamReader<WatchCorpusVersionRequest> requestStream, IServerStreamWriter<CorpusVersion> responseStream, ServerCallContext context)
    {
        // A stopping store ends the stream (the watcher falls back and reconnects) rather than holding shutdown open.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var acknowledgements = corpusVersions.NewAcknowledgements();
        var reading = ReadAcknowledgementsAsync(requestStream, acknowledgements, ended);
        try
        {
            await foreach (var version in corpusVersions.WatchAsync(acknowledgements, ended.Token))
            {
                await responseStream.WriteAsync(new CorpusVersion { Version = version });
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The watcher hung up or the store is stopping: the stream simply ends.
        }
        finally
        {
            await ended.CancelAsync();
            await reading;
        }
    }

    private static async Task ReadAcknowledgementsAsync(IAsyncStreamReader<WatchCorpusVersionRequest> requestStream, CorpusVersionMonitor.Acknowledgements acknowledgements, CancellationTokenSource ended)
    {
        try
        {
            while (await requestStream.MoveNext(ended.Token))
            {
                acknowledgements.Applied(requestStream.Current.AppliedVersion);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or RpcException)
        {
            // The call is ending.
        }
        // The watcher closed its side: it is gone.
        await ended.CancelAsync();
    }

    public override Task<SuggestResponse> Suggest(SuggestRequest request, ServerCallContext context) =>
        GuardAsync(async () =>
        {
            var response = new SuggestResponse();
            response.Suggestions.AddRange(await library.SuggestAsync(request.Prefix, request.Limit, context.CancellationToken));
            return response;
        });

    private static ArticleInput ToInput(AddArticleRequest request, string origin) =>
        new(request.Title, request.Body, request.Source, request.Url, request.Published, request.Format) { Origin = origin };

    private static ArticleHeader ToHeader(ArticleSummary summary) => new()
    {
        Id = summary.Id,
        Title = summary.Title,
        Source = summary.Source,
        Published = summary.Published,
        Url = summary.Url,
        DuplicateOf = summary.DuplicateOf,
    };

    private static RpcException NotFound(long id) => new(new Status(StatusCode.NotFound, $"article {id} does not exist"));

    private static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Translate(e) is { } status)
        {
            throw new RpcException(status);
        }
    }

    private static Status? Translate(Exception exception) => exception switch
    {
        InvalidInputException e => new Status(StatusCode.InvalidArgument, e.Message),
        SqliteException { SqliteErrorCode: 5 or 6 } => new Status(StatusCode.Unavailable, "the article database is busy; retry shortly"),
        NpgsqlException { IsTransient: true } => new Status(StatusCode.Unavailable, "the article database is unreachable; retry shortly"),
        _ => null,
    };
}
