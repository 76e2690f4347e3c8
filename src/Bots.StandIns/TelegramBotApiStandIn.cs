using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.StandIns;

/// <summary>
/// A stand-in Telegram Bot API server on loopback that behaves like api.telegram.org for the methods a bot uses:
/// <c>/bot&lt;token&gt;/&lt;method&gt;</c> with JSON bodies, <c>{ok, result}</c> or
/// <c>{ok:false, error_code, description, parameters}</c> replies, getUpdates long polling with offset
/// confirmation, 409 while a webhook is set, webhook delivery with the secret header (retried on non-2xx),
/// HTML parse-mode checking and the 4,096-character limit on sendMessage, and injectable failures
/// (429 with retry_after, 5xx).
/// </summary>
public sealed partial class TelegramBotApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly Dictionary<long, JsonObject> _delivered = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<string> _calls = [];
    private readonly List<long> _chatActions = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, long> _nextMessageId = [];
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<bool>? _activePoll;
    private long _nextUpdateId = 100_000;
    private long _confirmedOffset;

    private TelegramBotApiStandIn(WebApplication app, string token, long botId, string botUsername)
    {
        _app = app;
        Token = token;
        BotId = botId;
        BotUsername = botUsername;
    }

    public string Token { get; }

    public long BotId { get; }

    public string BotUsername { get; }

    /// <summary>The value for Telegram:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>The last setMyCommands payload's commands.</summary>
    public JsonArray? Commands { get; private set; }

    /// <summary>HTTP statuses the bot's webhook answered, in order.</summary>
    public ConcurrentQueue<int> WebhookResponses { get; } = new();

    /// <summary>The highest offset a getUpdates call has confirmed.</summary>
    public long ConfirmedOffset
    {
        get
        {
            lock (_gate)
            {
                return _confirmedOffset;
            }
        }
    }

    public IReadOnlyList<SentMessage> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Called for every sendMessage the API accepted, as it is accepted (load runs time replies by it).</summary>
    public Action<SentMessage>? MessageSent { get; set; }

    public int ChatActionsIn(long chatId)
    {
        lock (_gate)
        {
            return _chatActions.Count(c => c == chatId);
        }
    }

    /// <summary>Starts on loopback <paramref name="port"/> (0: any free port).</summary>
    public static async Task<TelegramBotApiStandIn> StartAsync(string token = "123456:TEST-token_abc", string botUsername = "news_bot", int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        var server = new TelegramBotApiStandIn(app, token, long.Parse(token.Split(':')[0], CultureInfo.InvariantCulture), botUsername);
        app.Map("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>A user writes to the bot. Entities are computed as Telegram does (a leading /command, @mentions).
    /// Returns the update id; the update goes to the webhook when one is set, else waits for getUpdates.</summary>
    public long SendUserMessage(long chatId, string text, string chatType = "private", long? fromId = null, long? replyToMessageId = null)
    {
        var from = fromId ?? chatId;
        JsonObject update;
        long updateId;
        lock (_gate)
        {
            updateId = ++_nextUpdateId;
            var message = new JsonObject
            {
                ["message_id"] = NextMessageId(chatId),
                ["from"] = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = "Reader", ["username"] = $"reader{from}" },
                ["chat"] = chatType == "private"
                    ? new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Reader" }
                    : new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "News readers" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = text,
            };
            var entities = Entities(text);
            if (entities.Count > 0)
            {
                message["entities"] = entities;
            }

            if (replyToMessageId is { } replied)
            {
                var original = _sent.FirstOrDefault(m => m.ChatId == chatId && m.MessageId == replied);
                message["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = replied,
                    ["from"] = original is null
                        ? new JsonObject { ["id"] = from + 1, ["is_bot"] = false, ["first_name"] = "Someone" }
                        : new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "News", ["username"] = BotUsername },
                    ["chat"] = message["chat"]!.DeepClone(),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["text"] = original?.Text ?? "earlier message",
                };
            }

            update = new JsonObject { ["update_id"] = updateId, ["message"] = message };
            _pending.Add(update);
            _delivered[updateId] = (JsonObject)update.DeepClone();
            _updateArrived.TrySetResult();
        }

        if (WebhookUrl is not null)
        {
            _ = PushToWebhookAsync(update);
        }

        return updateId;
    }

    /// <summary>Offers an update again, as Telegram does when the getUpdates call confirming it never came
    /// (the bot crashed right after answering).</summary>
    public void Redeliver(long updateId)
    {
        lock (_gate)
        {
            if (_pending.All(u => u["update_id"]!.GetValue<long>() != updateId) && _delivered.TryGetValue(updateId, out var update))
            {
                _pending.Insert(0, (JsonObject)update.DeepClone());
                _confirmedOffset = Math.Min(_confirmedOffset, updateId);
                _updateArrived.TrySetResult();
            }
        }
    }

    /// <summary>The next call of <paramref name="method"/> fails with this error instead of running.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null) =>
        _failures.GetOrAdd(method, _ => new ConcurrentQueue<Failure>()).Enqueue(new Failure(errorCode, description, retryAfter));

    /// <summary>Waits until at least <paramref name="count"/> sent messages match, then returns them.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(Func<SentMessage, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = SentMessages.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} matching sent message(s), saw {found.Count}. All sent: " +
                    string.Join(" | ", SentMessages.Select(m => $"{m.ChatId}: {m.Text}")));
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _activePoll?.TrySetResult(false);
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _webhookClient.Dispose();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        if (token != Token)
        {
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        JsonObject args;
        try
        {
            args = await ReadArgumentsAsync(context.Request);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "Bad Request: can't parse JSON object");
            return;
        }

        lock (_gate)
        {
            _calls.Add(method);
        }

        if (_failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure))
        {
            await ErrorAsync(context, failure.ErrorCode, failure.Description, failure.RetryAfter);
            return;
        }

        switch (method.ToLowerInvariant())
        {
            case "getme":
                await OkAsync(context, BotUser());
                break;
            case "getupdates":
                await GetUpdatesAsync(context, args);
                break;
            case "sendmessage":
                await SendMessageAsync(context, args);
                break;
            case "sendchataction":
                if (args["chat_id"] is null || args["action"] is null)
                {
                    await ErrorAsync(context, 400, "Bad Request: chat_id is empty");
                    return;
                }

                lock (_gate)
                {
                    _chatActions.Add(args["chat_id"]!.GetValue<long>());
                }

                await OkAsync(context, true);
                break;
            case "setmycommands":
                if (args["commands"] is not JsonArray commands || commands.Count > 100 ||
                    commands.Any(c => c?["command"]?.GetValue<string>() is not { } name || !CommandName().IsMatch(name) ||
                        c["description"]?.GetValue<string>() is not { Length: >= 1 and <= 256 }))
                {
                    await ErrorAsync(context, 400, "Bad Request: BOT_COMMAND_INVALID");
                    return;
                }

                Commands = commands;
                await OkAsync(context, true);
                break;
            case "setwebhook":
                await SetWebhookAsync(context, args);
                break;
            case "deletewebhook":
                WebhookUrl = null;
                WebhookSecret = null;
                await OkAsync(context, true);
                break;
            default:
                await ErrorAsync(context, 404, "Not Found");
                break;
        }
    }

    private async Task GetUpdatesAsync(HttpContext context, JsonObject args)
    {
        if (WebhookUrl is not null)
        {
            await ErrorAsync(context, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            return;
        }

        var offset = args["offset"]?.GetValue<long>();
        var limit = Math.Clamp(args["limit"]?.GetValue<int>() ?? 100, 1, 100);
        var timeout = Math.Max(0, args["timeout"]?.GetValue<int>() ?? 0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(timeout);
        TaskCompletionSource<bool> poll = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            // Telegram allows one long poll per bot: a newer one ends the older with 409.
            _activePoll?.TrySetResult(true);
            _activePoll = poll;
        }

        while (true)
        {
            Task arrived;
            JsonObject[] batch;
            lock (_gate)
            {
                if (offset is { } confirmed)
                {
                    // offset confirms every update before it: they are gone for good.
                    _pending.RemoveAll(u => u["update_id"]!.GetValue<long>() < confirmed);
                    _confirmedOffset = Math.Max(_confirmedOffset, confirmed);
                }

                batch = [.. _pending.Take(limit).Select(u => (JsonObject)u.DeepClone())];
                if (batch.Length == 0)
                {
                    _updateArrived = _updateArrived.Task.IsCompleted
                        ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
                        : _updateArrived;
                }

                arrived = _updateArrived.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (batch.Length > 0 || remaining <= TimeSpan.Zero)
            {
                lock (_gate)
                {
                    if (_activePoll == poll)
                    {
                        _activePoll = null;
                    }
                }

                await OkAsync(context, new JsonArray(batch));
                return;
            }

            var finished = await Task.WhenAny(arrived, poll.Task, Task.Delay(remaining, context.RequestAborted));
            if (finished == poll.Task)
            {
                if (poll.Task.Result)
                {
                    await ErrorAsync(context, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }
                else
                {
                    context.Abort();
                }

                return;
            }

            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SendMessageAsync(HttpContext context, JsonObject args)
    {
        if (args["chat_id"] is not JsonValue chatValue || !chatValue.TryGetValue<long>(out var chatId))
        {
            await ErrorAsync(context, 400, "Bad Request: chat_id is empty");
            return;
        }

        var text = args["text"]?.GetValue<string>() ?? "";
        var parseMode = args["parse_mode"]?.GetValue<string>();
        string visible;
        if (string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            if (TelegramHtml.Check(text, out visible) is { } problem)
            {
                await ErrorAsync(context, 400, "Bad Request: can't parse entities: " + problem);
                return;
            }
        }
        else
        {
            visible = text;
        }

        if (visible.Trim().Length == 0)
        {
            await ErrorAsync(context, 400, "Bad Request: message text is empty");
            return;
        }

        if (visible.Length > 4096)
        {
            await ErrorAsync(context, 400, "Bad Request: message is too long");
            return;
        }

        long? replyTo = args["reply_parameters"]?["message_id"]?.GetValue<long>();
        SentMessage sent;
        lock (_gate)
        {
            sent = new SentMessage(chatId, NextMessageId(chatId), text, visible, parseMode, replyTo,
                args["link_preview_options"]?["is_disabled"]?.GetValue<bool>() == true, DateTime.UtcNow);
            _sent.Add(sent);
        }

        MessageSent?.Invoke(sent);

        await OkAsync(context, new JsonObject
        {
            ["message_id"] = sent.MessageId,
            ["from"] = BotUser(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = visible,
        });
    }

    private async Task SetWebhookAsync(HttpContext context, JsonObject args)
    {
        var url = args["url"]?.GetValue<string>() ?? "";
        var secret = args["secret_token"]?.GetValue<string>();
        if (url.Length == 0)
        {
            WebhookUrl = null;
            await OkAsync(context, true);
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            await ErrorAsync(context, 400, "Bad Request: bad webhook: Failed to resolve host");
            return;
        }

        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            await ErrorAsync(context, 400, "Bad Request: secret token contains unallowed characters");
            return;
        }

        WebhookUrl = url;
        WebhookSecret = secret;
        await OkAsync(context, true);

        // Updates that arrived before the webhook was set are delivered to it now, as Telegram does.
        JsonObject[] waiting;
        lock (_gate)
        {
            waiting = [.. _pending];
        }

        foreach (var update in waiting)
        {
            _ = PushToWebhookAsync(update);
        }
    }

    private async Task PushToWebhookAsync(JsonObject update)
    {
        for (var attempt = 0; attempt < 5 && WebhookUrl is { } url; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                if (WebhookSecret is { } secret)
                {
                    request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                }

                using var response = await _webhookClient.SendAsync(request);
                WebhookResponses.Enqueue((int)response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    lock (_gate)
                    {
                        _pending.Remove(update);
                    }

                    return;
                }
            }
            catch (HttpRequestException)
            {
                WebhookResponses.Enqueue(0);
            }

            await Task.Delay(200 * (attempt + 1));
        }
    }

    private JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "News",
        ["username"] = BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
    };

    private long NextMessageId(long chatId)
    {
        var next = _nextMessageId.GetValueOrDefault(chatId) + 1;
        _nextMessageId[chatId] = next;
        return next;
    }

    private static JsonArray Entities(string text)
    {
        var entities = new JsonArray();
        var command = LeadingCommand().Match(text);
        if (command.Success)
        {
            entities.Add(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command.Length });
        }

        foreach (Match mention in Mention().Matches(text))
        {
            entities.Add(new JsonObject { ["type"] = "mention", ["offset"] = mention.Index, ["length"] = mention.Length });
        }

        return entities;
    }

    private static async Task<JsonObject> ReadArgumentsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            args[key] = JsonValue.Create(value.ToString());
        }

        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            if (request.HasJsonContentType())
            {
                var body = await JsonNode.ParseAsync(request.Body);
                if (body is JsonObject json)
                {
                    foreach (var (key, value) in json.ToList())
                    {
                        json.Remove(key);
                        args[key] = value;
                    }
                }
            }
            else if (request.HasFormContentType)
            {
                foreach (var (key, value) in await request.ReadFormAsync())
                {
                    args[key] = JsonValue.Create(value.ToString());
                }
            }
        }

        return args;
    }

    private static Task OkAsync(HttpContext context, JsonNode result) =>
        WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Task ErrorAsync(HttpContext context, int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        if (code == 429 && retryAfter is { } header)
        {
            context.Response.Headers.RetryAfter = header.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, code, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?(?=\s|$)")]
    private static partial Regex LeadingCommand();

    [GeneratedRegex(@"(?<![\w@])@[A-Za-z0-9_]{5,32}\b")]
    private static partial Regex Mention();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();

    private sealed record Failure(int ErrorCode, string Description, int? RetryAfter);

    /// <summary>A message the bot sent: its raw text (HTML when parse_mode is HTML) and the text users see.</summary>
    public sealed record SentMessage(
        long ChatId,
        long MessageId,
        string Text,
        string VisibleText,
        string? ParseMode,
        long? ReplyToMessageId,
        bool LinkPreviewDisabled,
        DateTime At);
}

/// <summary>Telegram's HTML parse mode: the supported tags, properly nested, and only &amp;lt; &amp;gt; &amp;amp;
/// &amp;quot; and numeric entities.</summary>
internal static class TelegramHtml
{
    private static readonly HashSet<string> Tags = new(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler", "blockquote", "tg-emoji",
    };

    /// <summary>Null when Telegram would accept the text; otherwise its complaint. <paramref name="visible"/> is the text shown.</summary>
    public static string? Check(string html, out string visible)
    {
        var text = new StringBuilder();
        var open = new Stack<string>();
        visible = "";
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    return $"Unclosed start tag at byte offset {i}";
                }

                var tag = html[(i + 1)..end];
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim();
                    if (open.Count == 0 || open.Peek() != name)
                    {
                        return $"Unmatched end tag at byte offset {i}, expected \"</{(open.Count == 0 ? "" : open.Peek())}>\", found \"</{name}>\"";
                    }

                    open.Pop();
                }
                else
                {
                    var name = tag.Split(' ', 2)[0];
                    if (!Tags.Contains(name))
                    {
                        return $"Unsupported start tag \"{name}\" at byte offset {i}";
                    }

                    if (name == "a" && !Regex.IsMatch(tag, "^a\\s+href=\"[^\"]*\"$"))
                    {
                        return $"Can't find href attribute of the a tag at byte offset {i}";
                    }

                    open.Push(name);
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end < 0 ? "" : html[i..(end + 1)];
                string? decoded = entity switch
                {
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&amp;" => "&",
                    "&quot;" => "\"",
                    _ when Regex.IsMatch(entity, "^&#[0-9]{1,7};$") => char.ConvertFromUtf32(int.Parse(entity[2..^1])),
                    _ => null,
                };
                if (decoded is null)
                {
                    if (end > i && Regex.IsMatch(entity, "^&[A-Za-z]+;$"))
                    {
                        return $"Unsupported HTML entity \"{entity}\" at byte offset {i}";
                    }

                    text.Append('&');
                    i++;
                }
                else
                {
                    text.Append(decoded);
                    i = end + 1;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        if (open.Count > 0)
        {
            return $"Can't find end tag corresponding to start tag \"{open.Peek()}\"";
        }

        visible = text.ToString();
        return null;
    }
}
