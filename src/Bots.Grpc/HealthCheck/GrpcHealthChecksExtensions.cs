using Bots.Grpc.Server;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcHealthChecksExtensions
{
    /// <summary>
    /// Maps grpc.health.v1.Health. Once the app has started, "" and every mapped service that has no
    /// status yet report SERVING; when it stops, everything reports NOT_SERVING and Watch streams end.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var health = services.GetService<HealthServiceImpl>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before app.MapGrpcHealthChecksService().");
        var builder = endpoints.MapGrpcService<HealthServiceImpl>();
        var registry = services.GetRequiredService<GrpcServiceRegistry>();
        var lifetime = services.GetService<IHostApplicationLifetime>();
        if (lifetime is null)
        {
            MarkServing(health, registry);
        }
        else
        {
            lifetime.ApplicationStarted.Register(() => MarkServing(health, registry));
            lifetime.ApplicationStopping.Register(health.Shutdown);
        }

        return builder;
    }

    private static void MarkServing(HealthServiceImpl health, GrpcServiceRegistry registry)
    {
        foreach (var name in registry.ServiceNames.Prepend(""))
        {
            if (health.GetStatus(name) is null)
            {
                health.SetStatus(name, HealthCheckResponse.Types.ServingStatus.Serving);
            }
        }
    }
}
