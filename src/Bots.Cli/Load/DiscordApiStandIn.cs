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
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace Bots.Cli.Load;

/// <summary>An edit of a deferred interaction's original response (or a follow-up) the bot sent.</summary>
internal sealed record DiscordFollowUp(string InteractionToken, JsonObject Message, long ReceivedTimestamp);

/// <summary>
/// A loopback Discord REST API for load runs: slash-command registration (bulk overwrite, bot token checked) and
/// the interaction webhooks a bot uses to answer deferred interactions (PATCH …/messages/@original, POST follow-ups),
/// handed to <see cref="FollowedUp"/>. Also signs interactions the way Discord does: Ed25519 over timestamp + body.
/// </summary>
internal sealed class DiscordApiStandIn : IAsyncDisposable
{
    public const string ApplicationId = "1100000000000000777";
    public const string BotToken = "load-discord-bot-token";
    private readonly WebApplication _app;
    private readonly byte[] _privateKey;

    private DiscordApiStandIn(WebApplication app, byte[] privateKey)
    {
        _app = app;
        _privateKey = privateKey;
        var publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(privateKey, 0, publicKey, 0);
        PublicKeyHex = Convert.ToHexString(publicKey).ToLowerInvariant();
    }

    /// <summary>The value for Discord:PublicKey.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The value for Discord:ApiBaseUrl.</summary>
    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>Called for every accepted edit or follow-up of an interaction response.</summary>
    public Action<DiscordFollowUp>? FollowedUp { get; set; }

    /// <summary>Starts on <paramref name="port"/> (0: any free port) with the given 32-byte private key (hex) or a new one.</summary>
    public static async Task<DiscordApiStandIn> StartAsync(int port, string? privateKeyHex, CancellationToken cancellationToken)
    {
        byte[] privateKey;
        if (privateKeyHex is null)
        {
            privateKey = new byte[Ed25519.SecretKeySize];
            Ed25519.GeneratePrivateKey(new SecureRandom(), privateKey);
        }
        else
        {
            privateKey = Convert.FromHexString(privateKeyHex.Trim());
            if (privateKey.Length != Ed25519.SecretKeySize)
            {
                throw new ArgumentException($"An Ed25519 private key is {Ed25519.SecretKeySize} bytes ({Ed25519.SecretKeySize * 2} hex digits).", nameof(privateKeyHex));
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        var server = new DiscordApiStandIn(app, privateKey);
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext c, string app) => server.RegisterAsync(c, app));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext c, string app) => server.RegisterAsync(c, app));
        app.MapPatch("/api/v10/webhooks/{app}/{token}/messages/@original", (HttpContext c, string app, string token) => server.FollowUpAsync(c, app, token));
        app.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext c, string app, string token) => server.FollowUpAsync(c, app, token));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ApiBaseUrl = address.TrimEnd('/') + "/api/v10";
        return server;
    }

    /// <summary>An APPLICATION_COMMAND interaction for /<paramref name="command"/> with one string option, as Discord sends it.</summary>
    public static string Interaction(string interactionId, string token, string userId, string command, string option, string value) =>
        new JsonObject
        {
            ["id"] = interactionId,
            ["application_id"] = ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = "900000000000000001",
            ["channel_id"] = "900000000000000002",
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["username"] = "reader" + userId } },
            ["data"] = new JsonObject
            {
                ["id"] = "1200000000000000001",
                ["name"] = command,
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = value }),
            },
        }.ToJsonString();

    /// <summary>The X-Signature-Ed25519 value Discord would send with this timestamp and body.</summary>
    public string Sign(string timestamp, string body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(_privateKey, 0, message, 0, message.Length, signature, 0);
        return Convert.ToHexString(signature).ToLowerInvariant();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RegisterAsync(HttpContext context, string app)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bot {BotToken}")
        {
            await RespondAsync(context, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }

        if (app != ApplicationId || await ReadAsync(context) is not JsonArray commands)
        {
            await RespondAsync(context, app != ApplicationId ? 403 : 400, new JsonObject { ["message"] = app != ApplicationId ? "Missing Access" : "Invalid Form Body", ["code"] = 50035 });
            return;
        }

        var id = 1_200_000_000_000_000_000L;
        foreach (var command in commands.OfType<JsonObject>())
        {
            command["id"] = (++id).ToString(CultureInfo.InvariantCulture);
            command["application_id"] = app;
        }

        await RespondAsync(context, 200, commands);
    }

    private async Task FollowUpAsync(HttpContext context, string app, string token)
    {
        if (app != ApplicationId)
        {
            await RespondAsync(context, 404, new JsonObject { ["message"] = "Unknown Webhook", ["code"] = 10015 });
            return;
        }

        if (await ReadAsync(context) is not JsonObject message)
        {
            await RespondAsync(context, 400, new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035 });
            return;
        }

        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        FollowedUp?.Invoke(new DiscordFollowUp(token, message, received));
        var result = (JsonObject)message.DeepClone();
        result["id"] = "1300000000000000001";
        result["webhook_id"] = app;
        await RespondAsync(context, 200, result);
    }

    private static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task RespondAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }
}
