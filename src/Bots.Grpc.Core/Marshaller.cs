using System.Buffers;

namespace Grpc.Core;

/// <summary>Turns messages of one type into bytes and back.</summary>
public class Marshaller<T>
{
    private readonly Func<T, byte[]>? _serializer;
    private readonly Func<byte[], T>? _deserializer;

    public Marshaller(Func<T, byte[]> serializer, Func<byte[], T> deserializer)
    {
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _deserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
        ContextualSerializer = (message, context) => context.Complete(_serializer(message));
        ContextualDeserializer = context => _deserializer(context.PayloadAsNewBuffer());
    }

    public Marshaller(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer)
    {
        ContextualSerializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        ContextualDeserializer = deserializer ?? throw new ArgumentNullException(nameof(deserializer));
    }

    public Func<T, byte[]> Serializer => _serializer ?? SerializeToArray;

    public Func<byte[], T> Deserializer => _deserializer ?? DeserializeFromArray;

    public Action<T, SerializationContext> ContextualSerializer { get; }

    public Func<DeserializationContext, T> ContextualDeserializer { get; }

    private byte[] SerializeToArray(T message)
    {
        var context = new ArraySerializationContext();
        ContextualSerializer(message, context);
        return context.Result ?? throw new InvalidOperationException("The serializer did not complete the payload.");
    }

    private T DeserializeFromArray(byte[] payload) => ContextualDeserializer(new ArrayDeserializationContext(payload));

    private sealed class ArraySerializationContext : SerializationContext
    {
        private ArrayBufferWriter<byte>? _writer;

        public byte[]? Result { get; private set; }

        public override void Complete(byte[] payload) => Result = payload;

        public override IBufferWriter<byte> GetBufferWriter() => _writer ??= new ArrayBufferWriter<byte>();

        public override void SetPayloadLength(int payloadLength)
        {
        }

        public override void Complete() => Result = _writer is null ? [] : _writer.WrittenSpan.ToArray();
    }

    private sealed class ArrayDeserializationContext(byte[] payload) : DeserializationContext
    {
        public override int PayloadLength => payload.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

        public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
    }
}

/// <summary>Factory methods for <see cref="Marshaller{T}"/>.</summary>
public static class Marshallers
{
    public static Marshaller<string> StringMarshaller { get; } = new(
        System.Text.Encoding.UTF8.GetBytes,
        System.Text.Encoding.UTF8.GetString);

    public static Marshaller<T> Create<T>(Func<T, byte[]> serializer, Func<byte[], T> deserializer) => new(serializer, deserializer);

    public static Marshaller<T> Create<T>(Action<T, SerializationContext> serializer, Func<DeserializationContext, T> deserializer) => new(serializer, deserializer);
}

/// <summary>
/// Where a marshaller writes one serialized message. As in Grpc.Core.Api the members are virtual; the
/// client and server contexts override them all.
/// </summary>
public abstract class SerializationContext
{
    private static NotSupportedException Unsupported(string member) =>
        new($"This serialization context does not support {member}; override it in the derived context.");

    /// <summary>Completes serialization with the whole payload in one array.</summary>
    public virtual void Complete(byte[] payload) => throw Unsupported("Complete(byte[])");

    /// <summary>Announces the payload length before writing through <see cref="GetBufferWriter"/>.</summary>
    public virtual void SetPayloadLength(int payloadLength) => throw Unsupported(nameof(SetPayloadLength));

    public virtual IBufferWriter<byte> GetBufferWriter() => throw Unsupported(nameof(GetBufferWriter));

    /// <summary>Completes serialization of what was written to <see cref="GetBufferWriter"/>.</summary>
    public virtual void Complete() => throw Unsupported("Complete()");
}

/// <summary>Where a marshaller reads one received message.</summary>
public abstract class DeserializationContext
{
    public abstract int PayloadLength { get; }

    public virtual byte[] PayloadAsNewBuffer() => throw new NotSupportedException("This deserialization context does not support PayloadAsNewBuffer; override it in the derived context.");

    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotSupportedException("This deserialization context does not support PayloadAsReadOnlySequence; override it in the derived context.");
}
