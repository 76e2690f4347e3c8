using System.IO.Compression;
using System.Net;
using Bots.Grpc.Internal;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace Bots.Grpc.Server;

/// <summary>One gRPC call served over an ASP.NET Core HTTP/2 request.</summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly GrpcServiceOptions _options;
    private readonly ILogger _logger;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private CancellationTokenSource? _deadlineCts;
    private CancellationTokenSource? _linkedCts;
    private SemaphoreSlim? _writeLock;
    private bool _headersSent;
    private bool _completed;
    private string? _responseEncoding;

    public HttpServerCallContext(HttpContext httpContext, string method, GrpcServiceOptions options, ILogger logger)
    {
        HttpContext = httpContext;
        MethodCore = method;
        _options = options;
        _logger = logger;
        Reader = new MessageReader(options.MaxReceiveMessageSize, null, "request");
        Writer = new MessageWriter(options.MaxSendMessageSize, null, options.ResponseCompressionLevel ?? CompressionLevel.Fastest, "response");
    }

    public HttpContext HttpContext { get; }

    public MessageReader Reader { get; }

    public MessageWriter Writer { get; }

    public DateTime DeadlineUtc { get; private set; } = DateTime.MaxValue;

    public bool DeadlineExceeded => _deadlineCts?.IsCancellationRequested == true;

    protected override string MethodCore { get; }

    protected override string HostCore => HttpContext.Request.Host.Value ?? "";

    protected override string PeerCore => FormatPeer(HttpContext.Connection.RemoteIpAddress, HttpContext.Connection.RemotePort);

    protected override DateTime DeadlineCore => DeadlineUtc;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= ReadRequestHeaders();

    protected override CancellationToken CancellationTokenCore => _linkedCts?.Token ?? HttpContext.RequestAborted;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore { get; set; } = Status.DefaultSuccess;

    protected override WriteOptions? WriteOptionsCore { get; set; }

    /// <summary>
    /// Validates the request headers and sets up deadline and compression.
    /// Returns a status to send at once (Trailers-Only) when the call cannot proceed.
    /// </summary>
    public Status? Initialize()
    {
        var request = HttpContext.Request;

        // Streaming calls outlive Kestrel's body-size and minimum-data-rate limits, which suit HTTP uploads.
        var bodySize = HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = null;
        }

        var minRate = HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>();
        if (minRate is not null)
        {
            minRate.MinDataRate = null;
        }

        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && !encoding.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            var provider = CompressionProviders.Find(_options.CompressionProviders, encoding);
            if (provider is null)
            {
                HttpContext.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = CompressionProviders.AcceptEncoding(_options.CompressionProviders);
                return new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {CompressionProviders.AcceptEncoding(_options.CompressionProviders)}");
            }

            Reader.Compression = provider;
        }

        var timeoutHeader = request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcProtocol.TryParseTimeout(timeoutHeader, out var timeout))
            {
                return new Status(StatusCode.Internal, $"Malformed grpc-timeout value '{timeoutHeader}'.");
            }

            StartDeadline(timeout);
        }

        if (_options.ResponseCompressionAlgorithm is { } algorithm)
        {
            _responseEncoding = algorithm;
        }

        return null;
    }

    private void StartDeadline(TimeSpan timeout)
    {
        if (timeout > MaxDeadline)
        {
            // Beyond any timer's range and any real call's life: treat as no deadline.
            return;
        }

        DeadlineUtc = DateTime.UtcNow + timeout;
        _writeLock = new SemaphoreSlim(1, 1);
        _deadlineCts = new CancellationTokenSource();
        _linkedCts = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted, _deadlineCts.Token);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deadlineCts.Token.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), reached);
        DeadlineTask = reached.Task;
        _deadlineCts.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
    }

    private static readonly TimeSpan MaxDeadline = TimeSpan.FromDays(30);

    /// <summary>Completes when the deadline passes; null without a deadline.</summary>
    public Task? DeadlineTask { get; private set; }

    public async Task WriteMessageAsync<T>(T message, Action<T, SerializationContext> serializer, bool flush)
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (_completed)
            {
                throw new InvalidOperationException("The call is complete; no more messages can be written.");
            }

            EnsureResponseHeaders();
            var bodyWriter = HttpContext.Response.BodyWriter;
            Writer.Write(bodyWriter, message, serializer, WriteOptions);
            if (flush)
            {
                var result = await bodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException(CancellationToken);
                }
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (_headersSent || HttpContext.Response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            foreach (var entry in responseHeaders)
            {
                if (entry.Key == Metadata.CompressionRequestAlgorithmMetadataKey)
                {
                    _responseEncoding = entry.Value;
                    continue;
                }

                HttpContext.Response.Headers.Append(entry.Key, GrpcProtocol.HeaderValue(entry));
            }

            EnsureResponseHeaders();
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    private void EnsureResponseHeaders()
    {
        if (_headersSent)
        {
            return;
        }

        _headersSent = true;
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        if (_responseEncoding is not null
            && !_responseEncoding.Equals(GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase)
            && CompressionProviders.Accepts(HttpContext.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), _responseEncoding)
            && CompressionProviders.Find(_options.CompressionProviders, _responseEncoding) is { } provider)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = provider.EncodingName;
            Writer.Compression = provider;
        }
    }

    /// <summary>Ends the call with <see cref="Status"/>: trailers after messages, or Trailers-Only when nothing was sent.</summary>
    public async Task EndCallAsync()
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            WriteStatus(StatusCore);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Turns a handler failure into the call's status; only RpcException's status reaches the client as-is.</summary>
    public void SetStatusFromException(Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                StatusCore = rpc.Status;
                foreach (var entry in rpc.Trailers)
                {
                    ResponseTrailersCore.Add(entry);
                }

                break;
            case OperationCanceledException when DeadlineExceeded:
                StatusCore = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                break;
            case OperationCanceledException or IOException when HttpContext.RequestAborted.IsCancellationRequested:
                StatusCore = new Status(StatusCode.Cancelled, "The call was cancelled by the client.");
                break;
            default:
                _logger.LogError(exception, "gRPC method {Method} failed", MethodCore);
                var detail = _options.EnableDetailedErrors
                    ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                    : "Exception was thrown by handler.";
                StatusCore = new Status(StatusCode.Unknown, detail, exception);
                break;
        }
    }

    /// <summary>Sends DEADLINE_EXCEEDED at once, while the handler (whose token is now cancelled) winds down.</summary>
    public async Task OnDeadlineAsync()
    {

        // A handler stuck in a flow-controlled write holds the lock; then the stream is reset instead.
        var locked = _writeLock is null || await _writeLock.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        try
        {
            if (!locked || _completed || HttpContext.RequestAborted.IsCancellationRequested)
            {
                if (!_completed)
                {
                    _completed = true;
                    ResetStream();
                }

                return;
            }

            _completed = true;
            WriteStatus(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            await HttpContext.Response.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            if (locked)
            {
                _writeLock?.Release();
            }
        }
    }

    private void ResetStream()
    {
        HttpContext.Features.Get<IHttpResetFeature>()?.Reset(GrpcProtocol.Http2Cancel);
    }

    private void WriteStatus(Status status)
    {
        var response = HttpContext.Response;
        if (!_headersSent && !response.HasStarted)
        {
            // Trailers-Only: the status travels in the one HEADERS frame that ends the stream.
            _headersSent = true;
            response.ContentType = GrpcProtocol.ContentType;
            response.Headers[GrpcProtocol.StatusTrailer] = GrpcProtocol.StatusString(status.StatusCode);
            if (status.Detail.Length > 0)
            {
                response.Headers[GrpcProtocol.MessageTrailer] = GrpcProtocol.EncodeMessage(status.Detail);
            }

            if (_responseTrailers is not null)
            {
                foreach (var entry in _responseTrailers)
                {
                    response.Headers.Append(entry.Key, GrpcProtocol.HeaderValue(entry));
                }
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusTrailer, GrpcProtocol.StatusString(status.StatusCode));
        if (status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcProtocol.MessageTrailer, GrpcProtocol.EncodeMessage(status.Detail));
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                response.AppendTrailer(entry.Key, GrpcProtocol.HeaderValue(entry));
            }
        }
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in HttpContext.Request.Headers)
        {
            if (!GrpcProtocol.IsReservedHeader(header.Key))
            {
                GrpcProtocol.AddHeader(metadata, header.Key, header.Value);
            }
        }

        return metadata;
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };

    public void Dispose()
    {
        _linkedCts?.Dispose();
        _deadlineCts?.Dispose();
        _writeLock?.Dispose();
    }
}
