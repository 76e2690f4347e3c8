using System.Text;
using Bots.Caching.Redis;
using Bots.Caching.Redis.Internal;

namespace Bots.Caching.Tests.Redis;

public class RespParserTests
{
    private static RedisResult ParseWhole(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var used = RespParser.TryParse(bytes, out var result);
        Assert.Equal(bytes.Length, used);
        return result!;
    }

    [Fact]
    public void TryParse_SimpleString() => Assert.Equal("OK", (string?)ParseWhole("+OK\r\n"));

    [Fact]
    public void TryParse_Error_KeepsTheMessage()
    {
        var result = ParseWhole("-WRONGTYPE Operation against a key\r\n");

        Assert.Equal(ResultType.Error, result.Type);
        Assert.Equal("WRONGTYPE Operation against a key", result.ErrorMessage);
    }

    [Theory]
    [InlineData(":0\r\n", 0L)]
    [InlineData(":-42\r\n", -42L)]
    [InlineData(":9223372036854775807\r\n", long.MaxValue)]
    public void TryParse_Integer(string text, long expected) => Assert.Equal(expected, (long)ParseWhole(text));

    [Fact]
    public void TryParse_BulkStringWithCrLfInside_KeepsEveryByte()
    {
        var result = ParseWhole("$7\r\na\r\nb\r\nc\r\n");

        Assert.Equal("a\r\nb\r\nc", (string?)result);
    }

    [Fact]
    public void TryParse_EmptyBulkString_IsNotNil()
    {
        var result = ParseWhole("$0\r\n\r\n");

        Assert.False(result.IsNull);
        Assert.Equal("", (string?)result);
    }

    [Fact]
    public void TryParse_NilBulkStringAndNilArray_AreNull()
    {
        Assert.True(ParseWhole("$-1\r\n").IsNull);
        Assert.True(ParseWhole("*-1\r\n").IsNull);
    }

    [Fact]
    public void TryParse_NestedArrayWithNilAndError_KeepsStructure()
    {
        var items = ParseWhole("*4\r\n:1\r\n$-1\r\n*2\r\n+a\r\n$1\r\nb\r\n-ERR inner\r\n").AsArray();

        Assert.Equal(1L, (long)items[0]);
        Assert.True(items[1].IsNull);
        Assert.Equal(["a", "b"], items[2].AsArray().Select(i => (string?)i));
        Assert.Equal("ERR inner", items[3].ErrorMessage);
    }

    [Fact]
    public void TryParse_EveryPrefixOfAReply_AsksForMore()
    {
        var bytes = Encoding.UTF8.GetBytes("*3\r\n$5\r\nhello\r\n:7\r\n*1\r\n$2\r\nhi\r\n");

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(0, RespParser.TryParse(bytes.AsSpan(0, length), out var partial));
            Assert.Null(partial);
        }
        Assert.Equal(bytes.Length, RespParser.TryParse(bytes, out _));
    }

    [Fact]
    public void TryParse_TwoReplies_TakesOnlyTheFirst()
    {
        var bytes = "+first\r\n+second\r\n"u8.ToArray();

        var used = RespParser.TryParse(bytes, out var result);

        Assert.Equal(8, used);
        Assert.Equal("first", (string?)result!);
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData(":12x\r\n")]
    [InlineData("$3\r\nabcde\r\n")]
    [InlineData("$-5\r\n")]
    public void TryParse_Malformed_ThrowsProtocolFailure(string text)
    {
        var error = Assert.Throws<RedisConnectionException>(() => RespParser.TryParse(Encoding.UTF8.GetBytes(text), out _));

        Assert.Equal(ConnectionFailureType.ProtocolFailure, error.FailureType);
    }
}
