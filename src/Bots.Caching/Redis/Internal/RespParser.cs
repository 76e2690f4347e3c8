using System.Buffers.Text;

namespace Bots.Caching.Redis.Internal;

/// <summary>Parses RESP2 replies from a buffer that may hold part of a reply, one reply or many.</summary>
internal static class RespParser
{
    private const int MaxDepth = 512;

    /// <summary>
    /// Parses one whole reply from the start of <paramref name="buffer"/>. Returns the bytes it used, or 0 (and
    /// a null result) when the buffer does not yet hold a whole reply. Malformed input throws, since the stream
    /// can no longer be trusted to line up with the commands sent.
    /// </summary>
    public static int TryParse(ReadOnlySpan<byte> buffer, out RedisResult? result)
    {
        var position = 0;
        result = TryParseAt(buffer, ref position, 0);
        return result is null ? 0 : position;
    }

    private static RedisResult? TryParseAt(ReadOnlySpan<byte> buffer, ref int position, int depth)
    {
        if (position >= buffer.Length)
        {
            return null;
        }
        var lineStart = position + 1;
        var lineLength = buffer[lineStart..].IndexOf("\r\n"u8);
        if (lineLength < 0)
        {
            return null;
        }
        var line = buffer.Slice(lineStart, lineLength);
        var afterLine = lineStart + lineLength + 2;
        switch (buffer[position])
        {
            case (byte)'+':
                position = afterLine;
                return RedisResult.SimpleString(line.ToArray());
            case (byte)'-':
                position = afterLine;
                return RedisResult.Error(line.ToArray());
            case (byte)':':
                position = afterLine;
                return RedisResult.Integer(ParseInteger(line));
            case (byte)'$':
                {
                    var length = ParseInteger(line);
                    if (length == -1)
                    {
                        position = afterLine;
                        return RedisResult.Bulk(null);
                    }
                    if (length < 0 || length > int.MaxValue - 2)
                    {
                        throw Malformed($"bulk string length {length}");
                    }
                    if (buffer.Length - afterLine < length + 2)
                    {
                        return null;
                    }
                    if (!buffer.Slice(afterLine + (int)length, 2).SequenceEqual("\r\n"u8))
                    {
                        throw Malformed("bulk string not followed by CRLF");
                    }
                    position = afterLine + (int)length + 2;
                    return RedisResult.Bulk(buffer.Slice(afterLine, (int)length).ToArray());
                }
            case (byte)'*':
                {
                    var count = ParseInteger(line);
                    if (count == -1)
                    {
                        position = afterLine;
                        return RedisResult.Array(null);
                    }
                    if (count < 0 || count > int.MaxValue)
                    {
                        throw Malformed($"array length {count}");
                    }
                    if (depth >= MaxDepth)
                    {
                        throw Malformed("arrays nested too deeply");
                    }
                    var cursor = afterLine;
                    // Each element takes at least 3 bytes, so a count beyond that cannot be complete yet;
                    // checking first also keeps a hostile count from allocating a huge array.
                    if (count > (buffer.Length - cursor) / 3)
                    {
                        return null;
                    }
                    var items = new RedisResult[count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        var item = TryParseAt(buffer, ref cursor, depth + 1);
                        if (item is null)
                        {
                            return null;
                        }
                        items[i] = item;
                    }
                    position = cursor;
                    return RedisResult.Array(items);
                }
            default:
                throw Malformed($"unexpected type byte 0x{buffer[position]:X2}");
        }
    }

    private static long ParseInteger(ReadOnlySpan<byte> line) =>
        Utf8Parser.TryParse(line, out long value, out var consumed) && consumed == line.Length
            ? value
            : throw Malformed("an integer that does not parse");

    private static RedisConnectionException Malformed(string what) =>
        new(ConnectionFailureType.ProtocolFailure, $"The Redis server sent a malformed reply ({what}).");
}
