using Bots.Grpc.Server;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by AddGrpc, for chaining further gRPC registrations.</summary>
public interface IGrpcServerBuilder
{
    IServiceCollection Services { get; }
}

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Registers the gRPC server; map services with <c>app.MapGrpcService&lt;T&gt;()</c>.</summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions();
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.AddGrpcHealthChecks();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new GrpcServerBuilder(services);
    }

    private sealed class GrpcServerBuilder(IServiceCollection services) : IGrpcServerBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
