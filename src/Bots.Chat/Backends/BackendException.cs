namespace Bots.Chat.Backends;

public enum BackendService
{
    QuestionAnswering,
    Summarizer,
    ArticleStore,
}

public enum BackendFailure
{
    /// <summary>Not reachable, overloaded or timed out: worth trying again later.</summary>
    Unavailable,
    NotFound,
    /// <summary>The service refused the input; the message says why.</summary>
    Rejected,
    /// <summary>Anything else: a bug or misconfiguration on the service side.</summary>
    Failed,
}

/// <summary>A back-end call failed; carries which service and how, free of transport details.</summary>
public sealed class BackendException(BackendService service, BackendFailure failure, string detail, Exception? inner = null)
    : Exception($"{DisplayName(service)}: {failure}: {detail}", inner)
{
    public BackendService Service { get; } = service;

    public BackendFailure Failure { get; } = failure;

    public string Detail { get; } = detail;

    public static string DisplayName(BackendService service) => service switch
    {
        BackendService.QuestionAnswering => "the question-answering service",
        BackendService.Summarizer => "the summariser",
        BackendService.ArticleStore => "the article store",
        _ => service.ToString(),
    };
}
