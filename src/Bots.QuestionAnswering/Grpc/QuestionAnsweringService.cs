using Bots.Caching;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Retrieval;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bots.QuestionAnswering.Grpc;

/// <summary>
/// The QuestionAnswering gRPC service: validates, answers from the cache or the domain
/// <see cref="QuestionAnswerer"/> within the configured time, maps failures to status codes. Answers are
/// cached under the store's corpus version, so an article added or deleted since is never hidden
/// behind a cached answer.
/// </summary>
public sealed class QuestionAnsweringService(
    QuestionAnswerer answerer,
    ResponseCache cache,
    CorpusVersionSource corpus,
    AnswerAdmission admission,
    IOptions<QuestionAnsweringOptions> options) : Contracts.V1.QuestionAnswering.QuestionAnsweringBase
{
    public override async Task<AskResponse> Ask(AskRequest request, ServerCallContext context)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(options.Value.TimeoutMilliseconds);
        try
        {
            answerer.Validate(request.Question);
            var version = await corpus.GetAsync(timeout.Token).ConfigureAwait(false);
            var key = string.Join('\n',
                QuestionNormalizer.Normalize(request.Question),
                QuestionNormalizer.Normalize(request.PreviousQuestion),
                QuestionNormalizer.Normalize(request.PreviousAnswer));
            return await cache.GetOrCreateAsync("answer", key, version, ct => AnswerAsync(request, ct), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }
            && timeout.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Our own time ran out, whether while waiting for a turn, computing, or inside a store call (which
            // reports the cancellation as CANCELLED): that is a deadline, not the caller hanging up.
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"Answering took longer than {options.Value.TimeoutMilliseconds} ms; try a shorter or more specific question, or again shortly."));
        }
        catch (AnswerQueueFullException e)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message));
        }
        catch (InvalidQuestionException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (PassageSearchUnavailableException e)
        {
            throw Unavailable(e.Message);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw Unavailable(e.Status.Detail);
        }
    }

    private async Task<AskResponse> AnswerAsync(AskRequest request, CancellationToken cancellationToken)
    {
        using var turn = await admission.WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        return ToResponse(await answerer.AskAsync(new Question(request.Question, request.PreviousQuestion, request.PreviousAnswer), cancellationToken).ConfigureAwait(false));
    }

    private static RpcException Unavailable(string detail) =>
        new(new Status(StatusCode.Unavailable, $"The articles cannot be searched right now (the article store is not answering); try again shortly. {detail}"));

    /// <summary>The wire form of a domain answer.</summary>
    public static AskResponse ToResponse(Answer answer)
    {
        var response = new AskResponse
        {
            Answered = answer.Answered,
            Answer = answer.Text,
            Evidence = answer.Evidence,
            Confidence = answer.Confidence,
            AnswerType = answer.AnswerType,
            Message = answer.Message,
        };
        response.Alternatives.AddRange(answer.Alternatives);
        response.Citations.AddRange(answer.Citations.Select(c => new Citation
        {
            ArticleId = c.ArticleId,
            Title = c.Title,
            Source = c.Source,
            Url = c.Url,
            Published = c.Published,
            Snippet = c.Snippet,
        }));
        return response;
    }
}
