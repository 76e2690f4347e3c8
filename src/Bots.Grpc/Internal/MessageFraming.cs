using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Bots.Grpc.Internal;

/// <summary>Reads length-prefixed gRPC messages from a pipe, whatever the HTTP/2 frame boundaries.</summary>
internal sealed class MessageReader
{
    private readonly PayloadContext _context = new();

    public MessageReader(int? maxReceiveMessageSize, ICompressionProvider? compression, string messageKind)
    {
        MaxReceiveMessageSize = maxReceiveMessageSize;
        Compression = compression;
        MessageKind = messageKind;
    }

    public int? MaxReceiveMessageSize { get; }

    public ICompressionProvider? Compression { get; set; }

    /// <summary>"request" or "response", for error messages.</summary>
    public string MessageKind { get; }

    /// <summary>The next message, or null at the end of the stream.</summary>
    public async ValueTask<T?> ReadAsync<T>(PipeReader reader, Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start);
                throw new OperationCanceledException(cancellationToken);
            }

            if (buffer.Length >= GrpcProtocol.HeaderSize)
            {
                var (compressed, length) = ReadHeader(buffer);
                if (buffer.Length - GrpcProtocol.HeaderSize >= length)
                {
                    var end = buffer.GetPosition(GrpcProtocol.HeaderSize + length);
                    try
                    {
                        return Deserialize(buffer.Slice(GrpcProtocol.HeaderSize, length), compressed, deserializer);
                    }
                    finally
                    {
                        reader.AdvanceTo(end);
                    }
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.Length == 0)
                {
                    return null;
                }

                throw new RpcException(new Status(StatusCode.Internal, $"Incomplete {MessageKind} message: the stream ended inside a message."));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private (bool Compressed, long Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {flag} on a {MessageKind} message."));
        }

        long length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > MaxReceiveMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Received {MessageKind} message of {length} bytes exceeds the maximum of {MaxReceiveMessageSize} bytes."));
        }

        return (flag == 1, length);
    }

    private T Deserialize<T>(ReadOnlySequence<byte> payload, bool compressed, Func<DeserializationContext, T> deserializer)
    {
        byte[]? rented = null;
        try
        {
            if (compressed)
            {
                if (Compression is null)
                {
                    throw new RpcException(new Status(StatusCode.Internal, $"A compressed {MessageKind} message arrived without a grpc-encoding."));
                }

                (rented, var length) = Decompress(payload, Compression);
                payload = new ReadOnlySequence<byte>(rented, 0, length);
            }

            _context.Payload = payload;
            return deserializer(_context);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"The {MessageKind} message could not be decoded.", e));
        }
        finally
        {
            _context.Payload = default;
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private (byte[] Buffer, int Length) Decompress(ReadOnlySequence<byte> payload, ICompressionProvider compression)
    {
        var limit = MaxReceiveMessageSize ?? int.MaxValue;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(payload.Length * 4, 4096), Math.Min(limit + 1L, 1 << 20)));
        var length = 0;
        try
        {
            using var source = new SequenceStream(payload);
            using var decompressor = compression.CreateDecompressionStream(source);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = decompressor.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new RpcException(new Status(StatusCode.Internal, $"The compressed {MessageKind} message is corrupt.", e));
        }

        if (length > limit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Decompressed {MessageKind} message exceeds the maximum of {limit} bytes."));
        }

        return (buffer, length);
    }

    private sealed class PayloadContext : DeserializationContext
    {
        public ReadOnlySequence<byte> Payload { get; set; }

        public override int PayloadLength => (int)Payload.Length;

        public override byte[] PayloadAsNewBuffer() => Payload.ToArray();

        public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => Payload;
    }
}

/// <summary>Frames serialized messages (flag, 4-byte big-endian length, bytes) into a buffer writer.</summary>
internal sealed class MessageWriter : SerializationContext
{
    private IBufferWriter<byte> _output = null!;
    private ICompressionProvider? _compression;
    private ArrayBufferWriter<byte>? _scratch;
    private bool _direct;

    public MessageWriter(int? maxSendMessageSize, ICompressionProvider? compression, CompressionLevel? compressionLevel, string messageKind)
    {
        MaxSendMessageSize = maxSendMessageSize;
        Compression = compression;
        CompressionLevel = compressionLevel;
        MessageKind = messageKind;
    }

    public int? MaxSendMessageSize { get; }

    public ICompressionProvider? Compression { get; set; }

    public CompressionLevel? CompressionLevel { get; }

    public string MessageKind { get; }

    public void Write<T>(IBufferWriter<byte> output, T message, Action<T, SerializationContext> serializer, WriteOptions? writeOptions)
    {
        _output = output;
        _compression = writeOptions is not null && (writeOptions.Flags & WriteFlags.NoCompress) != 0 ? null : Compression;
        _direct = false;
        _scratch?.ResetWrittenCount();
        try
        {
            serializer(message, this);
        }
        finally
        {
            _output = null!;
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        CheckSize(payloadLength);
        if (_compression is null)
        {
            // The serializer writes exactly this many bytes, so the frame goes straight to the output.
            WriteHeader(_output, compressed: false, payloadLength);
            _direct = true;
        }
    }

    public override IBufferWriter<byte> GetBufferWriter() => _direct ? _output : _scratch ??= new ArrayBufferWriter<byte>();

    public override void Complete()
    {
        if (!_direct)
        {
            WriteFramed(_scratch is null ? default : _scratch.WrittenSpan);
        }
    }

    public override void Complete(byte[] payload) => WriteFramed(payload);

    private void WriteFramed(ReadOnlySpan<byte> payload)
    {
        CheckSize(payload.Length);
        if (_compression is null)
        {
            WriteHeader(_output, compressed: false, payload.Length);
            _output.Write(payload);
            return;
        }

        using var compressed = new MemoryStream();
        using (var compressor = _compression.CreateCompressionStream(compressed, CompressionLevel))
        {
            compressor.Write(payload);
        }

        WriteHeader(_output, compressed: true, (int)compressed.Length);
        _output.Write(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
    }

    private void CheckSize(int length)
    {
        if (length > MaxSendMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Sending {MessageKind} message of {length} bytes exceeds the maximum of {MaxSendMessageSize} bytes."));
        }
    }

    private static void WriteHeader(IBufferWriter<byte> output, bool compressed, int length)
    {
        var span = output.GetSpan(GrpcProtocol.HeaderSize);
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
        output.Advance(GrpcProtocol.HeaderSize);
    }
}

/// <summary>A read-only stream over a sequence, so decompressors can read pipe memory without copying it first.</summary>
internal sealed class SequenceStream(ReadOnlySequence<byte> sequence) : Stream
{
    private ReadOnlySequence<byte> _remaining = sequence;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, _remaining.Length);
        _remaining.Slice(0, count).CopyTo(buffer);
        _remaining = _remaining.Slice(count);
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
