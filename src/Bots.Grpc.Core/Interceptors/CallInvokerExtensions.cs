namespace Grpc.Core.Interceptors;

public static class CallInvokerExtensions
{
    /// <summary>Routes every call through <paramref name="interceptor"/> before <paramref name="invoker"/>.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptor);
        return new InterceptingCallInvoker(invoker, interceptor);
    }

    /// <summary>Chains interceptors; the first in the list sees each call first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = Intercept(invoker, interceptors[i]);
        }

        return invoker;
    }

    /// <summary>Lets <paramref name="interceptor"/> rewrite the request headers of every call.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        return Intercept(invoker, new MetadataInterceptor(interceptor));
    }

    private sealed class MetadataInterceptor(Func<Metadata, Metadata> rewrite) : ClientContextInterceptor
    {
        protected override ClientInterceptorContext<TRequest, TResponse> Rewrite<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        {
            var headers = context.Options.Headers is { IsReadOnly: false } existing ? existing : Copy(context.Options.Headers);
            return new(context.Method, context.Host, context.Options.WithHeaders(rewrite(headers)));
        }

        private static Metadata Copy(Metadata? source)
        {
            var copy = new Metadata();
            if (source is not null)
            {
                foreach (var entry in source)
                {
                    copy.Add(entry);
                }
            }

            return copy;
        }
    }

    private sealed class InterceptingCallInvoker(CallInvoker invoker, Interceptor interceptor) : CallInvoker
    {
        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            interceptor.BlockingUnaryCall(request, new ClientInterceptorContext<TRequest, TResponse>(method, host, options), (req, ctx) => invoker.BlockingUnaryCall(ctx.Method, ctx.Host, ctx.Options, req));

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            interceptor.AsyncUnaryCall(request, new ClientInterceptorContext<TRequest, TResponse>(method, host, options), (req, ctx) => invoker.AsyncUnaryCall(ctx.Method, ctx.Host, ctx.Options, req));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            interceptor.AsyncServerStreamingCall(request, new ClientInterceptorContext<TRequest, TResponse>(method, host, options), (req, ctx) => invoker.AsyncServerStreamingCall(ctx.Method, ctx.Host, ctx.Options, req));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            interceptor.AsyncClientStreamingCall(new ClientInterceptorContext<TRequest, TResponse>(method, host, options), ctx => invoker.AsyncClientStreamingCall(ctx.Method, ctx.Host, ctx.Options));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            interceptor.AsyncDuplexStreamingCall(new ClientInterceptorContext<TRequest, TResponse>(method, host, options), ctx => invoker.AsyncDuplexStreamingCall(ctx.Method, ctx.Host, ctx.Options));
    }
}

public static class ChannelExtensions
{
    public static CallInvoker Intercept(this ChannelBase channel, Interceptor interceptor) =>
        (channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker().Intercept(interceptor);

    public static CallInvoker Intercept(this ChannelBase channel, params Interceptor[] interceptors) =>
        (channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker().Intercept(interceptors);

    public static CallInvoker Intercept(this ChannelBase channel, Func<Metadata, Metadata> interceptor) =>
        (channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker().Intercept(interceptor);
}
