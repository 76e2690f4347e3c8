using System.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bots.Chat.Discord;

/// <summary>Ed25519 signature checks (RFC 8032) for Discord's X-Signature-Ed25519 header.</summary>
public sealed class Ed25519Verifier
{
    private readonly byte[] _publicKey;

    /// <param name="publicKeyHex">The application's public key: 64 hex digits.</param>
    public Ed25519Verifier(string publicKeyHex)
    {
        _publicKey = Convert.FromHexString(publicKeyHex.Trim());
        if (_publicKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException($"An Ed25519 public key is {Ed25519.PublicKeySize} bytes.", nameof(publicKeyHex));
        }
    }

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }

        try
        {
            return Ed25519.Verify(signature.ToArray(), 0, _publicKey, 0, message.ToArray(), 0, message.Length);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Malformed points are a bad signature, not a server error.
            return false;
        }
    }

    /// <summary>Discord signs timestamp + raw body; both headers must be present and the signature hex.</summary>
    public bool VerifyRequest(string? signatureHex, string? timestamp, byte[] body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp) || signatureHex.Length != Ed25519.SignatureSize * 2)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message, stamp.Length);
        return Verify(message, signature);
    }
}
