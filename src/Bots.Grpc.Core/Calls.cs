using System.Runtime.CompilerServices;

namespace Grpc.Core;

/// <summary>A unary call in flight: await it for the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly CallCallbacks _callbacks;

    /// <summary>Callbacks taking <paramref name="state"/>, so a call needs no closures and can read its headers lazily.</summary>
    public AsyncUnaryCall(Task<TResponse> responseAsync, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ResponseAsync = responseAsync;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ResponseAsync = responseAsync;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync => _callbacks.ResponseHeadersAsync();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    /// <summary>The final status; only valid once the call has finished.</summary>
    public Status GetStatus() => _callbacks.GetStatus();

    /// <summary>The trailers; only valid once the call has finished.</summary>
    public Metadata GetTrailers() => _callbacks.GetTrailers();

    /// <summary>Cancels the call if it is still running and frees its resources.</summary>
    public void Dispose() => _callbacks.Dispose();
}

/// <summary>A server-streaming call in flight: read the responses from <see cref="ResponseStream"/>.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly CallCallbacks _callbacks;

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ResponseStream = responseStream;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public AsyncServerStreamingCall(IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ResponseStream = responseStream;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public Task<Metadata> ResponseHeadersAsync => _callbacks.ResponseHeadersAsync();

    public Status GetStatus() => _callbacks.GetStatus();

    public Metadata GetTrailers() => _callbacks.GetTrailers();

    public void Dispose() => _callbacks.Dispose();
}

/// <summary>A client-streaming call in flight: write requests, complete, then await the response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallCallbacks _callbacks;

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public AsyncClientStreamingCall(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync => _callbacks.ResponseHeadersAsync();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    public Status GetStatus() => _callbacks.GetStatus();

    public Metadata GetTrailers() => _callbacks.GetTrailers();

    public void Dispose() => _callbacks.Dispose();
}

/// <summary>A bidirectional-streaming call in flight.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallCallbacks _callbacks;

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    public AsyncDuplexStreamingCall(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction);
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public Task<Metadata> ResponseHeadersAsync => _callbacks.ResponseHeadersAsync();

    public Status GetStatus() => _callbacks.GetStatus();

    public Metadata GetTrailers() => _callbacks.GetTrailers();

    public void Dispose() => _callbacks.Dispose();
}

/// <summary>The status, trailer, header and dispose callbacks every call type carries.</summary>
internal readonly struct CallCallbacks
{
    private readonly Func<object, Task<Metadata>> _responseHeadersAsync;
    private readonly Func<object, Status> _getStatus;
    private readonly Func<object, Metadata> _getTrailers;
    private readonly Action<object> _dispose;
    private readonly object _state;

    public CallCallbacks(Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        _responseHeadersAsync = responseHeadersAsync ?? throw new ArgumentNullException(nameof(responseHeadersAsync));
        _getStatus = getStatus ?? throw new ArgumentNullException(nameof(getStatus));
        _getTrailers = getTrailers ?? throw new ArgumentNullException(nameof(getTrailers));
        _dispose = dispose ?? throw new ArgumentNullException(nameof(dispose));
        _state = state;
    }

    public CallCallbacks(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
        : this(
            static s => ((Closures)s).Headers,
            static s => ((Closures)s).GetStatus(),
            static s => ((Closures)s).GetTrailers(),
            static s => ((Closures)s).Dispose(),
            new Closures(responseHeadersAsync, getStatus, getTrailers, dispose))
    {
    }

    public Task<Metadata> ResponseHeadersAsync() => _responseHeadersAsync(_state);

    public Status GetStatus() => _getStatus(_state);

    public Metadata GetTrailers() => _getTrailers(_state);

    public void Dispose() => _dispose(_state);

    private sealed record Closures(Task<Metadata> Headers, Func<Status> GetStatus, Func<Metadata> GetTrailers, Action Dispose);
}
