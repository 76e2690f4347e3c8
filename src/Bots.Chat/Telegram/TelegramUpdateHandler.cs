using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using Bots.Chat.Commands;
using Microsoft.Extensions.Logging;

namespace Bots.Chat.Telegram;

/// <summary>Handles one update: decides whether the bot is addressed, shows "typing" while the command handler
/// works, and delivers the reply (once) as HTML messages answering the question.</summary>
public sealed class TelegramUpdateHandler(
    TelegramBotClient client,
    CommandHandler handler,
    ILogger<TelegramUpdateHandler> logger)
{
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(4);
    private static readonly HashSet<string> KnownCommands =
        ChatCommands.All.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The bot's own account (from getMe), to recognise "/ask@name" and mentions in groups.</summary>
    public User? Me { get; set; }

    /// <summary>The command this message carries for the bot, or null when the bot should stay quiet.</summary>
    public ChatRequest? ReadRequest(Message message)
    {
        var text = message.Text;
        if (string.IsNullOrWhiteSpace(text) || message.From is { IsBot: true })
        {
            return null;
        }

        var userKey = $"telegram:{message.From?.Id ?? message.Chat.Id}";
        var entities = message.Entities ?? [];
        var startsWithCommand = entities.Any(e => e.Type == "bot_command" && e.Offset == 0);
        if (message.Chat.IsPrivate)
        {
            return ChatRequest.Parse(userKey, text, out _);
        }

        if (startsWithCommand)
        {
            var request = ChatRequest.Parse(userKey, text, out var addressedTo);
            var forUs = addressedTo is null
                ? KnownCommands.Contains(request.Command)
                : Me?.Username is { } name && string.Equals(addressedTo, name, StringComparison.OrdinalIgnoreCase);
            return forUs ? request : null;
        }

        var mention = entities.FirstOrDefault(IsMentionOfMe);
        if (mention is not null)
        {
            var rest = (text[..mention.Offset] + text[(mention.Offset + mention.Length)..]).Trim().TrimStart(',', ':').Trim();
            return rest.Length == 0 ? new ChatRequest(userKey, ChatCommands.Help, "") : ChatRequest.Parse(userKey, rest, out _);
        }

        // A reply to one of the bot's own answers continues the conversation.
        if (Me is not null && message.ReplyToMessage?.From?.Id == Me.Id)
        {
            return ChatRequest.Parse(userKey, text, out _);
        }

        return null;

        bool IsMentionOfMe(MessageEntity e) =>
            Me is not null && e.Offset >= 0 && e.Offset + e.Length <= text.Length &&
            ((e.Type == "mention" && Me.Username is { } name &&
              string.Equals(text.Substring(e.Offset, e.Length), "@" + name, StringComparison.OrdinalIgnoreCase)) ||
             (e.Type == "text_mention" && e.User?.Id == Me.Id));
    }

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var message = update.Message;
        if (message is null || ReadRequest(message) is not { } request)
        {
            return;
        }

        using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = ShowTypingAsync(message.Chat.Id, working.Token);
        ChatReply reply;
        try
        {
            reply = await handler.HandleAsync(request, cancellationToken);
        }
        finally
        {
            await working.CancelAsync();
            await typing;
        }

        await DeliverAsync(message, reply, cancellationToken);
    }

    private async Task DeliverAsync(Message question, ChatReply reply, CancellationToken cancellationToken)
    {
        var parts = TelegramHtmlRenderer.Render(reply);
        for (var i = 0; i < parts.Count; i++)
        {
            var replyTo = i == 0 ? new ReplyParameters { MessageId = question.MessageId, AllowSendingWithoutReply = true } : null;
            try
            {
                await SendAsync(question.Chat.Id, parts[i], ParseMode.Html, replyTo, cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("entities", StringComparison.OrdinalIgnoreCase))
            {
                // Telegram refused the HTML of this part: better the same words as plain text than silence.
                logger.LogError(e, "Telegram refused the HTML of a reply in chat {ChatId}; sending that part as plain text", question.Chat.Id);
                var plain = WebUtility.HtmlDecode(Regex.Replace(parts[i], "<[^>]*>", ""));
                await SendAsync(question.Chat.Id, plain, null, replyTo, cancellationToken);
            }
        }
    }

    private Task<Message> SendAsync(long chatId, string text, string? parseMode, ReplyParameters? replyTo, CancellationToken cancellationToken) =>
        TelegramRetry.RunAsync(
            ct => client.SendMessageAsync(chatId, text, parseMode, replyTo, new LinkPreviewOptions { IsDisabled = true }, ct),
            $"sendMessage to chat {chatId}",
            logger,
            cancellationToken);

    private async Task ShowTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await client.SendChatActionAsync(chatId, ChatAction.Typing, cancellationToken);
                await Task.Delay(TypingInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The reply is ready.
        }
        catch (Exception e) when (e is ApiRequestException or HttpRequestException or TimeoutException)
        {
            // "typing" is a courtesy; the reply matters, not this.
            logger.LogDebug(e, "sendChatAction failed in chat {ChatId}", chatId);
        }
    }
}

/// <summary>Telegram's error handling rules: 429 waits parameters.retry_after, 5xx and connection failures back
/// off. A request that may have reached Telegram (timeout mid-response) is not repeated, so a message is never
/// delivered twice.</summary>
public static class TelegramRetry
{
    private const int MaxAttempts = 8;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

    /// <param name="retryTimeouts">True for calls that are safe to repeat (getMe, setMyCommands): timeouts are retried too.</param>
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> call,
        string what,
        ILogger logger,
        CancellationToken cancellationToken,
        bool retryTimeouts = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                return await call(cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxAttempts)
            {
                wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                wait = wait > MaxRetryAfter ? MaxRetryAfter : wait;
                logger.LogWarning("Telegram rate limit on {What}: retrying after {Seconds} s", what, wait.TotalSeconds);
            }
            catch (Exception e) when (attempt < MaxAttempts && (IsTransient(e) || (retryTimeouts && e is TimeoutException or HttpRequestException)))
            {
                wait = Backoff(attempt);
                logger.LogWarning("Telegram {What} failed ({Reason}); retrying in {Seconds:0.0} s", what, e.Message, wait.TotalSeconds);
            }

            await Task.Delay(wait, cancellationToken);
        }
    }

    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)) * (0.75 + (Random.Shared.NextDouble() / 2)));

    // Server errors and refused connections mean Telegram did not act on the request.
    private static bool IsTransient(Exception e) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        HttpRequestException http => http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        _ => false,
    };
}
