using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Discord;

/// <summary>Discord channel settings (section "Discord"). Without a public key the interactions endpoint is off.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The application's Ed25519 public key (hex), from the developer portal.</summary>
    public string? PublicKey { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>Secret: from the environment (Discord__BotToken), used to register the slash commands.</summary>
    public string? BotToken { get; set; }

    /// <summary>Register the commands in this guild only (instant; global ones take a while to appear).</summary>
    public string? GuildId { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>How long to wait for an answer before deferring (Discord requires a reply within 3 s).</summary>
    public int DeferAfterMilliseconds { get; set; } = 2000;

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicKey);
}

internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled && !HexKey().IsMatch(options.PublicKey!.Trim()))
        {
            errors.Add("Discord:PublicKey must be the 64 hex digits of the application's public key.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !Snowflake().IsMatch(options.ApplicationId))
        {
            errors.Add($"Discord:ApplicationId must be the numeric application id (was \"{options.ApplicationId}\").");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !Snowflake().IsMatch(options.GuildId))
        {
            errors.Add($"Discord:GuildId must be a numeric guild id (was \"{options.GuildId}\").");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL (was \"{options.ApiBaseUrl}\").");
        }

        if (options.DeferAfterMilliseconds is < 0 or > 2500)
        {
            errors.Add($"Discord:DeferAfterMilliseconds must be between 0 and 2500 so the 3-second deadline holds (was {options.DeferAfterMilliseconds}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexKey();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex Snowflake();
}
