using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Org.BouncyCastle.Security;

namespace Bots.Cli.Load;

/// <summary>
/// Builds slash-command interactions as Discord sends them and signs them as Discord does (Ed25519 over timestamp +
/// body), so a load run can post them to the Chat process's interactions endpoint at a high rate in-process.
/// </summary>
internal sealed class DiscordInteractionSigner
{
    public const string ApplicationId = "1100000000000000777";
    public const string BotToken = "load-discord-bot-token";
    private readonly byte[] _privateKey;

    /// <summary>Signs with the given 32-byte private key (hex), or a new one.</summary>
    public DiscordInteractionSigner(string? privateKeyHex)
    {
        if (privateKeyHex is null)
        {
            _privateKey = new byte[Ed25519.SecretKeySize];
            Ed25519.GeneratePrivateKey(new SecureRandom(), _privateKey);
        }
        else
        {
            _privateKey = Convert.FromHexString(privateKeyHex.Trim());
            if (_privateKey.Length != Ed25519.SecretKeySize)
            {
                throw new ArgumentException($"An Ed25519 private key is {Ed25519.SecretKeySize} bytes ({Ed25519.SecretKeySize * 2} hex digits).", nameof(privateKeyHex));
            }
        }

        var publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(_privateKey, 0, publicKey, 0);
        PublicKeyHex = Convert.ToHexString(publicKey).ToLowerInvariant();
    }

    /// <summary>The value for Discord:PublicKey.</summary>
    public string PublicKeyHex { get; }

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
}
