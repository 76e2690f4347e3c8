using Bots.Contracts.V1;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Retrieval;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Bots.QuestionAnswering.Grpc;

/// <summary>The QuestionAnswering gRPC service: validates, asks the domain <see cref="QuestionAnswerer"/>, maps failures to status codes.</summary>
public sealed class QuestionAnsweringService(QuestionAnswerer answerer, IOptions<QuestionAnsweringOptions> options) : Contracts.V1.QuestionAnswering.QuestionAnsweringBase
{
    public override async Task<AskResponse> Ask(AskRequest request, ServerCallContext context)
    {
        Answer answer;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(options.Value.TimeoutMilliseconds);
        try
        {
            answer = await answerer.AskAsync(new Question(request.Question, request.PreviousQuestion, request.PreviousAnswer), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"Answering took longer than {options.Value.TimeoutMilliseconds} ms; try a shorter or more specific question."));
        }
        catch (InvalidQuestionException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (PassageSearchUnavailableException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The articles cannot be searched right now; try again shortly. {e.Message}"));
        }

        return ToResponse(answer);
    }

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
