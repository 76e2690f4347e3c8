using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bots.Chat.Telegram;

// Bot API types (core.telegram.org/bots/api), limited to the fields this bot uses; names as in Telegram.Bot.

public sealed class Update
{
    public long UpdateId { get; set; }
    public Message? Message { get; set; }
    public Message? EditedMessage { get; set; }
}

public sealed class Message
{
    public long MessageId { get; set; }
    public User? From { get; set; }
    public Chat Chat { get; set; } = new();
    public long Date { get; set; }
    public string? Text { get; set; }
    public List<MessageEntity>? Entities { get; set; }
    public Message? ReplyToMessage { get; set; }
}

public sealed class Chat
{
    public long Id { get; set; }

    /// <summary>"private", "group", "supergroup" or "channel".</summary>
    public string Type { get; set; } = "";
    public string? Title { get; set; }
    public string? Username { get; set; }

    [JsonIgnore]
    public bool IsPrivate => Type == ChatType.Private;
}

public static class ChatType
{
    public const string Private = "private";
    public const string Group = "group";
    public const string Supergroup = "supergroup";
}

public sealed class User
{
    public long Id { get; set; }
    public bool IsBot { get; set; }
    public string FirstName { get; set; } = "";
    public string? Username { get; set; }
}

/// <summary>Offsets and lengths are in UTF-16 code units, as .NET strings index.</summary>
public sealed class MessageEntity
{
    /// <summary>"bot_command", "mention", "text_mention", ...</summary>
    public string Type { get; set; } = "";
    public int Offset { get; set; }
    public int Length { get; set; }
    public User? User { get; set; }
}

public sealed class BotCommand
{
    public string Command { get; set; } = "";
    public string Description { get; set; } = "";
}

public sealed class ReplyParameters
{
    public long MessageId { get; set; }

    /// <summary>Send anyway if the question was deleted meanwhile, instead of failing.</summary>
    public bool? AllowSendingWithoutReply { get; set; }
}

public sealed class LinkPreviewOptions
{
    public bool? IsDisabled { get; set; }
}

public static class ParseMode
{
    public const string Html = "HTML";
}

public static class ChatAction
{
    public const string Typing = "typing";
}

/// <summary>Extra information on a failed request: <see cref="RetryAfter"/> seconds for 429 Too Many Requests.</summary>
public sealed class ResponseParameters
{
    public int? RetryAfter { get; set; }
    public long? MigrateToChatId { get; set; }
}

internal sealed class ApiResponse<T>
{
    public bool Ok { get; set; }
    public T? Result { get; set; }
    public int? ErrorCode { get; set; }
    public string? Description { get; set; }
    public ResponseParameters? Parameters { get; set; }
}

public static class TelegramJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Telegram answered <c>ok: false</c> (or a non-JSON error status); as in Telegram.Bot.</summary>
public sealed class ApiRequestException(string message, int errorCode, ResponseParameters? parameters = null) : Exception(message)
{
    public int ErrorCode { get; } = errorCode;

    public ResponseParameters? Parameters { get; } = parameters;
}
