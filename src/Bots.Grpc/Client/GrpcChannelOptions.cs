using Bots.Grpc.Internal;
using Grpc.Net.Client.Configuration;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Handler to send requests through; a SocketsHttpHandler set up for gRPC when null.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Disposes <see cref="HttpHandler"/> with the channel.</summary>
    public bool DisposeHttpHandler { get; set; } = true;

    /// <summary>Largest response message accepted, in bytes (4 MiB by default); null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent, in bytes; null means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Encodings the channel can compress and decompress; gzip and deflate by default.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; set; } = Bots.Grpc.Internal.CompressionProviders.CreateDefault();

    /// <summary>Retries of unary calls that fail with a retryable status before any response; null disables retries.</summary>
    public RetryPolicy? RetryPolicy { get; set; } = new();
}
