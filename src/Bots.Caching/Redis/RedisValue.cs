using System.Globalization;
using System.Text;

namespace Bots.Caching.Redis;

/// <summary>A binary-safe Redis value (bulk string) or nil, convertible to and from strings, bytes and integers.</summary>
public readonly struct RedisValue : IEquatable<RedisValue>
{
    private readonly byte[]? _bytes;

    private RedisValue(byte[]? bytes)
    {
        _bytes = bytes;
    }

    public static RedisValue Null => default;

    public static RedisValue EmptyString { get; } = new(Array.Empty<byte>());

    public bool IsNull => _bytes is null;

    public bool HasValue => _bytes is not null;

    /// <summary>The raw bytes, empty for nil; never copied, so callers must not mutate it.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes ?? ReadOnlyMemory<byte>.Empty;

    internal byte[]? RawBytes => _bytes;

    public static RedisValue FromBytes(byte[]? bytes) => new(bytes);

    public static implicit operator RedisValue(byte[]? bytes) => new(bytes);

    public static implicit operator RedisValue(ReadOnlyMemory<byte> bytes) => new(bytes.ToArray());

    public static implicit operator RedisValue(string? text) => text is null ? default : new(Encoding.UTF8.GetBytes(text));

    public static implicit operator RedisValue(long value) => new(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));

    public static implicit operator RedisValue(int value) => (long)value;

    public static implicit operator byte[]?(RedisValue value) => value._bytes;

    public static implicit operator string?(RedisValue value) => value._bytes is null ? null : Encoding.UTF8.GetString(value._bytes);

    public static explicit operator long(RedisValue value) => value.TryParse(out long parsed)
        ? parsed
        : throw new InvalidCastException($"Redis value '{value}' is not an integer.");

    public bool TryParse(out long value)
    {
        value = 0;
        return _bytes is not null
            && long.TryParse(_bytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public override string ToString() => _bytes is null ? "(nil)" : Encoding.UTF8.GetString(_bytes);

    public bool Equals(RedisValue other) =>
        (_bytes is null && other._bytes is null)
        || (_bytes is not null && other._bytes is not null && _bytes.AsSpan().SequenceEqual(other._bytes));

    public override bool Equals(object? obj) => obj is RedisValue other && Equals(other);

    public override int GetHashCode()
    {
        if (_bytes is null)
        {
            return -1;
        }
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public static bool operator ==(RedisValue left, RedisValue right) => left.Equals(right);

    public static bool operator !=(RedisValue left, RedisValue right) => !left.Equals(right);
}

/// <summary>One field of a Redis hash.</summary>
public readonly record struct HashEntry(RedisValue Name, RedisValue Value);
