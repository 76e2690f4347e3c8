using System.ComponentModel.DataAnnotations;

namespace Bots.QuestionAnswering;

/// <summary>Settings of the question-answering service (section `QuestionAnswering`).</summary>
public sealed class QuestionAnsweringOptions
{
    public const string Section = "QuestionAnswering";

    /// <summary>Longest question accepted, in characters: about what a chat message can hold.</summary>
    [Range(1, 100_000)]
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>How long one Ask may take, store calls included, before it gives up.</summary>
    [Range(100, 600_000)]
    public int TimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// Questions answered at once (cache misses); the rest wait their turn, newest first, within their timeout.
    /// Enough to keep the cores and the store busy, few enough that overload queues instead of slowing every ask.
    /// 0 means four per processor.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxConcurrentAnswers { get; set; }

    /// <summary>Questions that may wait for a turn; beyond this the oldest waiting Ask is refused with RESOURCE_EXHAUSTED.</summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedAnswers { get; set; } = 10_000;
}
