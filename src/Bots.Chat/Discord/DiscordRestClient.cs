using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Discord;

/// <summary>Discord REST calls this bot makes: the bulk command overwrite and the edit of a deferred response.
/// 429 waits retry_after (body) or Retry-After (header); 5xx and refused connections back off.</summary>
public sealed class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, ILogger<DiscordRestClient> logger)
{
    public const string UserAgent = "DiscordBot (https://github.com/bots-project/bots, 1.0)";
    private const int MaxAttempts = 6;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Replaces the application's commands (guild commands when Discord:GuildId is set).</summary>
    public Task<JsonElement> BulkOverwriteCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var route = string.IsNullOrWhiteSpace(settings.GuildId)
            ? $"applications/{settings.ApplicationId}/commands"
            : $"applications/{settings.ApplicationId}/guilds/{settings.GuildId}/commands";
        return SendAsync(HttpMethod.Put, route, commands, authorize: true, "command registration", cancellationToken);
    }

    /// <param name="applicationId">The interaction's application_id (Discord:ApplicationId when empty).</param>
    public Task<JsonElement> EditOriginalResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Patch,
            $"webhooks/{Application(applicationId)}/{Uri.EscapeDataString(interactionToken)}/messages/@original",
            message,
            authorize: false,
            "edit of the original response",
            cancellationToken);

    private string Application(string applicationId) =>
        Uri.EscapeDataString(string.IsNullOrWhiteSpace(applicationId) ? options.Value.ApplicationId ?? "" : applicationId);

    private async Task<JsonElement> SendAsync(
        HttpMethod method,
        string route,
        object body,
        bool authorize,
        string what,
        CancellationToken cancellationToken)
    {
        var url = $"{options.Value.ApiBaseUrl.TrimEnd('/')}/{route}";
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url)
            {
                Content = JsonContent.Create(body, body.GetType(), options: DiscordJson.Options),
            };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            if (authorize)
            {
                request.Headers.TryAddWithoutValidation("Authorization", $"Bot {options.Value.BotToken}");
            }

            TimeSpan wait;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(RequestTimeout);
            try
            {
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    wait = RetryAfter(response, text);
                    logger.LogWarning("Discord rate limit on the {What}: retrying after {Seconds:0.###} s", what, wait.TotalSeconds);
                }
                else if ((int)response.StatusCode >= 500 && attempt < MaxAttempts)
                {
                    wait = Backoff(attempt);
                    logger.LogWarning("Discord {What} failed with {Status}; retrying in {Seconds:0.0} s", what, (int)response.StatusCode, wait.TotalSeconds);
                }
                else
                {
                    throw new DiscordApiException((int)response.StatusCode, $"Discord {what} failed: HTTP {(int)response.StatusCode} {Shorten(text)}");
                }
            }
            catch (HttpRequestException e) when (attempt < MaxAttempts && e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                wait = Backoff(attempt);
                logger.LogWarning("Discord {What} could not connect ({Reason}); retrying in {Seconds:0.0} s", what, e.Message, wait.TotalSeconds);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Discord {what} did not answer within {RequestTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(wait, cancellationToken);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response, string body)
    {
        double? seconds = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("retry_after", out var value) && value.TryGetDouble(out var parsed))
            {
                seconds = parsed;
            }
        }
        catch (JsonException)
        {
            // Fall back to the header.
        }

        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var values) &&
            double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            seconds = header;
        }

        var wait = TimeSpan.FromSeconds(Math.Max(0.05, seconds ?? 1));
        return wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(20, Math.Pow(2, attempt - 1)) * (0.75 + (Random.Shared.NextDouble() / 2)));

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}

public sealed class DiscordApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
