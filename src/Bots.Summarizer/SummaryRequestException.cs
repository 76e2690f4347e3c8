namespace Bots.Summarizer;

/// <summary>Why a summary request cannot be served.</summary>
public enum SummaryFailure
{
    InvalidArgument,
    NotFound,

    /// <summary>The article store could not be reached; the request may succeed later.</summary>
    Unavailable,
}

/// <summary>A request the caller must change: a bad argument or an unknown article. The message says what to change.</summary>
public sealed class SummaryRequestException(SummaryFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public SummaryFailure Failure { get; } = failure;
}
