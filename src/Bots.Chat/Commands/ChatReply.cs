namespace Bots.Chat.Commands;

public enum ReplyKind
{
    /// <summary>Plain information: welcome, help, usage.</summary>
    Text,
    Answer,
    /// <summary>The service declined to answer; the lines say what the articles do cover.</summary>
    Declined,
    Summary,
    Timeline,
    Sources,
    Article,
    /// <summary>Something failed or the input was wrong; the text says what to do.</summary>
    Error,
    RateLimited,
}

/// <summary>A source shown under a reply; <see cref="Published"/> is as stored (ISO 8601).</summary>
public sealed record ReplySource(string Title, string Url, string Publisher, string Published);

/// <summary>One line of a reply. <see cref="Source"/> is a 1-based index into <see cref="ChatReply.Sources"/>.</summary>
public sealed record ReplyLine(string Text, int? Source = null, string? Label = null);

/// <summary>What the bot says, independent of the channel that renders it.</summary>
public sealed record ChatReply
{
    public required ReplyKind Kind { get; init; }

    /// <summary>The short answer, or the heading of a summary, timeline or list.</summary>
    public string? Headline { get; init; }

    /// <summary>The sentence that supports the answer.</summary>
    public string? Evidence { get; init; }

    public IReadOnlyList<ReplyLine> Lines { get; init; } = [];

    public IReadOnlyList<ReplySource> Sources { get; init; } = [];

    public bool IsError => Kind is ReplyKind.Error or ReplyKind.RateLimited;

    public static ChatReply Error(string message) =>
        new() { Kind = ReplyKind.Error, Lines = [new ReplyLine(message)] };

    public static ChatReply Text(string? headline, params ReplyLine[] lines) =>
        new() { Kind = ReplyKind.Text, Headline = headline, Lines = lines };
}
