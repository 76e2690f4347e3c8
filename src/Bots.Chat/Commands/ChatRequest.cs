namespace Bots.Chat.Commands;

/// <summary>A command from any channel. <see cref="UserKey"/> identifies the person across messages
/// (channel-qualified, e.g. "telegram:42") for rate limits and follow-up questions.</summary>
public sealed record ChatRequest(string UserKey, string Command, string Argument)
{
    /// <summary>Reads "/ask@news_bot when was it?" or plain text (a question) into a request.
    /// Returns the "@bot" suffix separately so a channel can check the command was meant for it.</summary>
    public static ChatRequest Parse(string userKey, string text, out string? addressedTo)
    {
        addressedTo = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('/'))
        {
            return new ChatRequest(userKey, ChatCommands.Ask, trimmed);
        }

        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        var head = trimmed[1..end];
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            addressedTo = head[(at + 1)..];
            head = head[..at];
        }

        return new ChatRequest(userKey, head.ToLowerInvariant(), trimmed[end..].Trim());
    }
}

/// <summary>The command names every channel offers.</summary>
public static class ChatCommands
{
    public const string Start = "start";
    public const string Help = "help";
    public const string Ask = "ask";
    public const string Summary = "summary";
    public const string Timeline = "timeline";
    public const string Sources = "sources";
    public const string Article = "article";

    /// <summary>Name, argument hint and description, in the order help shows them.</summary>
    public static readonly IReadOnlyList<(string Name, string Argument, string Description)> All =
    [
        (Ask, "question", "Ask a question about the news, e.g. /ask When did Abbas visit Moscow?"),
        (Summary, "topic", "Summarise what the articles say about a topic"),
        (Timeline, "topic", "Dated events about a topic, oldest first"),
        (Sources, "", "What the article collection holds"),
        (Article, "id", "Show one article with a short summary"),
        (Help, "", "How to use this bot"),
        (Start, "", "Welcome and first steps"),
    ];
}
