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
}
