using Bots.Grpc.Internal;
using StatusCode = global::Grpc.Core.StatusCode;

namespace Bots.Grpc.Tests;

public sealed class GrpcProtocolTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("☺", "%E2%98%BA")]
    [InlineData("😈", "%F0%9F%98%88")]
    public void EncodeMessage_PercentEncodesOutsidePrintableAscii(string message, string expected)
    {
        Assert.Equal(expected, GrpcProtocol.EncodeMessage(message));
        Assert.Equal(message, GrpcProtocol.DecodeMessage(expected));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz", "%zz")]
    [InlineData("%FF", "\uFFFD")]
    public void DecodeMessage_WithMalformedInput_NeverThrows(string wire, string expected)
    {
        Assert.Equal(expected, GrpcProtocol.DecodeMessage(wire));
    }

    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3000)]
    [InlineData("250m", 250)]
    [InlineData("1000u", 1)]
    [InlineData("5000000n", 5)]
    [InlineData("99999999S", 99999999000)]
    public void TryParseTimeout_ReadsEveryUnit(string value, long expectedMilliseconds)
    {
        Assert.True(GrpcProtocol.TryParseTimeout(value, out var timeout));
        Assert.Equal(expectedMilliseconds, (long)timeout.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10x")]
    [InlineData("-1S")]
    public void TryParseTimeout_RejectsMalformedValues(string value)
    {
        Assert.False(GrpcProtocol.TryParseTimeout(value, out _));
    }

    [Fact]
    public void FormatTimeout_UsesAtMostEightDigitsAndNeverShortens()
    {
        var value = GrpcProtocol.FormatTimeout(TimeSpan.FromDays(3));

        Assert.True(value.Length <= 9);
        Assert.True(GrpcProtocol.TryParseTimeout(value, out var parsed));
        Assert.True(parsed >= TimeSpan.FromDays(3));
    }

    [Theory]
    [InlineData("q6ur")]
    [InlineData("q6ur ")]
    [InlineData("AQ")]
    [InlineData("AQ==")]
    public void DecodeBinaryHeader_AcceptsPaddedAndUnpadded(string value)
    {
        var bytes = GrpcProtocol.DecodeBinaryHeader(value);

        Assert.NotEmpty(bytes);
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    public void StatusFromHttpStatus_FollowsTheSpecMapping(int httpStatus, StatusCode expected)
    {
        Assert.Equal(expected, GrpcProtocol.StatusFromHttpStatus(httpStatus));
    }
}
