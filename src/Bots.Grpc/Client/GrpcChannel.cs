using System.Collections.Concurrent;
using Bots.Grpc.Client;
using Bots.Grpc.Internal;
using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>A gRPC channel over HTTP/2: h2c for http:// addresses, TLS for https://.</summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private readonly bool _disposeInvoker;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        Options = options;
        options.RetryPolicy?.Validate();
        if (options.HttpHandler is null)
        {
            HttpInvoker = new HttpMessageInvoker(CreateDefaultHandler(), disposeHandler: true);
            _disposeInvoker = true;
        }
        else
        {
            HttpInvoker = new HttpMessageInvoker(options.HttpHandler, options.DisposeHttpHandler);
            _disposeInvoker = true;
        }

        Invoker = new HttpCallInvoker(this);
        AcceptEncoding = CompressionProviders.AcceptEncoding(options.CompressionProviders);
    }

    internal string AcceptEncoding { get; }

    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker HttpInvoker { get; }

    internal HttpCallInvoker Invoker { get; }

    internal bool Disposed { get; private set; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address ?? throw new ArgumentNullException(nameof(address))), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"A gRPC address is an absolute http:// or https:// URL, not '{address}'.", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    public override CallInvoker CreateCallInvoker() => Invoker;

    internal Uri GetMethodUri(IMethod method) =>
        _methodUris.GetOrAdd(method.FullName, static (path, address) => new Uri(address, path), Address);

    public void Dispose()
    {
        if (Disposed)
        {
            return;
        }

        Disposed = true;
        if (_disposeInvoker)
        {
            HttpInvoker.Dispose();
        }
    }

    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        // One HTTP/2 connection caps concurrent streams (often at 100); more connections lift that cap.
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };
}
