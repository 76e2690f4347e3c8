using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Grpc.Net.ClientFactory;

/// <summary>How AddGrpcClient builds a client: the server address, channel settings and interceptors.</summary>
public sealed class GrpcClientFactoryOptions
{
    /// <summary>The server, e.g. http://127.0.0.1:50051 (h2c) or https://store:50051 (TLS).</summary>
    public Uri? Address { get; set; }

    public IList<Action<GrpcChannelOptions>> ChannelOptionsActions { get; } = [];

    public IList<Func<IServiceProvider, Interceptor>> InterceptorFactories { get; } = [];
}
