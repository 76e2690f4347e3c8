using System.Buffers;

namespace Bots.Caching.Redis.Internal;

/// <summary>
/// Encodes commands as RESP arrays of bulk strings into a reusable buffer. Large arguments are not copied:
/// the caller flushes the buffer and writes them straight to the stream.
/// </summary>
internal sealed class RespWriter
{
    /// <summary>Arguments at least this long bypass the buffer.</summary>
    public const int DirectWriteThreshold = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public void Reset() => _length = 0;

    public void WriteArrayHeader(int count) => WriteHeader((byte)'*', count);

    public void WriteBulkHeader(int length) => WriteHeader((byte)'$', length);

    public void WriteBulk(ReadOnlySpan<byte> value)
    {
        WriteHeader((byte)'$', value.Length);
        WriteRaw(value);
        WriteRaw("\r\n"u8);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void WriteHeader(byte prefix, int number)
    {
        Ensure(16);
        _buffer[_length++] = prefix;
        number.TryFormat(_buffer.AsSpan(_length), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        _buffer[_length++] = (byte)'\r';
        _buffer[_length++] = (byte)'\n';
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
