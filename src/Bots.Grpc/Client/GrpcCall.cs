using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Bots.Grpc.Internal;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Compression;

namespace Bots.Grpc.Client;

/// <summary>One client call over HTTP/2: request, response messages, status, trailers, deadline and cancellation.</summary>
internal sealed class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class
    where TResponse : class
{
    private const string UserAgent = "grpc-dotnet-bots/1.0";
    private const int NotCancelled = 0;
    private const int CancelledByDeadline = 1;
    private const int CancelledByCaller = 2;
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(30);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly string? _host;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource _headersReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly DateTime? _deadlineUtc;
    private readonly object _lock = new();
    private CancellationTokenRegistration _callerRegistration;
    private int _cancelReason;
    private HttpResponseMessage? _response;
    private PipeReader? _responseReader;
    private PushStreamContent? _pushContent;
    private Task? _responseStarted;
    private Status? _status;
    private HttpHeaders? _rawHeaders;
    private Task<Metadata>? _responseHeaders;
    private HttpHeaders? _rawTrailers;
    private Metadata? _trailers;
    private bool _finished;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        ObjectDisposedException.ThrowIf(channel.Disposed, channel);
        _channel = channel;
        _method = method;
        _host = host;
        _options = options;
        var channelOptions = channel.Options;
        _reader = new MessageReader(channelOptions.MaxReceiveMessageSize, null, "response");
        var compression = RequestCompression(options.Headers, channelOptions.CompressionProviders);
        _writer = new MessageWriter(channelOptions.MaxSendMessageSize, compression, null, "request");

        if (options.CancellationToken.CanBeCanceled)
        {
            _callerRegistration = options.CancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(CancelledByCaller), this);
        }

        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            _deadlineUtc = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;
            var timeout = _deadlineUtc.Value - DateTime.UtcNow;
            if (timeout <= TimeSpan.Zero)
            {
                Cancel(CancelledByDeadline);
            }
            else if (timeout < MaxTimer)
            {
                DeadlineTimer = new Timer(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(CancelledByDeadline), this, timeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private Timer? DeadlineTimer { get; }

    public static Func<object, Task<Metadata>> ResponseHeadersCallback { get; } = static call => ((GrpcCall<TRequest, TResponse>)call).ResponseHeadersAsync();

    public static Func<object, Status> StatusCallback { get; } = static call => ((GrpcCall<TRequest, TResponse>)call).GetStatus();

    public static Func<object, Metadata> TrailersCallback { get; } = static call => ((GrpcCall<TRequest, TResponse>)call).GetTrailers();

    public static Action<object> DisposeCallback { get; } = static call => ((GrpcCall<TRequest, TResponse>)call).Dispose();

    /// <summary>Response headers as metadata, built only when someone asks for them.</summary>
    public Task<Metadata> ResponseHeadersAsync() => _responseHeaders ??= ReadResponseHeadersAsync();

    public IAsyncStreamReader<TResponse> ResponseStream => new ResponseStreamReader(this);

    public IClientStreamWriter<TRequest> RequestStream => new RequestStreamWriter(this);

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished, so it has no status yet.");

    public Metadata GetTrailers()
    {
        lock (_lock)
        {
            return _trailers ??= _rawTrailers is not null
                ? ReadMetadata(_rawTrailers)
                : throw new InvalidOperationException("The call has not finished, so it has no trailers yet.");
        }
    }

    private Metadata GetTrailersOrEmpty()
    {
        lock (_lock)
        {
            return _trailers ?? (_rawTrailers is null ? new Metadata() : GetTrailers());
        }
    }

    private async Task<Metadata> ReadResponseHeadersAsync()
    {
        await _headersReady.Task.ConfigureAwait(false);
        return ReadMetadata(_rawHeaders!);
    }

    public async Task<TResponse> UnaryAsync(TRequest request)
    {
        try
        {
            var framed = Frame(request);
            await SendWithRetriesAsync(framed).ConfigureAwait(false);
            return await ReadSingleResponseAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Starts a streaming call; <paramref name="request"/> is the single request of server streaming, or null when the caller streams requests.</summary>
    public void StartStreaming(TRequest? request)
    {
        _responseStarted = StartAsync(request);
        _responseStarted.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        async Task StartAsync(TRequest? single)
        {
            try
            {
                HttpContent content = single is null ? _pushContent = new PushStreamContent() : new FramedMessageContent(Frame(single));
                await SendAsync(content, canRetry: false).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                throw Fail(e);
            }
        }
    }

    public async Task<TResponse> SingleResponseAsync()
    {
        try
        {
            await _responseStarted!.ConfigureAwait(false);
            return await ReadSingleResponseAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw Fail(e);
        }
        finally
        {
            Finish();
        }
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Cancel(CancelledByCaller);
        }

        Finish();
    }

    private ReadOnlyMemory<byte> Frame(TRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        _writer.Write(buffer, request, _method.RequestMarshaller.ContextualSerializer, _options.WriteOptions);
        return buffer.WrittenMemory;
    }

    private async Task SendWithRetriesAsync(ReadOnlyMemory<byte> framed)
    {
        var policy = _channel.Options.RetryPolicy;
        var backoff = policy?.InitialBackoff ?? TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var canRetry = policy is not null && attempt < policy.MaxAttempts;
            var retry = await SendAsync(new FramedMessageContent(framed), canRetry).ConfigureAwait(false);
            if (retry is not { } pushback)
            {
                return;
            }

            // Full jitter (gRFC A6): a random delay up to the current back-off, unless the server asked for one.
            var delay = pushback >= TimeSpan.Zero ? pushback : TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * backoff.Ticks));
            if (_deadlineUtc is { } deadline && DateTime.UtcNow + delay >= deadline)
            {
                Cancel(CancelledByDeadline);
            }

            await Task.Delay(delay, _cts.Token).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min((long)(backoff.Ticks * policy!.BackoffMultiplier), policy.MaxBackoff.Ticks));
        }
    }

    /// <summary>
    /// Sends the request and reads the response headers. Returns a retry delay (negative: use back-off)
    /// when the attempt failed retryably before any response started, else null.
    /// </summary>
    private async Task<TimeSpan?> SendAsync(HttpContent content, bool canRetry)
    {
        var request = CreateRequest(content);
        HttpResponseMessage response;
        try
        {
            response = await _channel.HttpInvoker.SendAsync(request, _cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (canRetry && !_cts.IsCancellationRequested && IsRetryable(StatusFromException(e).StatusCode))
        {
            return TimeSpan.FromTicks(-1);
        }

        if (ImmediateStatus(response) is { } status)
        {
            // Trailers-Only or not a gRPC response at all: the call ends with these headers.
            if (status.StatusCode != StatusCode.OK && canRetry && IsRetryable(status.StatusCode) && Pushback(response.Headers) is { } pushback)
            {
                response.Dispose();
                return pushback;
            }

            lock (_lock)
            {
                _response = response;
                _status = status;
                _rawHeaders = response.Headers;
                _rawTrailers = response.Headers;
            }

            _headersReady.TrySetResult();
            if (status.StatusCode != StatusCode.OK)
            {
                throw new RpcException(status, GetTrailers());
            }

            return null;
        }

        lock (_lock)
        {
            _response = response;
            _rawHeaders = response.Headers;
        }

        var stream = await response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
        _responseReader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true));
        _headersReady.TrySetResult();
        return null;
    }

    private bool IsRetryable(StatusCode code) => _channel.Options.RetryPolicy?.RetryableStatusCodes.Contains(code) == true;

    /// <summary>The server's grpc-retry-pushback-ms: a delay, or null when it forbids retrying; without it, back-off (negative).</summary>
    private static TimeSpan? Pushback(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues(GrpcProtocol.RetryPushbackTrailer, out var values))
        {
            return TimeSpan.FromTicks(-1);
        }

        return int.TryParse(values.FirstOrDefault(), out var ms) && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _channel.GetMethodUri(_method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, _channel.AcceptEncoding);
        if (_host is not null)
        {
            headers.Host = _host;
        }

        if (_deadlineUtc is { } deadline)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcProtocol.FormatTimeout(deadline - DateTime.UtcNow));
        }

        if (_writer.Compression is { } compression)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, compression.EncodingName);
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (entry.Key != Metadata.CompressionRequestAlgorithmMetadataKey)
                {
                    headers.TryAddWithoutValidation(entry.Key, GrpcProtocol.HeaderValue(entry));
                }
            }
        }

        content.Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
        return request;
    }

    /// <summary>The status carried by the response headers alone (Trailers-Only, HTTP error, wrong content type), if any.</summary>
    private Status? ImmediateStatus(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var code = GrpcProtocol.StatusFromHttpStatus((int)response.StatusCode);
            return new Status(code, $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}.");
        }

        if (response.Headers.TryGetValues(GrpcProtocol.StatusTrailer, out var statusValues))
        {
            response.Headers.TryGetValues(GrpcProtocol.MessageTrailer, out var messageValues);
            return new Status(GrpcProtocol.ParseStatus(statusValues.FirstOrDefault()), GrpcProtocol.DecodeMessage(messageValues?.FirstOrDefault()));
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}.");
        }

        var encoding = response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodingValues) ? encodingValues.FirstOrDefault() : null;
        if (encoding is not null && !encoding.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            _reader.Compression = CompressionProviders.Find(_channel.Options.CompressionProviders, encoding);
            if (_reader.Compression is null)
            {
                return new Status(StatusCode.Internal, $"The server compressed the response with unsupported encoding '{encoding}'.");
            }
        }

        return null;
    }

    private ValueTask<TResponse?> ReadMessageAsync()
    {
        if (_responseReader is null)
        {
            // Trailers-Only OK response: no messages.
            return ValueTask.FromResult<TResponse?>(null);
        }

        return _reader.ReadAsync(_responseReader, _method.ResponseMarshaller.ContextualDeserializer, _cts.Token);
    }

    private async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadMessageAsync().ConfigureAwait(false);
        if (message is null)
        {
            CompleteFromTrailers();
            throw new RpcException(new Status(StatusCode.Internal, "The server ended the call without a response message."));
        }

        if (await ReadMessageAsync().ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message for a single-response method."));
        }

        CompleteFromTrailers();
        return message;
    }

    /// <summary>Reads the status from the trailers once the response body is done; throws for a non-OK status.</summary>
    private void CompleteFromTrailers()
    {
        if (_status is null)
        {
            var trailing = _response!.TrailingHeaders;
            Status status;
            if (trailing.TryGetValues(GrpcProtocol.StatusTrailer, out var statusValues))
            {
                trailing.TryGetValues(GrpcProtocol.MessageTrailer, out var messageValues);
                status = new Status(GrpcProtocol.ParseStatus(statusValues.FirstOrDefault()), GrpcProtocol.DecodeMessage(messageValues?.FirstOrDefault()));
            }
            else
            {
                status = new Status(StatusCode.Unknown, "The response ended without a grpc-status.");
            }

            lock (_lock)
            {
                _rawTrailers = trailing;
                _status = status;
            }
        }

        if (_status.Value.StatusCode != StatusCode.OK)
        {
            throw new RpcException(_status.Value, GetTrailers());
        }
    }

    /// <summary>Records the final status for a failure and returns the exception to surface.</summary>
    private RpcException Fail(Exception exception)
    {
        RpcException result;
        lock (_lock)
        {
            if (exception is RpcException rpc && _status is { } known && rpc.Status.Equals(known))
            {
                result = rpc;
            }
            else
            {
                var status = exception is RpcException own && _cancelReason == NotCancelled ? own.Status : StatusFromException(exception);
                _status = status;
                _trailers ??= _rawTrailers is not null ? ReadMetadata(_rawTrailers)
                    : exception is RpcException withTrailers ? withTrailers.Trailers
                    : new Metadata();
                result = new RpcException(status, _trailers);
            }
        }

        _headersReady.TrySetException(result);
        _ = _headersReady.Task.Exception;
        Finish();
        return result;
    }

    private Status StatusFromException(Exception exception)
    {
        switch (Volatile.Read(ref _cancelReason))
        {
            case CancelledByDeadline:
                return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            case CancelledByCaller:
                return new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RpcException rpc:
                    return rpc.Status;
                case HttpProtocolException protocol:
                    return new Status(GrpcProtocol.StatusFromHttp2Error(protocol.ErrorCode), $"The HTTP/2 stream was reset by the server (error code {protocol.ErrorCode}).", protocol);
            }
        }

        return exception switch
        {
            HttpRequestException or IOException or OperationCanceledException =>
                new Status(StatusCode.Unavailable, $"Error talking to {_channel.Target}: {exception.Message}", exception),
            _ => new Status(StatusCode.Internal, $"Error in the gRPC client: {exception.GetType().Name}: {exception.Message}", exception),
        };
    }

    private void Cancel(int reason)
    {
        lock (_lock)
        {
            if (_finished || _cancelReason != NotCancelled)
            {
                return;
            }

            _cancelReason = reason;
        }

        try
        {
            // Cancelling the HTTP request resets the stream with CANCEL.
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _pushContent?.Abort();
    }

    /// <summary>Releases the HTTP response (resetting the stream if it is still open), timer and registrations once the call is over.</summary>
    private void Finish()
    {
        HttpResponseMessage? response;
        lock (_lock)
        {
            if (_finished || (_status is null && _cancelReason == NotCancelled))
            {
                return;
            }

            _finished = true;
            response = _response;
        }

        _pushContent?.Abort();
        _callerRegistration.Dispose();
        DeadlineTimer?.Dispose();
        _responseReader?.Complete();
        response?.Dispose();
    }

    private static ICompressionProvider? RequestCompression(Metadata? headers, IList<ICompressionProvider> providers)
    {
        var name = headers?.GetValue(Metadata.CompressionRequestAlgorithmMetadataKey);
        if (name is null || name.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return CompressionProviders.Find(providers, name)
            ?? throw new InvalidOperationException($"No compression provider for '{name}' is configured on the channel.");
    }

    private static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (!GrpcProtocol.IsReservedHeader(header.Key))
            {
                GrpcProtocol.AddHeader(metadata, header.Key, header.Value);
            }
        }

        return metadata;
    }

    private sealed class ResponseStreamReader(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    {
        private TResponse? _current;

        public TResponse Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(CancelledByCaller), call)
                : default;
            try
            {
                await call._responseStarted!.ConfigureAwait(false);
                _current = await call.ReadMessageAsync().ConfigureAwait(false);
                if (_current is null)
                {
                    call.CompleteFromTrailers();
                    call.Finish();
                    return false;
                }

                return true;
            }
            catch (Exception e)
            {
                throw call.Fail(e);
            }
        }
    }

    private sealed class RequestStreamWriter(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);
        private int _writing;
        private bool _completed;

        public WriteOptions? WriteOptions { get; set; }

        public async Task WriteAsync(TRequest message)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (_completed)
            {
                throw new InvalidOperationException("The request stream is already complete; no more messages can be written.");
            }

            if (call._status is { } status)
            {
                throw new RpcException(status, call.GetTrailersOrEmpty());
            }

            if (Interlocked.Exchange(ref _writing, 1) == 1)
            {
                throw new InvalidOperationException("Only one write can be pending at a time; await the previous WriteAsync.");
            }

            try
            {
                _buffer.ResetWrittenCount();
                call._writer.Write(_buffer, message, call._method.RequestMarshaller.ContextualSerializer, WriteOptions ?? call._options.WriteOptions);
                var stream = await call._pushContent!.StreamAsync.WaitAsync(call._cts.Token).ConfigureAwait(false);
                await stream.WriteAsync(_buffer.WrittenMemory, call._cts.Token).ConfigureAwait(false);
                await stream.FlushAsync(call._cts.Token).ConfigureAwait(false);
            }
            // The stream being disposed under the write (the call or its connection ended) is a transport failure, not
            // a misuse of this writer, though ObjectDisposedException is an InvalidOperationException.
            catch (Exception e) when (e is not RpcException && (e is not InvalidOperationException || e is ObjectDisposedException))
            {
                if (call._status is { } finalStatus)
                {
                    throw new RpcException(finalStatus, call.GetTrailersOrEmpty());
                }

                throw new RpcException(call.StatusFromException(e));
            }
            finally
            {
                Volatile.Write(ref _writing, 0);
            }
        }

        public Task CompleteAsync()
        {
            _completed = true;
            call._pushContent!.Complete();
            return Task.CompletedTask;
        }
    }
}
