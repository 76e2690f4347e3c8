using Bots.Contracts.V1;
using Bots.Summarizer.Summaries;
using Bots.Summarizer.Timelines;
using Bots.Summarizer.Topics;
using Grpc.Core;
using SummarySentence = Bots.Contracts.V1.SummarySentence;

namespace Bots.Summarizer.Grpc;

/// <summary>The Summarizer gRPC service: maps requests to the domain summarisers and failures to status codes.</summary>
public sealed class SummarizerService(ArticleSummarizer articles, TopicSummarizer topics, TimelineBuilder timelines)
    : Contracts.V1.Summarizer.SummarizerBase
{
    public override Task<Summary> SummarizeArticle(SummarizeArticleRequest request, ServerCallContext context) =>
        RunAsync(async () => ToProto(await articles.SummarizeAsync(request.ArticleId, request.MaxSentences, context.CancellationToken)));

    public override Task<Summary> SummarizeTopic(SummarizeTopicRequest request, ServerCallContext context) =>
        RunAsync(async () => ToProto(await topics.SummarizeAsync(
            new TopicRequest(request.Query, request.MaxSentences, request.Source, request.PublishedAfter, request.PublishedBefore),
            context.CancellationToken)));

    public override Task<TimelineResponse> Timeline(TimelineRequest request, ServerCallContext context) =>
        RunAsync(async () =>
        {
            var events = await timelines.BuildAsync(request.Query, request.MaxEvents, context.CancellationToken);
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

    private static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
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
