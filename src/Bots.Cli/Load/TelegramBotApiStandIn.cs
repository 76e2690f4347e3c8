using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Cli.Load;

/// <summary>A message the bot sent through the stand-in Telegram Bot API.</summary>
internal sealed record TelegramReply(long ChatId, string Text, long ReceivedTimestamp);

/// <summary>
/// A loopback Telegram Bot API for load runs, built for throughput: <c>/bot&lt;token&gt;/&lt;method&gt;</c> with
/// JSON bodies and <c>{ok, result}</c> replies; getUpdates long polling where <c>offset</c> confirms (drops) earlier
/// updates, unconfirmed ones are offered again, and a newer poll ends the older with 409, as api.telegram.org does;
/// sendMessage checked (known chat, 1–4,096 characters) and handed to <see cref="Replied"/>.
/// </summary>
internal sealed class TelegramBotApiStandIn : IAsyncDisposable
{
    private const int MaxMessageLength = 4096;
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<(long Id, string Json)> _pending = [];
    private readonly HashSet<long> _chats = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<bool>? _activePoll;
    private long _nextUpdateId = 500_000;
    private long _nextMessageId;

    private TelegramBotApiStandIn(WebApplication app, string token)
    {
        _app = app;
        Token = token;
        BotId = long.Parse(token.Split(':')[0], CultureInfo.InvariantCulture);
    }

    public string Token { get; }

    public long BotId { get; }

    /// <summary>The value for Telegram:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Called for every accepted sendMessage.</summary>
    public Action<TelegramReply>? Replied { get; set; }

    /// <summary>Starts on <paramref name="port"/> (0: any free port).</summary>
    public static async Task<TelegramBotApiStandIn> StartAsync(string token, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        var server = new TelegramBotApiStandIn(app, token);
        app.Map("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>A user writes <paramref name="text"/> to the bot in a private chat; returns the update id.</summary>
    public long Deliver(long chatId, string text)
    {
        lock (_gate)
        {
            var updateId = ++_nextUpdateId;
            var message = new JsonObject
            {
                ["message_id"] = ++_nextMessageId,
                ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Reader", ["username"] = $"reader{chatId}" },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Reader" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = text,
            };
            if (text.StartsWith('/'))
            {
                var end = text.IndexOf(' ', StringComparison.Ordinal);
                message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
            }

            _pending.Add((updateId, new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString()));
            _chats.Add(chatId);
            _arrived.TrySetResult();
            return updateId;
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
            args = context.Request.ContentLength is 0 || !context.Request.HasJsonContentType()
                ? []
                : (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject() ?? [];
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "Bad Request: can't parse JSON object");
            return;
        }

        switch (method.ToLowerInvariant())
        {
            case "getme":
                await OkAsync(context, $$"""{"id":{{BotId}},"is_bot":true,"first_name":"News","username":"news_load_bot","can_join_groups":true}""");
                break;
            case "getupdates":
                await GetUpdatesAsync(context, args);
                break;
            case "sendmessage":
                await SendMessageAsync(context, args);
                break;
            case "sendchataction":
            case "setmycommands":
            case "deletewebhook":
                await OkAsync(context, "true");
                break;
            default:
                await ErrorAsync(context, 404, "Not Found");
                break;
        }
    }

    private async Task GetUpdatesAsync(HttpContext context, JsonObject args)
    {
        var offset = args["offset"]?.GetValue<long>() ?? 0;
        var limit = Math.Clamp(args["limit"]?.GetValue<int>() ?? 100, 1, 100);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(0, args["timeout"]?.GetValue<int>() ?? 0));
        var poll = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _activePoll?.TrySetResult(true);
            _activePoll = poll;
        }

        while (true)
        {
            string[] batch;
            Task arrived;
            lock (_gate)
            {
                // offset confirms every update before it: Telegram forgets them.
                var confirmed = 0;
                while (confirmed < _pending.Count && _pending[confirmed].Id < offset)
                {
                    confirmed++;
                }

                _pending.RemoveRange(0, confirmed);
                batch = [.. _pending.Take(limit).Select(u => u.Json)];
                if (batch.Length == 0 && _arrived.Task.IsCompleted)
                {
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived = _arrived.Task;
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

                await OkAsync(context, "[" + string.Join(',', batch) + "]");
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
        bool known;
        long messageId;
        lock (_gate)
        {
            known = _chats.Contains(chatId);
            messageId = ++_nextMessageId;
        }

        if (!known)
        {
            await ErrorAsync(context, 400, "Bad Request: chat not found");
            return;
        }

        if (text.Trim().Length == 0 || text.Length > MaxMessageLength)
        {
            await ErrorAsync(context, 400, text.Length > MaxMessageLength ? "Bad Request: message is too long" : "Bad Request: message text is empty");
            return;
        }

        Replied?.Invoke(new TelegramReply(chatId, text, System.Diagnostics.Stopwatch.GetTimestamp()));
        var result = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "News", ["username"] = "news_load_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Reader" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        await OkAsync(context, result.ToJsonString());
    }

    private static async Task OkAsync(HttpContext context, string resultJson)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"ok\":true,\"result\":" + resultJson + "}", Encoding.UTF8);
    }

    private static async Task ErrorAsync(HttpContext context, int code, string description)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }
}
