using System.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Bots.Grpc.Server;

/// <summary>
/// Collects the methods of a generated service through its BindService(ServiceBinderBase, TBase)
/// and builds an HTTP handler for each that calls the matching method on a per-call service instance.
/// </summary>
internal sealed class ServiceMethodBinder<TService>(ServerMethodContext<TService> context) : ServiceBinderBase
    where TService : class
{
    public List<(IMethod Method, RequestDelegate Handler)> Methods { get; } = [];

    /// <summary>Binds the service's methods; returns the generated class (for its descriptor) or throws when TService is not a generated service.</summary>
    public Type Bind()
    {
        var attribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"{typeof(TService)} is not a gRPC service: it does not derive from a generated service base carrying [BindServiceMethod].");
        var bindMethod = attribute.BindType
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == attribute.BindMethodName
                && m.GetParameters() is [var binder, var impl]
                && binder.ParameterType == typeof(ServiceBinderBase)
                && impl.ParameterType.IsAssignableFrom(typeof(TService)))
            ?? throw new InvalidOperationException($"{attribute.BindType}.{attribute.BindMethodName}(ServiceBinderBase, ...) was not found for {typeof(TService)}.");

        // The generated code only reads the instance to build bound delegates; null gives us the methods alone.
        bindMethod.Invoke(null, [this, null]);
        return attribute.BindType;
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(method, typeof(TRequest), typeof(ServerCallContext));
        Methods.Add((method, new UnaryServerCallHandler<TService, TRequest, TResponse>(method, context, invoker).HandleCallAsync));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        Methods.Add((method, new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, context, invoker).HandleCallAsync));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(method, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Methods.Add((method, new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, context, invoker).HandleCallAsync));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = CreateInvoker<Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(method, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Methods.Add((method, new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, context, invoker).HandleCallAsync));
    }

    /// <summary>An open-instance delegate, so each call can run on its own service instance without reflection.</summary>
    private static TDelegate CreateInvoker<TDelegate>(IMethod method, params Type[] parameterTypes)
        where TDelegate : Delegate
    {
        var methodInfo = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameterTypes)
            ?? throw new InvalidOperationException($"{typeof(TService)} has no method {method.Name} for {method.FullName}.");
        return methodInfo.CreateDelegate<TDelegate>();
    }
}
