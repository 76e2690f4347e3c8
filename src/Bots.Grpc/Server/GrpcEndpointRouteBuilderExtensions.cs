using Bots.Grpc.Internal;
using Bots.Grpc.Server;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcEndpointRouteBuilderExtensions
{
    private const string UnimplementedRoute = "{unimplementedService}/{unimplementedMethod}";

    /// <summary>Maps every method of a generated-base service at /package.Service/Method; unknown ones answer UNIMPLEMENTED.</summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before app.MapGrpcService<T>().");
        var options = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bots.Grpc.Server");
        var context = new ServerMethodContext<TService>(options, logger, services.GetRequiredService<IServiceProviderIsService>());

        var binder = new ServiceMethodBinder<TService>(context);
        var generatedType = binder.Bind();
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var (method, handler) in binder.Methods)
        {
            builders.Add(endpoints.MapPost(method.FullName, handler)
                .WithDisplayName($"gRPC - {method.FullName}")
                .WithMetadata(method));
            registry.Add(method.ServiceName, generatedType);
        }

        MapUnimplementedOnce(endpoints, registry);
        return new GrpcServiceEndpointConventionBuilder(builders);
    }

    private static void MapUnimplementedOnce(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        foreach (var source in endpoints.DataSources)
        {
            foreach (var endpoint in source.Endpoints)
            {
                if (endpoint.Metadata.GetMetadata<UnimplementedMarker>() is not null)
                {
                    return;
                }
            }
        }

        var builder = endpoints.MapPost(UnimplementedRoute, httpContext => HandleUnimplementedAsync(httpContext, registry))
            .WithDisplayName("gRPC - unimplemented")
            .WithMetadata(new UnimplementedMarker());
        builder.Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
    }

    private static async Task HandleUnimplementedAsync(HttpContext httpContext, GrpcServiceRegistry registry)
    {
        if (!GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType))
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!await GrpcRequestValidation.ValidateAsync(httpContext).ConfigureAwait(false))
        {
            return;
        }

        var service = httpContext.Request.RouteValues["unimplementedService"] as string ?? "";
        var method = httpContext.Request.RouteValues["unimplementedMethod"] as string ?? "";
        var message = registry.Contains(service)
            ? $"Method '{method}' is not implemented by service '{service}'."
            : $"Service '{service}' is not implemented by this server.";
        var response = httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusTrailer] = GrpcProtocol.StatusString(StatusCode.Unimplemented);
        response.Headers[GrpcProtocol.MessageTrailer] = GrpcProtocol.EncodeMessage(message);
    }

    private sealed class UnimplementedMarker;
}

/// <summary>Applies endpoint conventions (authorization, host filters, ...) to every method of a mapped service.</summary>
public sealed class GrpcServiceEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IReadOnlyList<IEndpointConventionBuilder> _builders;

    internal GrpcServiceEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders)
    {
        _builders = builders;
    }

    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in _builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in _builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
