using Grpc.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcReflectionServiceCollectionExtensions
{
    /// <summary>Registers server reflection (grpc.reflection.v1 and v1alpha).</summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        services.TryAddSingleton<ReflectionServiceImpl>();
        services.TryAddSingleton<ReflectionV1AlphaServiceImpl>();
        return services;
    }
}
