using Grpc.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>Maps server reflection under grpc.reflection.v1 and v1alpha, describing every mapped service.</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ReflectionServiceImpl>() is null)
        {
            throw new InvalidOperationException("Call services.AddGrpcReflection() before app.MapGrpcReflectionService().");
        }

        var v1 = endpoints.MapGrpcService<ReflectionServiceImpl>();
        var v1Alpha = endpoints.MapGrpcService<ReflectionV1AlphaServiceImpl>();
        return new GrpcServiceEndpointConventionBuilder([v1, v1Alpha]);
    }
}
