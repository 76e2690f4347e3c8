using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bots.Grpc.Tests.Interop;

/// <summary>Counts the calls that carry an <c>x-attempt-key</c> header, so tests can see client retries arrive.</summary>
public sealed class AttemptCountingInterceptor : Interceptor
{
    public const string Header = "x-attempt-key";

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (context.RequestHeaders.GetValue(Header) is { } key)
        {
            Attempts.AddOrUpdate(key, 1, (_, count) => count + 1);
        }

        return continuation(request, context);
    }
}
