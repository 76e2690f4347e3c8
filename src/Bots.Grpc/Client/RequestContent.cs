using System.Net;

namespace Bots.Grpc.Client;

/// <summary>A request body already framed in memory (unary and server-streaming calls).</summary>
internal sealed class FramedMessageContent(ReadOnlyMemory<byte> framed) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(framed).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(framed, cancellationToken).AsTask();

    // gRPC requests carry no content-length; the stream ends with END_STREAM.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>A request body the caller writes message by message while the call runs (client and bidi streaming).</summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Stream> StreamAsync => _stream.Task;

    /// <summary>Ends the request stream (END_STREAM) once pending writes are done.</summary>
    public void Complete() => _complete.TrySetResult();

    public void Abort()
    {
        _stream.TrySetCanceled();
        _complete.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.UnsafeRegister(static state => ((PushStreamContent)state!).Abort(), this);
        // SocketsHttpHandler holds a request's HEADERS frame back until its first DATA frame. A call whose server
        // speaks first (a watch) would otherwise never reach the server until some other write flushed the connection.
        try
        {
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Abort();
            throw;
        }

        _stream.TrySetResult(stream);
        await _complete.Task.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
