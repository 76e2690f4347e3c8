using Microsoft.Extensions.Options;

namespace Bots.Chat;

/// <summary>Settings shared by every chat channel (section "Chat").</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Questions (ask, summary, timeline, article) one user may send per minute.</summary>
    public int QuestionsPerMinute { get; set; } = 10;

    /// <summary>Console channel: null = on when stdin is a terminal; true/false forces it.</summary>
    public bool? Console { get; set; }

    /// <summary>Deadline for one back-end call.</summary>
    public int BackendTimeoutSeconds { get; set; } = 20;

    /// <summary>Longer questions are refused with a message rather than sent to the services.</summary>
    public int MaxQuestionLength { get; set; } = 1000;
}

internal sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var errors = new List<string>();
        if (options.QuestionsPerMinute is < 1 or > 10_000)
        {
            errors.Add($"Chat:QuestionsPerMinute must be between 1 and 10000 (was {options.QuestionsPerMinute}).");
        }

        if (options.BackendTimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"Chat:BackendTimeoutSeconds must be between 1 and 600 (was {options.BackendTimeoutSeconds}).");
        }

        if (options.MaxQuestionLength is < 10 or > 100_000)
        {
            errors.Add($"Chat:MaxQuestionLength must be between 10 and 100000 (was {options.MaxQuestionLength}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
