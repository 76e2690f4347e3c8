using Bots.Chat.Discord;

namespace Bots.Chat.Tests.Discord;

public class Ed25519VerifierTests
{
    // RFC 8032 section 7.1, TEST 1–3: public key, message, signature.
    public static TheoryData<string, string, string> Rfc8032Vectors => new()
    {
        {
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verify_Rfc8032Vector_Succeeds(string publicKey, string message, string signature) =>
        Assert.True(new Ed25519Verifier(publicKey).Verify(Convert.FromHexString(message), Convert.FromHexString(signature)));

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verify_AlteredMessage_Fails(string publicKey, string message, string signature) =>
        Assert.False(new Ed25519Verifier(publicKey).Verify([.. Convert.FromHexString(message), 0x01], Convert.FromHexString(signature)));

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verify_AlteredSignature_Fails(string publicKey, string message, string signature)
    {
        var bytes = Convert.FromHexString(signature);
        bytes[5] ^= 0x40;

        Assert.False(new Ed25519Verifier(publicKey).Verify(Convert.FromHexString(message), bytes));
    }

    [Fact]
    public void Verify_SignatureFromAnotherKey_Fails()
    {
        var vectors = Rfc8032Vectors.ToList();
        var verifier = new Ed25519Verifier((string)vectors[0][0]);

        Assert.False(verifier.Verify(Convert.FromHexString((string)vectors[1][1]), Convert.FromHexString((string)vectors[1][2])));
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("", "1")]
    [InlineData("zz", "1")]
    [InlineData("00", "1")]
    [InlineData("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b", null)]
    public void VerifyRequest_MissingOrMalformedHeaders_Fail(string? signature, string? timestamp) =>
        Assert.False(new Ed25519Verifier("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").VerifyRequest(signature, timestamp, []));
}
