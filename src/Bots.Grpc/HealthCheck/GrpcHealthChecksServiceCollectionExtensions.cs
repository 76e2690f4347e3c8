using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcHealthChecksServiceCollectionExtensions
{
    /// <summary>Registers the one <see cref="HealthServiceImpl"/> whose statuses the health service reports.</summary>
    public static IServiceCollection AddGrpcHealthChecks(this IServiceCollection services)
    {
        services.TryAddSingleton<HealthServiceImpl>();
        return services;
    }
}
