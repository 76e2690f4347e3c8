using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bots.Chat.Discord;

// Discord's wire types, limited to the fields this bot reads or writes (discord-api-docs, interactions/*).

public static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;
}

public static class InteractionCallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int AutocompleteResult = 8;
}

public static class MessageFlags
{
    public const int Ephemeral = 64;
}

public sealed class Interaction
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public int Type { get; set; }
    public InteractionData? Data { get; set; }
    public string? GuildId { get; set; }
    public string? ChannelId { get; set; }
    public GuildMember? Member { get; set; }
    public DiscordUser? User { get; set; }
    public string Token { get; set; } = "";

    /// <summary>The person who acted: member.user in a guild, user in a DM.</summary>
    [JsonIgnore]
    public string UserId => Member?.User?.Id ?? User?.Id ?? "";
}

public sealed class InteractionData
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public int? Type { get; set; }
    public List<CommandOption>? Options { get; set; }
}

public sealed class CommandOption
{
    public string Name { get; set; } = "";
    public int Type { get; set; }
    public JsonElement? Value { get; set; }
    public bool? Focused { get; set; }
    public List<CommandOption>? Options { get; set; }

    [JsonIgnore]
    public string Text => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : Value?.ToString() ?? "";
}

public sealed class DiscordUser
{
    public string Id { get; set; } = "";
    public string? Username { get; set; }
}

public sealed class GuildMember
{
    public DiscordUser? User { get; set; }
}

public sealed class InteractionResponse
{
    public int Type { get; set; }
    public object? Data { get; set; }
}

/// <summary>Message body for an interaction response, an edit of the original response, or a follow-up.</summary>
public sealed class MessagePayload
{
    public string? Content { get; set; }
    public List<Embed>? Embeds { get; set; }
    public int? Flags { get; set; }
    public AllowedMentions? AllowedMentions { get; set; }
}

/// <summary>No pings from article text, ever.</summary>
public sealed class AllowedMentions
{
    public List<string> Parse { get; set; } = [];
}

public sealed class Embed
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? Color { get; set; }
    public List<EmbedField>? Fields { get; set; }
    public EmbedFooter? Footer { get; set; }
}

public sealed class EmbedField
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public bool? Inline { get; set; }
}

public sealed class EmbedFooter
{
    public string Text { get; set; } = "";
}

public sealed class AutocompleteResult
{
    public List<CommandChoice> Choices { get; set; } = [];
}

public sealed class CommandChoice
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class ApplicationCommand
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int Type { get; set; } = 1;
    public List<ApplicationCommandOption>? Options { get; set; }
}

public sealed class ApplicationCommandOption
{
    public const int StringType = 3;

    public int Type { get; set; } = StringType;
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool? Required { get; set; }
    public bool? Autocomplete { get; set; }
    public int? MaxLength { get; set; }
}

internal static class DiscordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
