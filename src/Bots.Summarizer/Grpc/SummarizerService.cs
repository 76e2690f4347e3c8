using Bots.Caching;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.Summarizer.Summaries;
using Bots.Summarizer.Timelines;
using Bots.Summarizer.Topics;
using Grpc.Core;
using SummarySentence = Bots.Contracts.V1.SummarySentence;

namespace Bots.Summarizer.Grpc;

/// <summary>
/// The Summarizer gRPC service: maps requests to the domain summarisers and failures to status codes.
/// Responses are cached by request under the store's corpus version, like answers.
/// </summary>
public sealed class SummarizerService(
    ArticleSummarizer articles,
    TopicSummarizer topics,
    TimelineBuilder timelines,
    ResponseCache cache,
    CorpusVersionSource corpus) : Contracts.V1.Summarizer.SummarizerBase
{
    public override Task<Summary> SummarizeArticle(SummarizeArticleRequest request, ServerCallContext context) =>
        CachedAsync("summary", request, context, async ct => ToProto(await articles.SummarizeAsync(request.ArticleId, request.MaxSentences, ct)));

    public override Task<Summary> SummarizeTopic(SummarizeTopicRequest request, ServerCallContext context) =>
        CachedAsync("topic", Normalized(request), context, async ct => ToProto(await topics.SummarizeAsync(
            new TopicRequest(request.Query, request.MaxSentences, request.Source, request.PublishedAfter, request.PublishedBefore),
            ct)));

    public override Task<TimelineResponse> Timeline(TimelineRequest request, ServerCallContext context) =>
        CachedAsync("timeline", new TimelineRequest(request) { Query = QuestionNormalizer.Normalize(request.Query) }, context, async ct =>
        {
            var events = await timelines.BuildAsync(request.Query, request.MaxEvents, ct);
            var response = new TimelineResponse();
            response.Events.AddRange(events.Select(e => new Contracts.V1.TimelineEvent
            {
                Date = e.Date,
                DateText = e.DateText,
                Description = e.Description,
                Citation = ToProto(e.Citation),
            }));
            return response;
        });

    private static SummarizeTopicRequest Normalized(SummarizeTopicRequest request) =>
        new(request) { Query = QuestionNormalizer.Normalize(request.Query) };

    /// <summary>The response from the cache, or computed; refusals are mapped to status codes and never cached.</summary>
    private async Task<T> CachedAsync<T>(string kind, Google.Protobuf.IMessage key, ServerCallContext context, Func<CancellationToken, Task<T>> action)
        where T : Google.Protobuf.IMessage<T>, new()
    {
        try
        {
            var version = await corpus.GetAsync(context.CancellationToken);
            return await cache.GetOrCreateAsync(kind, Google.Protobuf.JsonFormatter.Default.Format(key), version, action, context.CancellationToken);
        }
        catch (SummaryRequestException e)
        {
            var code = e.Failure switch
            {
                SummaryFailure.NotFound => StatusCode.NotFound,
                SummaryFailure.Unavailable => StatusCode.Unavailable,
                _ => StatusCode.InvalidArgument,
            };
            throw new RpcException(new Status(code, e.Message));
        }
    }

    private static Summary ToProto(SummaryResult result)
    {
        var summary = new Summary { Text = result.Text };
        summary.Citations.AddRange(result.Citations.Select(ToProto));
        summary.Sentences.AddRange(result.Sentences.Select(s => new SummarySentence { Text = s.Text, CitationIndex = s.CitationIndex }));
        return summary;
    }

    private static Citation ToProto(SummaryCitation citation) => new()
    {
        ArticleId = citation.ArticleId,
        Title = citation.Title,
        Source = citation.Source,
        Url = citation.Url,
        Published = citation.Published,
        Snippet = citation.Snippet,
    };
}
