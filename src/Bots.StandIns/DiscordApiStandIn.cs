using System.Collections.Concurrent;
using System.Globalization;
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
/// A stand-in for Discord's REST API (the routes an interactions bot uses) on loopback: bulk command overwrite
/// (global and guild) checked for <c>Authorization: Bot &lt;token&gt;</c>, a DiscordBot User-Agent and valid
/// command shapes; interaction webhooks (PATCH @original, POST follow-up) checked against Discord's message
/// and embed limits; 429 with a <c>retry_after</c> body and Retry-After header on demand.
/// </summary>
public sealed partial class DiscordApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<double> _rateLimits = new();

    private DiscordApiStandIn(WebApplication app, string applicationId, string botToken)
    {
        _app = app;
        ApplicationId = applicationId;
        BotToken = botToken;
    }

    public string ApplicationId { get; }

    public string BotToken { get; }

    /// <summary>The value for Discord:ApiBaseUrl.</summary>
    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>Every request that reached a route, including refused ones, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Called with the interaction token and message of every response edit or follow-up the API accepted.</summary>
    public Action<string, JsonObject>? InteractionMessageAccepted { get; set; }

    /// <summary>Starts on loopback <paramref name="port"/> (0: any free port).</summary>
    public static async Task<DiscordApiStandIn> StartAsync(string applicationId = "1100000000000000001", string botToken = "discord-bot-token", int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        var server = new DiscordApiStandIn(app, applicationId, botToken);
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext c, string app) => server.RegisterAsync(c, app, null));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext c, string app, string guild) => server.RegisterAsync(c, app, guild));
        app.MapMethods("/api/v10/webhooks/{app}/{token}/messages/@original", ["PATCH"], (HttpContext c, string app, string token) => server.WebhookAsync(c, app, token));
        app.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext c, string app, string token) => server.WebhookAsync(c, app, token));
        await app.StartAsync(cancellationToken);
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ApiBaseUrl = root + "/api/v10";
        return server;
    }

    /// <summary>The next request answers 429 with this retry_after (seconds) instead of running.</summary>
    public void RateLimitNext(double retryAfterSeconds) => _rateLimits.Enqueue(retryAfterSeconds);

    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No matching request reached the stand-in Discord API. Seen: " +
                    string.Join(" | ", Requests.Select(r => $"{r.Method} {r.Path} {r.Status}")));
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RegisterAsync(HttpContext context, string app, string? guild)
    {
        var body = await ReadAsync(context);
        if (await RateLimitedAsync(context, body))
        {
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bot {BotToken}")
        {
            await RespondAsync(context, body, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }

        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            await RespondAsync(context, body, 400, new JsonObject { ["message"] = "User-Agent must be DiscordBot (url, version)", ["code"] = 0 });
            return;
        }

        if (app != ApplicationId)
        {
            await RespondAsync(context, body, 403, new JsonObject { ["message"] = "Missing Access", ["code"] = 50001 });
            return;
        }

        if (body is not JsonArray commands || commands.Count > 100 || CommandProblem(commands) is { } problem)
        {
            await RespondAsync(context, body, 400, InvalidForm(body is JsonArray list ? CommandProblem(list) ?? "too many commands" : "expected an array"));
            return;
        }

        var created = new JsonArray();
        var id = 1_200_000_000_000_000_000L;
        foreach (var command in commands)
        {
            var copy = command!.DeepClone().AsObject();
            copy["id"] = (++id).ToString(CultureInfo.InvariantCulture);
            copy["application_id"] = app;
            if (guild is not null)
            {
                copy["guild_id"] = guild;
            }

            created.Add(copy);
        }

        await RespondAsync(context, body, 200, created);
    }

    private async Task WebhookAsync(HttpContext context, string app, string token)
    {
        var body = await ReadAsync(context);
        if (await RateLimitedAsync(context, body))
        {
            return;
        }

        if (app != ApplicationId)
        {
            await RespondAsync(context, body, 404, new JsonObject { ["message"] = "Unknown Webhook", ["code"] = 10015 });
            return;
        }

        if (body is not JsonObject message || MessageProblem(message) is { } problem)
        {
            await RespondAsync(context, body, 400, InvalidForm(body is JsonObject m ? MessageProblem(m)! : "expected an object"));
            return;
        }

        var result = message.DeepClone().AsObject();
        result["id"] = "1300000000000000001";
        result["webhook_id"] = app;
        await RespondAsync(context, body, 200, result);
        InteractionMessageAccepted?.Invoke(token, message);
    }

    private async Task<bool> RateLimitedAsync(HttpContext context, JsonNode? body)
    {
        if (!_rateLimits.TryDequeue(out var retryAfter))
        {
            return false;
        }

        context.Response.Headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = "0";
        context.Response.Headers["X-RateLimit-Reset-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Scope"] = "user";
        await RespondAsync(context, body, 429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = retryAfter,
            ["global"] = false,
        });
        return true;
    }

    private async Task RespondAsync(HttpContext context, JsonNode? requestBody, int status, JsonNode responseBody)
    {
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(),
            requestBody?.DeepClone(),
            status,
            DateTime.UtcNow));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(responseBody.ToJsonString());
    }

    private static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonObject InvalidForm(string problem) => new()
    {
        ["message"] = "Invalid Form Body",
        ["code"] = 50035,
        ["errors"] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = "BASE_TYPE_INVALID", ["message"] = problem }) },
    };

    private static string? CommandProblem(JsonArray commands)
    {
        foreach (var command in commands)
        {
            var name = command?["name"]?.GetValue<string>() ?? "";
            var description = command?["description"]?.GetValue<string>() ?? "";
            if (!CommandName().IsMatch(name))
            {
                return $"command name \"{name}\" must be 1-32 lower-case letters, digits, - or _";
            }

            if (description.Length is < 1 or > 100)
            {
                return $"command {name}: description must be 1-100 characters";
            }

            foreach (var option in command?["options"]?.AsArray() ?? [])
            {
                var optionName = option?["name"]?.GetValue<string>() ?? "";
                var type = option?["type"]?.GetValue<int>() ?? 0;
                if (!CommandName().IsMatch(optionName) || type is < 1 or > 11 ||
                    (option?["description"]?.GetValue<string>() ?? "").Length is < 1 or > 100)
                {
                    return $"command {name}: option \"{optionName}\" is invalid";
                }

                if (option?["autocomplete"]?.GetValue<bool>() == true && type is not (3 or 4 or 10))
                {
                    return $"command {name}: autocomplete needs a string, integer or number option";
                }
            }
        }

        return null;
    }

    /// <summary>Discord's message limits: content 2,000; ≤ 10 embeds; title 256, description 4,096,
    /// ≤ 25 fields (name 256, value 1,024), footer 2,048, 6,000 in all embeds together.</summary>
    public static string? MessageProblem(JsonObject message)
    {
        if ((message["content"]?.GetValue<string>() ?? "").Length > 2000)
        {
            return "content: Must be 2000 or fewer in length.";
        }

        var embeds = message["embeds"]?.AsArray() ?? [];
        if (embeds.Count > 10)
        {
            return "embeds: Must be 10 or fewer in length.";
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            var title = embed?["title"]?.GetValue<string>() ?? "";
            var description = embed?["description"]?.GetValue<string>() ?? "";
            var footer = embed?["footer"]?["text"]?.GetValue<string>() ?? "";
            var fields = embed?["fields"]?.AsArray() ?? [];
            if (title.Length > 256 || description.Length > 4096 || footer.Length > 2048 || fields.Count > 25)
            {
                return "embeds: a title, description, footer or field count is over its limit.";
            }

            total += title.Length + description.Length + footer.Length;
            foreach (var field in fields)
            {
                var name = field?["name"]?.GetValue<string>() ?? "";
                var value = field?["value"]?.GetValue<string>() ?? "";
                if (name.Length is < 1 or > 256 || value.Length is < 1 or > 1024)
                {
                    return "embeds.fields: a name must be 1-256 and a value 1-1024 characters.";
                }

                total += name.Length + value.Length;
            }
        }

        if (total > 6000)
        {
            return "embeds: Embed size exceeds maximum size of 6000.";
        }

        return embeds.Count == 0 && (message["content"]?.GetValue<string>() ?? "").Length == 0
            ? "Cannot send an empty message."
            : null;
    }

    [GeneratedRegex(@"^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$")]
    private static partial Regex CommandName();

    public sealed record RecordedRequest(
        string Method,
        string Path,
        string Authorization,
        string UserAgent,
        JsonNode? Body,
        int Status,
        DateTime At);
}
