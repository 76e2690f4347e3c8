using System.Text;

namespace Bots.Caching.Redis;

/// <summary>The RESP2 reply types.</summary>
public enum ResultType
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}

/// <summary>A reply from the server: a simple string, error, integer, bulk string (or nil) or array (or nil).</summary>
public sealed class RedisResult
{
    private static readonly RedisResult NullBulk = new(ResultType.BulkString, null, 0, null);
    private static readonly RedisResult NullArrayResult = new(ResultType.Array, null, 0, null);
    private static readonly RedisResult Ok = new(ResultType.SimpleString, "OK"u8.ToArray(), 0, null);

    private readonly byte[]? _bytes;
    private readonly long _integer;
    private readonly RedisResult[]? _items;

    private RedisResult(ResultType type, byte[]? bytes, long integer, RedisResult[]? items)
    {
        Type = type;
        _bytes = bytes;
        _integer = integer;
        _items = items;
    }

    public ResultType Type { get; }

    /// <summary>True for the nil bulk string (<c>$-1</c>) and the nil array (<c>*-1</c>).</summary>
    public bool IsNull => Type switch
    {
        ResultType.BulkString => _bytes is null,
        ResultType.Array => _items is null,
        _ => false,
    };

    internal static RedisResult SimpleString(byte[] bytes) =>
        bytes.AsSpan().SequenceEqual("OK"u8) ? Ok : new(ResultType.SimpleString, bytes, 0, null);

    internal static RedisResult Error(byte[] bytes) => new(ResultType.Error, bytes, 0, null);

    internal static RedisResult Integer(long value) => new(ResultType.Integer, null, value, null);

    internal static RedisResult Bulk(byte[]? bytes) => bytes is null ? NullBulk : new(ResultType.BulkString, bytes, 0, null);

    internal static RedisResult Array(RedisResult[]? items) => items is null ? NullArrayResult : new(ResultType.Array, null, 0, items);

    /// <summary>The message of an error reply, e.g. "WRONGTYPE Operation against a key holding the wrong kind of value".</summary>
    public string? ErrorMessage => Type == ResultType.Error ? Encoding.UTF8.GetString(_bytes!) : null;

    public RedisValue AsRedisValue() => Type switch
    {
        ResultType.Integer => _integer,
        ResultType.SimpleString or ResultType.BulkString => RedisValue.FromBytes(_bytes),
        ResultType.Array when _items is null => RedisValue.Null,
        _ => throw new InvalidCastException($"A Redis {Type} reply is not a single value."),
    };

    public RedisResult[] AsArray() => Type == ResultType.Array
        ? _items ?? []
        : throw new InvalidCastException($"A Redis {Type} reply is not an array.");

    public static explicit operator string?(RedisResult result) => result.AsRedisValue();

    public static explicit operator byte[]?(RedisResult result) => result.AsRedisValue();

    public static explicit operator long(RedisResult result) => result.Type == ResultType.Integer
        ? result._integer
        : (long)result.AsRedisValue();

    public static explicit operator RedisValue(RedisResult result) => result.AsRedisValue();

    public static explicit operator RedisResult[](RedisResult result) => result.AsArray();

    public override string ToString() => Type switch
    {
        ResultType.Integer => $"(integer) {_integer}",
        ResultType.Error => $"(error) {ErrorMessage}",
        ResultType.Array => IsNull ? "(nil array)" : $"(array of {_items!.Length})",
        _ => AsRedisValue().ToString(),
    };
}
