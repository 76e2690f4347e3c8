using System.Collections.ObjectModel;
using System.IO.Compression;
using Bots.Grpc.Internal;
using Grpc.Core.Interceptors;
using Grpc.Net.Compression;

namespace Grpc.AspNetCore.Server;

/// <summary>Server-wide gRPC settings (<c>services.AddGrpc(o => ...)</c>).</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>Largest request message accepted, in bytes; larger ones fail with RESOURCE_EXHAUSTED. Null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent, in bytes. Null means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Sends exception messages to clients; for development only.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Compresses responses with this encoding (e.g. "gzip") when the client accepts it.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    public CompressionLevel? ResponseCompressionLevel { get; set; }

    public IList<ICompressionProvider> CompressionProviders { get; } = Bots.Grpc.Internal.CompressionProviders.CreateDefault();

    /// <summary>Server interceptors, outermost first.</summary>
    public InterceptorCollection Interceptors { get; } = [];
}

/// <summary>Interceptor types to create per call (or resolve from DI when registered there).</summary>
public sealed class InterceptorCollection : Collection<InterceptorRegistration>
{
    public void Add<TInterceptor>(params object[] args)
        where TInterceptor : Interceptor => Add(typeof(TInterceptor), args);

    public void Add(Type interceptorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(interceptorType);
        if (!typeof(Interceptor).IsAssignableFrom(interceptorType))
        {
            throw new ArgumentException($"{interceptorType} does not derive from {typeof(Interceptor)}.", nameof(interceptorType));
        }

        Add(new InterceptorRegistration(interceptorType, args));
    }
}

public sealed class InterceptorRegistration(Type type, object[] arguments)
{
    public Type Type { get; } = type;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
