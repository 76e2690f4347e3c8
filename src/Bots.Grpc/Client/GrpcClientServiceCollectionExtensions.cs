using System.Collections.Concurrent;
using System.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by AddGrpcClient, for configuring the client's channel and interceptors.</summary>
public interface IGrpcClientBuilder
{
    string Name { get; }

    IServiceCollection Services { get; }
}

public static class GrpcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a generated client (e.g. ArticleStore.ArticleStoreClient) as a transient service.
    /// All instances share one channel (one HTTP/2 connection pool) per client type.
    /// </summary>
    public static IGrpcClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, Action<GrpcClientFactoryOptions> configure)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddGrpcClient<TClient>((_, options) => configure(options));
    }

    public static IGrpcClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, Action<IServiceProvider, GrpcClientFactoryOptions> configure)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var name = typeof(TClient).FullName ?? typeof(TClient).Name;
        var constructor = typeof(TClient).GetConstructor([typeof(CallInvoker)])
            ?? throw new InvalidOperationException($"{typeof(TClient)} has no constructor taking a CallInvoker; is it a generated gRPC client?");

        services.AddOptions();
        services.TryAddSingleton<GrpcChannelCache>();
        services.AddSingleton<IConfigureOptions<GrpcClientFactoryOptions>>(sp =>
            new ConfigureNamedOptions<GrpcClientFactoryOptions>(name, options => configure(sp, options)));
        services.AddTransient(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<GrpcClientFactoryOptions>>().Get(name);
            var channel = sp.GetRequiredService<GrpcChannelCache>().GetOrCreate(name, typeof(TClient), options);
            var invoker = channel.CreateCallInvoker();
            if (options.InterceptorFactories.Count > 0)
            {
                invoker = invoker.Intercept(options.InterceptorFactories.Select(factory => factory(sp)).ToArray());
            }

            return (TClient)constructor.Invoke([invoker]);
        });
        return new GrpcClientBuilder(name, services);
    }

    /// <summary>Adds an interceptor to every call of the client; the first added sees each call first.</summary>
    public static IGrpcClientBuilder AddInterceptor(this IGrpcClientBuilder builder, Func<IServiceProvider, Interceptor> factory)
    {
        builder.Services.Configure<GrpcClientFactoryOptions>(builder.Name, options => options.InterceptorFactories.Add(factory));
        return builder;
    }

    public static IGrpcClientBuilder ConfigureChannel(this IGrpcClientBuilder builder, Action<GrpcChannelOptions> configure)
    {
        builder.Services.Configure<GrpcClientFactoryOptions>(builder.Name, options => options.ChannelOptionsActions.Add(configure));
        return builder;
    }

    private sealed class GrpcClientBuilder(string name, IServiceCollection services) : IGrpcClientBuilder
    {
        public string Name { get; } = name;

        public IServiceCollection Services { get; } = services;
    }

    /// <summary>One channel per registered client, disposed with the container.</summary>
    private sealed class GrpcChannelCache : IDisposable
    {
        private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new(StringComparer.Ordinal);

        public GrpcChannel GetOrCreate(string name, Type clientType, GrpcClientFactoryOptions options) =>
            _channels.GetOrAdd(name, _ => new Lazy<GrpcChannel>(() => Create(clientType, options))).Value;

        public void Dispose()
        {
            foreach (var channel in _channels.Values)
            {
                if (channel.IsValueCreated)
                {
                    channel.Value.Dispose();
                }
            }
        }

        private static GrpcChannel Create(Type clientType, GrpcClientFactoryOptions options)
        {
            var address = options.Address
                ?? throw new InvalidOperationException($"No address is configured for the gRPC client {clientType.Name}; set GrpcClientFactoryOptions.Address (e.g. from Services:ArticleStore).");
            var channelOptions = new GrpcChannelOptions();
            foreach (var action in options.ChannelOptionsActions)
            {
                action(channelOptions);
            }

            return GrpcChannel.ForAddress(address, channelOptions);
        }
    }
}
