using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Bots.Grpc.Server;

/// <summary>The gRPC services this server maps, with their protobuf descriptors (for health and reflection).</summary>
public sealed class GrpcServiceRegistry
{
    private readonly ConcurrentDictionary<string, ServiceDescriptor?> _services = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> ServiceNames => _services.Keys.Order(StringComparer.Ordinal).ToArray();

    public IEnumerable<ServiceDescriptor> Descriptors => _services.Values.OfType<ServiceDescriptor>();

    public bool Contains(string serviceName) => _services.ContainsKey(serviceName);

    internal void Add(string serviceName, Type generatedType)
    {
        // grpc_csharp_plugin gives each generated service class a static Descriptor property.
        var descriptor = generatedType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor;
        _services[serviceName] = descriptor;
    }
}
