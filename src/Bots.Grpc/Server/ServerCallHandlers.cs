using Bots.Grpc.Internal;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bots.Grpc.Server;

/// <summary>Serves one method: protocol checks, deadline, status and trailers; subclasses move the messages.</summary>
internal abstract class ServerCallHandler<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected ServerCallHandler(Method<TRequest, TResponse> method, ServerMethodContext<TService> context)
    {
        Method = method;
        Context = context;
    }

    protected Method<TRequest, TResponse> Method { get; }

    protected ServerMethodContext<TService> Context { get; }

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!await GrpcRequestValidation.ValidateAsync(httpContext).ConfigureAwait(false))
        {
            return;
        }

        var call = new HttpServerCallContext(httpContext, Method.FullName, Context.Options, Context.Logger);
        try
        {
            if (call.Initialize() is { } earlyStatus)
            {
                call.Status = earlyStatus;
                await call.EndCallAsync().ConfigureAwait(false);
                return;
            }

            var handlerTask = HandleCallCoreAsync(call);
            if (call.DeadlineTask is { } deadline && !handlerTask.IsCompleted
                && await Task.WhenAny(handlerTask, deadline).ConfigureAwait(false) != handlerTask)
            {
                await call.OnDeadlineAsync().ConfigureAwait(false);
                await ObserveAsync(handlerTask).ConfigureAwait(false);
                return;
            }

            await handlerTask.ConfigureAwait(false);
            await call.EndCallAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            call.SetStatusFromException(exception);
            await TryEndCallAsync(call).ConfigureAwait(false);
        }
        finally
        {
            call.Dispose();
        }
    }

    protected abstract Task HandleCallCoreAsync(HttpServerCallContext call);

    protected Task<TRequest?> ReadRequestAsync(HttpServerCallContext call) =>
        call.Reader.ReadAsync(call.HttpContext.Request.BodyReader, Method.RequestMarshaller.ContextualDeserializer, call.CancellationToken).AsTask();

    protected async Task<TRequest> ReadSingleRequestAsync(HttpServerCallContext call)
    {
        var reader = call.HttpContext.Request.BodyReader;
        var deserializer = Method.RequestMarshaller.ContextualDeserializer;
        var request = await call.Reader.ReadAsync(reader, deserializer, call.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The request ended without a message."));
        if (await call.Reader.ReadAsync(reader, deserializer, call.CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The request carried more than one message for a single-message method."));
        }

        return request;
    }

    protected (TService Service, bool Owned) CreateService(HttpServerCallContext call) => Context.Activator.Create(call.HttpContext.RequestServices);

    protected ValueTask ReleaseServiceAsync(TService service, bool owned) => owned ? Context.Activator.ReleaseAsync(service) : ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="invoke"/> on this call's service instance, releasing it afterwards when the call created it.</summary>
    protected async Task<TResult> WithServiceAsync<TResult>(ServerCallContext context, Func<TService, Task<TResult>> invoke)
    {
        var (service, owned) = CreateService((HttpServerCallContext)context);
        try
        {
            return await invoke(service).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseServiceAsync(service, owned).ConfigureAwait(false);
        }
    }

    protected Interceptor[] CreateInterceptors(HttpServerCallContext call) => Context.CreateInterceptors(call.HttpContext.RequestServices);

    private static async Task ObserveAsync(Task handlerTask)
    {
        try
        {
            await handlerTask.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client already has DEADLINE_EXCEEDED; what the cancelled handler did next does not matter.
        }
    }

    private async Task TryEndCallAsync(HttpServerCallContext call)
    {
        try
        {
            await call.EndCallAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (call.HttpContext.RequestAborted.IsCancellationRequested || e is InvalidOperationException)
        {
            Context.Logger.LogDebug(e, "Could not send the status of {Method}; the client is gone", Method.FullName);
        }
    }
}

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodContext<TService> context,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, context)
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        var request = await ReadSingleRequestAsync(call).ConfigureAwait(false);
        var response = Context.HasInterceptors
            ? await Intercepted(call)(request, call).ConfigureAwait(false)
            : await InvokeAsync(request, call).ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The method returned no response message."));
        }

        await call.WriteMessageAsync(response, Method.ResponseMarshaller.ContextualSerializer, flush: false).ConfigureAwait(false);
    }

    private Task<TResponse> InvokeAsync(TRequest request, ServerCallContext context)
    {
        var call = (HttpServerCallContext)context;
        var (service, owned) = CreateService(call);
        return owned ? InvokeOwnedAsync(service, request, call) : invoker(service, request, call);
    }

    private async Task<TResponse> InvokeOwnedAsync(TService service, TRequest request, HttpServerCallContext call)
    {
        try
        {
            return await invoker(service, request, call).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseServiceAsync(service, owned: true).ConfigureAwait(false);
        }
    }

    private UnaryServerMethod<TRequest, TResponse> Intercepted(HttpServerCallContext call)
    {
        UnaryServerMethod<TRequest, TResponse> next = InvokeAsync;
        var interceptors = CreateInterceptors(call);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = (request, context) => interceptor.UnaryServerHandler(request, context, inner);
        }

        return next;
    }
}

internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodContext<TService> context,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, context)
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        ClientStreamingServerMethod<TRequest, TResponse> next = InvokeAsync;
        var interceptors = CreateInterceptors(call);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = (requests, ctx) => interceptor.ClientStreamingServerHandler(requests, ctx, inner);
        }

        var response = await next(new HttpRequestStreamReader<TRequest>(call, Method.RequestMarshaller), call).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The method returned no response message."));
        await call.WriteMessageAsync(response, Method.ResponseMarshaller.ContextualSerializer, flush: false).ConfigureAwait(false);
    }

    private Task<TResponse> InvokeAsync(IAsyncStreamReader<TRequest> requests, ServerCallContext context) =>
        WithServiceAsync(context, service => invoker(service, requests, context));
}

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodContext<TService> context,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, context)
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        var request = await ReadSingleRequestAsync(call).ConfigureAwait(false);
        ServerStreamingServerMethod<TRequest, TResponse> next = InvokeAsync;
        var interceptors = CreateInterceptors(call);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = (req, responses, ctx) => interceptor.ServerStreamingServerHandler(req, responses, ctx, inner);
        }

        await next(request, new HttpResponseStreamWriter<TResponse>(call, Method.ResponseMarshaller), call).ConfigureAwait(false);
    }

    private Task InvokeAsync(TRequest request, IServerStreamWriter<TResponse> responses, ServerCallContext context) =>
        WithServiceAsync(context, async service =>
        {
            await invoker(service, request, responses, context).ConfigureAwait(false);
            return true;
        });
}

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerMethodContext<TService> context,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler<TService, TRequest, TResponse>(method, context)
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpServerCallContext call)
    {
        DuplexStreamingServerMethod<TRequest, TResponse> next = InvokeAsync;
        var interceptors = CreateInterceptors(call);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i];
            var inner = next;
            next = (requests, responses, ctx) => interceptor.DuplexStreamingServerHandler(requests, responses, ctx, inner);
        }

        await next(
            new HttpRequestStreamReader<TRequest>(call, Method.RequestMarshaller),
            new HttpResponseStreamWriter<TResponse>(call, Method.ResponseMarshaller),
            call).ConfigureAwait(false);
    }

    private Task InvokeAsync(IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context) =>
        WithServiceAsync(context, async service =>
        {
            await invoker(service, requests, responses, context).ConfigureAwait(false);
            return true;
        });
}

internal sealed class HttpRequestStreamReader<T>(HttpServerCallContext call, Marshaller<T> marshaller) : IAsyncStreamReader<T>
    where T : class
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken)
            : null;
        _current = await call.Reader.ReadAsync(call.HttpContext.Request.BodyReader, marshaller.ContextualDeserializer, linked?.Token ?? call.CancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}

internal sealed class HttpResponseStreamWriter<T>(HttpServerCallContext call, Marshaller<T> marshaller) : IServerStreamWriter<T>
    where T : class
{
    public WriteOptions? WriteOptions
    {
        get => call.WriteOptions;
        set => call.WriteOptions = value;
    }

    public Task WriteAsync(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, marshaller.ContextualSerializer, flush: true);
    }
}
