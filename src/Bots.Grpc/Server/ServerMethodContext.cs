using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Grpc.Server;

/// <summary>What every method handler of one service shares: options, logging, service and interceptor activation.</summary>
internal sealed class ServerMethodContext<TService>
    where TService : class
{
    private readonly Func<IServiceProvider, Interceptor>[] _interceptorFactories;

    public ServerMethodContext(GrpcServiceOptions options, ILogger logger, IServiceProviderIsService isService)
    {
        Options = options;
        Logger = logger;
        Activator = new ServiceActivator<TService>(isService);
        _interceptorFactories = options.Interceptors.Select(r => CreateFactory(r, isService)).ToArray();
    }

    public GrpcServiceOptions Options { get; }

    public ILogger Logger { get; }

    public ServiceActivator<TService> Activator { get; }

    public bool HasInterceptors => _interceptorFactories.Length > 0;

    public Interceptor[] CreateInterceptors(IServiceProvider services)
    {
        if (_interceptorFactories.Length == 0)
        {
            return [];
        }

        var interceptors = new Interceptor[_interceptorFactories.Length];
        for (var i = 0; i < interceptors.Length; i++)
        {
            interceptors[i] = _interceptorFactories[i](services);
        }

        return interceptors;
    }

    private static Func<IServiceProvider, Interceptor> CreateFactory(InterceptorRegistration registration, IServiceProviderIsService isService)
    {
        if (registration.Arguments.Count == 0 && isService.IsService(registration.Type))
        {
            return services => (Interceptor)services.GetRequiredService(registration.Type);
        }

        var arguments = registration.Arguments.ToArray();
        var factory = ActivatorUtilities.CreateFactory(registration.Type, arguments.Select(a => a.GetType()).ToArray());
        return services => (Interceptor)factory(services, arguments);
    }
}

/// <summary>Resolves the service from DI when registered there (with its lifetime), else creates and disposes one per call.</summary>
internal sealed class ServiceActivator<TService>(IServiceProviderIsService isService)
    where TService : class
{
    private readonly bool _registered = isService.IsService(typeof(TService));
    private readonly ObjectFactory<TService> _factory = ActivatorUtilities.CreateFactory<TService>([]);

    public (TService Service, bool Owned) Create(IServiceProvider services) =>
        _registered ? (services.GetRequiredService<TService>(), false) : (_factory(services, null), true);

    public async ValueTask ReleaseAsync(TService service)
    {
        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
