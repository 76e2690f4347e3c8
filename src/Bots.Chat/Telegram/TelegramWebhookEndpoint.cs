using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Telegram;

/// <summary>POST /telegram/webhook: checks Telegram's secret token, queues the update and acknowledges at once
/// (Telegram retries anything but a 2xx, and waiting for the answer would hold its connection).</summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<TelegramOptions> options,
        TelegramChannel channel,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.IsWebhook)
        {
            return Results.NotFound();
        }

        if (!context.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1 || string.IsNullOrEmpty(given[0]))
        {
            return Results.Unauthorized();
        }

        if (!SecretsEqual(given[0]!, settings.WebhookSecret!))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var body = await RequestBody.ReadAsync(context, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, TelegramJson.Options);
        }
        catch (JsonException e)
        {
            loggers.CreateLogger(typeof(TelegramWebhookEndpoint)).LogWarning("Telegram webhook body is not an update: {Reason}", e.Message);
            return Results.BadRequest(new { error = "The body is not a Telegram Update." });
        }

        if (update is null || update.UpdateId <= 0)
        {
            return Results.BadRequest(new { error = "The body is not a Telegram Update (no update_id)." });
        }

        return channel.Accept(update) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Constant-time comparison of hashes, so neither content nor length leaks through timing.</summary>
    public static bool SecretsEqual(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
