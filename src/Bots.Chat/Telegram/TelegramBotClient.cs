using System.Net.Http.Json;
using System.Text.Json;

namespace Bots.Chat.Telegram;

/// <summary>A small Bot API client shaped like Telegram.Bot's <c>TelegramBotClient</c>: one method per API call,
/// failures as <see cref="ApiRequestException"/> (Telegram refused) or <see cref="HttpRequestException"/> /
/// <see cref="TimeoutException"/> (network).</summary>
public sealed class TelegramBotClient
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly string _baseUrl;

    /// <param name="token">The bot token; never logged.</param>
    /// <param name="httpClient">Its own Timeout should be infinite: long polls set theirs per call.</param>
    /// <param name="baseUrl">https://api.telegram.org, a local Bot API server, or a stand-in.</param>
    public TelegramBotClient(string token, HttpClient httpClient, string baseUrl = "https://api.telegram.org")
    {
        _http = httpClient;
        _baseUrl = $"{baseUrl.TrimEnd('/')}/bot{token}/";
    }

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        CallAsync<User>("getMe", new { }, RequestTimeout, cancellationToken);

    /// <param name="offset">Last handled update_id + 1: confirms (and drops) every earlier update.</param>
    /// <param name="timeout">Seconds Telegram holds the request open when no update is waiting.</param>
    public Task<Update[]> GetUpdatesAsync(
        long? offset = null,
        int? limit = null,
        int? timeout = null,
        IEnumerable<string>? allowedUpdates = null,
        CancellationToken cancellationToken = default) =>
        CallAsync<Update[]>(
            "getUpdates",
            new { offset, limit, timeout, allowed_updates = allowedUpdates?.ToArray() },
            RequestTimeout + TimeSpan.FromSeconds(timeout ?? 0),
            cancellationToken);

    public Task<Message> SendMessageAsync(
        long chatId,
        string text,
        string? parseMode = null,
        ReplyParameters? replyParameters = null,
        LinkPreviewOptions? linkPreviewOptions = null,
        CancellationToken cancellationToken = default) =>
        CallAsync<Message>(
            "sendMessage",
            new
            {
                chat_id = chatId,
                text,
                parse_mode = parseMode,
                reply_parameters = replyParameters,
                link_preview_options = linkPreviewOptions,
            },
            RequestTimeout,
            cancellationToken);

    public Task SendChatActionAsync(long chatId, string action, CancellationToken cancellationToken = default) =>
        CallAsync<bool>("sendChatAction", new { chat_id = chatId, action }, RequestTimeout, cancellationToken);

    public Task SetMyCommandsAsync(IEnumerable<BotCommand> commands, CancellationToken cancellationToken = default) =>
        CallAsync<bool>("setMyCommands", new { commands = commands.ToArray() }, RequestTimeout, cancellationToken);

    public Task SetWebhookAsync(
        string url,
        string? secretToken = null,
        IEnumerable<string>? allowedUpdates = null,
        bool? dropPendingUpdates = null,
        CancellationToken cancellationToken = default) =>
        CallAsync<bool>(
            "setWebhook",
            new { url, secret_token = secretToken, allowed_updates = allowedUpdates?.ToArray(), drop_pending_updates = dropPendingUpdates },
            RequestTimeout,
            cancellationToken);

    public Task DeleteWebhookAsync(bool? dropPendingUpdates = null, CancellationToken cancellationToken = default) =>
        CallAsync<bool>("deleteWebhook", new { drop_pending_updates = dropPendingUpdates }, RequestTimeout, cancellationToken);

    private async Task<T> CallAsync<T>(string method, object body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(_baseUrl + method, body, TelegramJson.Options, timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Telegram {method} did not answer within {timeout.TotalSeconds:0} s.");
        }

        using (response)
        {
            ApiResponse<T>? result = null;
            try
            {
                result = await response.Content.ReadFromJsonAsync<ApiResponse<T>>(TelegramJson.Options, timeoutSource.Token);
            }
            catch (JsonException)
            {
                // A proxy's HTML error page or similar: reported below by HTTP status.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Telegram {method} did not answer within {timeout.TotalSeconds:0} s.");
            }

            if (result is { Ok: true, Result: not null })
            {
                return result.Result;
            }

            var code = result?.ErrorCode ?? (int)response.StatusCode;
            var description = result?.Description ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            throw new ApiRequestException($"Telegram {method} failed: {description}", code, result?.Parameters);
        }
    }
}
