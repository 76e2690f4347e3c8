using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Grpc.Client;

/// <summary>Runs calls of generated clients over a <see cref="GrpcChannel"/>.</summary>
internal sealed class HttpCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        return new AsyncUnaryCall<TResponse>(call.UnaryAsync(request), GrpcCall<TRequest, TResponse>.ResponseHeadersCallback, GrpcCall<TRequest, TResponse>.StatusCallback, GrpcCall<TRequest, TResponse>.TrailersCallback, GrpcCall<TRequest, TResponse>.DisposeCallback, call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartStreaming(request);
        return new AsyncServerStreamingCall<TResponse>(call.ResponseStream, GrpcCall<TRequest, TResponse>.ResponseHeadersCallback, GrpcCall<TRequest, TResponse>.StatusCallback, GrpcCall<TRequest, TResponse>.TrailersCallback, GrpcCall<TRequest, TResponse>.DisposeCallback, call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartStreaming(null);
        return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, call.SingleResponseAsync(), GrpcCall<TRequest, TResponse>.ResponseHeadersCallback, GrpcCall<TRequest, TResponse>.StatusCallback, GrpcCall<TRequest, TResponse>.TrailersCallback, GrpcCall<TRequest, TResponse>.DisposeCallback, call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, host, options);
        call.StartStreaming(null);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call.RequestStream, call.ResponseStream, GrpcCall<TRequest, TResponse>.ResponseHeadersCallback, GrpcCall<TRequest, TResponse>.StatusCallback, GrpcCall<TRequest, TResponse>.TrailersCallback, GrpcCall<TRequest, TResponse>.DisposeCallback, call);
    }
}
