using System.Threading.Channels;
using Grpc.Core;
using Grpc.Health.V1;

namespace Grpc.HealthCheck;

/// <summary>
/// grpc.health.v1.Health: Check answers the status set for a service name ("" is the whole server),
/// NOT_FOUND for unknown names; Watch sends the current status at once and then every change.
/// </summary>
public class HealthServiceImpl : global::Grpc.Health.V1.Health.HealthBase
{
    // A slow watcher only needs the latest statuses, so older queued ones are dropped.
    private const int MaxPendingWatchUpdates = 5;

    private readonly object _lock = new();
    private readonly Dictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Channel<HealthCheckResponse>>> _watchers = new(StringComparer.Ordinal);
    private bool _shutDown;

    public void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            _statuses.Remove(service);
            Notify(service, HealthCheckResponse.Types.ServingStatus.ServiceUnknown);
        }
    }

    public void ClearAll()
    {
        lock (_lock)
        {
            foreach (var service in _statuses.Keys.ToArray())
            {
                ClearStatus(service);
            }
        }
    }

    /// <summary>The status set for a service, if any.</summary>
    public HealthCheckResponse.Types.ServingStatus? GetStatus(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>Sets NOT_SERVING everywhere and ends every Watch stream, so shutdown does not wait on watchers.</summary>
    public void Shutdown()
    {
        lock (_lock)
        {
            _shutDown = true;
            foreach (var service in _statuses.Keys.ToArray())
            {
                SetStatus(service, HealthCheckResponse.Types.ServingStatus.NotServing);
            }

            foreach (var channel in _watchers.Values.SelectMany(c => c))
            {
                channel.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = GetStatus(request.Service)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var service = request.Service;
        var channel = Channel.CreateBounded<HealthCheckResponse>(new BoundedChannelOptions(MaxPendingWatchUpdates)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });

        lock (_lock)
        {
            var current = _statuses.TryGetValue(service, out var status) ? status : HealthCheckResponse.Types.ServingStatus.ServiceUnknown;
            channel.Writer.TryWrite(new HealthCheckResponse { Status = current });
            if (_shutDown)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                if (!_watchers.TryGetValue(service, out var list))
                {
                    _watchers[service] = list = [];
                }

                list.Add(channel);
            }
        }

        try
        {
            await foreach (var response in channel.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(response).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away; nothing to report.
        }
        finally
        {
            lock (_lock)
            {
                if (_watchers.TryGetValue(service, out var list))
                {
                    list.Remove(channel);
                    if (list.Count == 0)
                    {
                        _watchers.Remove(service);
                    }
                }
            }
        }
    }

    private void Notify(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        if (_watchers.TryGetValue(service, out var list))
        {
            foreach (var channel in list)
            {
                channel.Writer.TryWrite(new HealthCheckResponse { Status = status });
            }
        }
    }
}
