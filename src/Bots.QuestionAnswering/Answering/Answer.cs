namespace Bots.QuestionAnswering.Answering;

/// <summary>A question as a chat user sends it, with optional conversation context for follow-ups.</summary>
public sealed record Question(string Text, string? PreviousQuestion = null, string? PreviousAnswer = null);

/// <summary>Where an answer came from.</summary>
public sealed record AnswerCitation(long ArticleId, string Title, string Source, string Url, string Published, string Snippet);

/// <summary>
/// The reply to a question: the short answer with its evidence sentence and sources, or a decline that says what the
/// articles do cover.
/// </summary>
public sealed record Answer(
    bool Answered,
    string Text,
    string Evidence,
    IReadOnlyList<AnswerCitation> Citations,
    double Confidence,
    string AnswerType,
    string Message,
    IReadOnlyList<string> Alternatives)
{
    public static Answer Decline(string answerType, string message, IReadOnlyList<AnswerCitation>? related = null) =>
        new(false, string.Empty, string.Empty, related ?? [], 0, answerType, message, []);
}

/// <summary>The question cannot be asked as sent (empty, too long); the message says how to fix it.</summary>
public sealed class InvalidQuestionException(string message) : Exception(message);
