using System.Collections.Concurrent;
using Grpc.Health.V1;
using Grpc.HealthCheck;

namespace Bots.Hosting;

/// <summary>
/// The serving status of each gRPC service in this process, published through grpc.health.v1
/// and summarised by /healthz.
/// </summary>
public sealed class ServiceHealth(HealthServiceImpl health)
{
    private readonly ConcurrentDictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HealthCheckResponse.Types.ServingStatus> Statuses => _statuses;

    public bool IsServing => !_statuses.IsEmpty && _statuses.Values.All(s => s == HealthCheckResponse.Types.ServingStatus.Serving);

    public void Set(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        _statuses[service] = status;
        health.SetStatus(service, status);
    }

    /// <summary>Marks the whole server ("") and every named service.</summary>
    public void SetAll(HealthCheckResponse.Types.ServingStatus status)
    {
        foreach (var service in _statuses.Keys.Append(string.Empty).Distinct().ToList())
        {
            Set(service, status);
        }
    }
}
