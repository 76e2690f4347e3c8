using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bots.Hosting;

/// <summary>
/// Typed clients for the other Bots services, found through `Services:&lt;Name&gt;`. Every call carries
/// the API key when one is configured and a deadline when the caller set none, so that a slow or
/// dead service never holds a request forever; UNAVAILABLE is retried with back-off by the channel.
/// </summary>
public static class ServiceClients
{
    public const string Section = "Services";

    /// <summary>Deadline given to unary calls that have none.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    /// <param name="defaultAddress">Used when `Services:&lt;Name&gt;` is unset (e.g. a front end beside the services on this machine); null makes the setting required.</param>
    public static IGrpcClientBuilder AddServiceClient<TClient>(this WebApplicationBuilder builder, string serviceName, string? defaultAddress = null)
        where TClient : ClientBase
    {
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ServiceClientMarker<TClient>));
        if (existing?.ImplementationInstance is ServiceClientMarker<TClient> marker)
        {
            // In the all-in-one host several services ask for the same client: one registration serves all.
            return marker.Builder;
        }

        var key = $"{Section}:{serviceName}";
        var address = Address(string.IsNullOrWhiteSpace(builder.Configuration[key]) ? defaultAddress : builder.Configuration[key], key);
        var apiKey = builder.Configuration[$"{BotsOptions.Section}:{nameof(BotsOptions.ApiKey)}"];
        var clientBuilder = builder.Services
            .AddGrpcClient<TClient>(options => options.Address = address)
            .AddInterceptor(_ => new ServiceCallInterceptor(string.IsNullOrEmpty(apiKey) ? null : apiKey));
        builder.Services.AddSingleton(new ServiceClientMarker<TClient>(clientBuilder));
        return clientBuilder;
    }

    private sealed record ServiceClientMarker<TClient>(IGrpcClientBuilder Builder);

    private static Uri Address(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"{key} is not set: give the service's address, e.g. http://127.0.0.1:50051.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{key} '{value}' is not an http:// or https:// address, e.g. http://127.0.0.1:50051.");
        }

        return uri;
    }

    private sealed class ServiceCallInterceptor(string? apiKey) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, Prepare(context, withDeadline: true));

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, Prepare(context, withDeadline: true));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, Prepare(context, withDeadline: false));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(Prepare(context, withDeadline: false));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(Prepare(context, withDeadline: false));

        private ClientInterceptorContext<TRequest, TResponse> Prepare<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, bool withDeadline)
            where TRequest : class
            where TResponse : class
        {
            var options = context.Options;
            if (apiKey is not null && options.Headers?.Get("authorization") is null)
            {
                // A copy: the caller's Metadata may be shared between calls.
                var headers = new Metadata();
                foreach (var entry in options.Headers ?? [])
                {
                    headers.Add(entry);
                }

                headers.Add("authorization", "Bearer " + apiKey);
                options = options.WithHeaders(headers);
            }

            if (withDeadline && options.Deadline is null)
            {
                options = options.WithDeadline(DateTime.UtcNow + DefaultDeadline);
            }

            return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
        }
    }
}
