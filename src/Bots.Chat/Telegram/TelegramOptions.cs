using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Telegram;

/// <summary>Telegram channel settings (section "Telegram"). Without a bot token the channel is off.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Secret: from the environment (Telegram__BotToken) or user secrets, never a committed file.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>"polling" (default) or "webhook".</summary>
    public string Mode { get; set; } = "polling";

    /// <summary>Public HTTPS URL that reaches POST /telegram/webhook; required in webhook mode.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram as X-Telegram-Bot-Api-Secret-Token; required in webhook mode.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Seconds one getUpdates long poll waits for news.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool IsWebhook => string.Equals(Mode, "webhook", StringComparison.OrdinalIgnoreCase);
}

internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var errors = new List<string>();
        if (options.Mode is not { } mode || !(mode.Equals("polling", StringComparison.OrdinalIgnoreCase) || options.IsWebhook))
        {
            errors.Add($"Telegram:Mode must be \"polling\" or \"webhook\" (was \"{options.Mode}\").");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            errors.Add($"Telegram:ApiBaseUrl must be an absolute http(s) URL (was \"{options.ApiBaseUrl}\").");
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            errors.Add($"Telegram:PollTimeoutSeconds must be between 0 and 50 (was {options.PollTimeoutSeconds}).");
        }

        if (options.Enabled)
        {
            if (!TokenShape().IsMatch(options.BotToken!.Trim()))
            {
                errors.Add("Telegram:BotToken does not look like a bot token (digits, a colon, then letters, digits, - or _); check the value @BotFather gave.");
            }

            if (options.IsWebhook)
            {
                if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme is not ("https" or "http"))
                {
                    errors.Add("Telegram:WebhookUrl must be the absolute https URL that reaches /telegram/webhook when Telegram:Mode is webhook.");
                }

                if (options.WebhookSecret is not { } secret || !SecretShape().IsMatch(secret))
                {
                    errors.Add("Telegram:WebhookSecret must be 1–256 characters of A-Z, a-z, 0-9, _ and - when Telegram:Mode is webhook.");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
