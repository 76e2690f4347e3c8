using System.Text;
using Bots.Caching.Redis.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bots.Caching.Redis;

/// <summary>
/// A multiplexed connection to one Redis server, shaped like StackExchange.Redis's ConnectionMultiplexer: share one
/// per process. Many callers' commands are pipelined over one socket; when it breaks, the commands in flight fail at
/// once and the connection reconnects in the background with exponential back-off.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly RedisConfiguration _config;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private PhysicalConnection? _physical;
    private readonly object _backlogLock = new();
    private Queue<PendingCommand>? _backlog;
    private Exception? _lastError;
    private Task _loop = Task.CompletedTask;
    private readonly Timer _heartbeat;

    private RedisConnection(RedisConfiguration config, ILogger logger)
    {
        _config = config;
        _logger = logger;
        var deadAfter = config.EffectiveDeadConnectionTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(deadAfter.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _heartbeat = new Timer(static state =>
        {
            var self = (RedisConnection)state!;
            Volatile.Read(ref self._physical)?.CheckAlive(self._config.EffectiveDeadConnectionTimeout);
        }, this, period, period);
    }

    /// <summary>Raised (on a pool thread) when the connection is lost.</summary>
    public event EventHandler<RedisConnectionEventArgs>? ConnectionFailed;

    /// <summary>Raised (on a pool thread) when a lost connection has been re-established.</summary>
    public event EventHandler<RedisConnectionEventArgs>? ConnectionRestored;

    /// <summary>A copy of the configuration this connection uses.</summary>
    public RedisConfiguration Configuration => _config.Clone();

    public bool IsConnected => Volatile.Read(ref _physical) is { IsBroken: false };

    /// <summary>Commands written and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _physical)?.InFlight ?? 0;

    public static Task<RedisConnection> ConnectAsync(string configuration, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(RedisConfiguration.Parse(configuration), logger, cancellationToken);

    /// <summary>
    /// Connects, authenticates and selects the default database. With AbortOnConnectFail (the default) it throws
    /// <see cref="RedisConnectionException"/> when the server cannot be reached after ConnectRetry attempts or refuses
    /// the credentials; otherwise it returns at once and keeps connecting in the background.
    /// </summary>
    public static async Task<RedisConnection> ConnectAsync(RedisConfiguration configuration, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = new RedisConnection(configuration.Clone(), logger ?? NullLogger.Instance);
        if (!configuration.AbortOnConnectFail)
        {
            connection._loop = connection.RunAsync(null);
            return connection;
        }
        Exception? last = null;
        for (var attempt = 0; attempt < configuration.ConnectRetry; attempt++)
        {
            try
            {
                var physical = await PhysicalConnection.ConnectAsync(connection._config, cancellationToken).ConfigureAwait(false);
                connection._loop = connection.RunAsync(physical);
                return connection;
            }
            catch (RedisConnectionException ex) when (ex.FailureType != ConnectionFailureType.AuthenticationFailure)
            {
                last = ex;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        throw last!;
    }

    /// <summary>A handle for commands in <paramref name="database"/> (-1: the configured default database).</summary>
    public RedisDatabase GetDatabase(int database = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(database, -1);
        return new RedisDatabase(this, database < 0 ? _config.DefaultDatabase : database);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }
        lock (_backlogLock)
        {
            _disposed.Cancel();
        }
        await _heartbeat.DisposeAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _physical) is { } physical)
        {
            await physical.DisposeAsync().ConfigureAwait(false);
        }
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop stops by cancellation.
        }
        _disposed.Dispose();
    }

    internal async Task<RedisResult> ExecuteAsync(byte[] command, RedisValue[] args, int database, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingCommand(command, args, database);
        var physical = Volatile.Read(ref _physical);
        if (physical is null || !physical.TryEnqueue(pending))
        {
            Enqueue(pending);
        }
        var timeout = _config.EffectiveAsyncTimeout;
        try
        {
            return await pending.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The reply may still come; it then completes a command nobody waits for, keeping the order intact.
            throw new RedisTimeoutException(
                $"Redis at {_config.FormatEndPoint()} did not answer {pending.NameText} within {timeout.TotalMilliseconds:0} ms " +
                $"({InFlight} commands in flight{(IsConnected ? "" : ", still connecting")}).");
        }
    }

    private void Enqueue(PendingCommand pending)
    {
        lock (_backlogLock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (Volatile.Read(ref _physical) is { } physical && physical.TryEnqueue(pending))
            {
                return;
            }
            // While a connection attempt is under way (a fresh start, or a reconnect that may succeed in a moment)
            // commands wait for it in call order; between attempts the server is known to be down: fail fast.
            if (_backlog is null)
            {
                throw NotConnected();
            }
            _backlog.Enqueue(pending);
        }
    }

    private RedisConnectionException NotConnected()
    {
        var reason = Volatile.Read(ref _lastError);
        return new RedisConnectionException(
            ConnectionFailureType.UnableToConnect,
            new StringBuilder("No connection to Redis at ").Append(_config.FormatEndPoint()).Append(" is available")
                .Append(reason is null ? "." : ": " + reason.Message).ToString(),
            reason);
    }

    private async Task RunAsync(PhysicalConnection? physical)
    {
        var token = _disposed.Token;
        var delay = _config.ReconnectBaseDelay;
        var wasLost = false;
        while (!token.IsCancellationRequested)
        {
            if (physical is null)
            {
                lock (_backlogLock)
                {
                    _backlog = new Queue<PendingCommand>();
                }
                Exception? failure = null;
                try
                {
                    physical = await PhysicalConnection.ConnectAsync(_config, token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // Disposed while this attempt was failing: the refusal is no news, and DisposeAsync must not throw it.
                    failure = ex;
                    if (!token.IsCancellationRequested)
                    {
                        Volatile.Write(ref _lastError, ex);
                        _logger.LogDebug("Connecting to Redis at {EndPoint} failed; next attempt in {Delay} ms: {Reason}",
                            _config.FormatEndPoint(), delay.TotalMilliseconds, ex.Message);
                    }
                }
                Publish(physical, failure);
                if (physical is not null && token.IsCancellationRequested)
                {
                    // Disposed while this attempt was connecting: DisposeAsync could not see it.
                    await physical.DisposeAsync().ConfigureAwait(false);
                    return;
                }
                if (physical is null)
                {
                    await Task.Delay(Jitter(delay), token).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _config.ReconnectMaxDelay.Ticks));
                    continue;
                }
                delay = _config.ReconnectBaseDelay;
                if (wasLost)
                {
                    _logger.LogDebug("Reconnected to Redis at {EndPoint}", _config.FormatEndPoint());
                    Raise(ConnectionRestored, null);
                }
            }
            else
            {
                Volatile.Write(ref _physical, physical);
            }

            var reason = await physical.Completion.ConfigureAwait(false);
            Interlocked.CompareExchange(ref _physical, null, physical);
            if (token.IsCancellationRequested)
            {
                return;
            }
            Volatile.Write(ref _lastError, reason);
            _logger.LogDebug("Lost the connection to Redis at {EndPoint}: {Reason}", _config.FormatEndPoint(), reason.Message);
            Raise(ConnectionFailed, reason);
            wasLost = true;
            physical = null;
        }
    }

    /// <summary>Hands the commands that waited for the attempt to the new connection, in order, or fails them.</summary>
    private void Publish(PhysicalConnection? physical, Exception? failure)
    {
        Queue<PendingCommand>? waiting;
        lock (_backlogLock)
        {
            waiting = _backlog;
            _backlog = null;
            if (physical is not null)
            {
                while (waiting is { Count: > 0 } && physical.TryEnqueue(waiting.Peek()))
                {
                    waiting.Dequeue();
                }
                Volatile.Write(ref _physical, physical);
            }
        }
        if (waiting is { Count: > 0 })
        {
            var reason = NotConnected();
            if (failure is OperationCanceledException)
            {
                reason = new RedisConnectionException(ConnectionFailureType.ConnectionDisposed, "The Redis connection was closed.");
            }
            while (waiting.TryDequeue(out var command))
            {
                command.TrySetException(reason);
            }
        }
    }

    private void Raise(EventHandler<RedisConnectionEventArgs>? handler, Exception? reason)
    {
        if (handler is null)
        {
            return;
        }
        var args = new RedisConnectionEventArgs(_config.FormatEndPoint(), reason);
        foreach (var single in handler.GetInvocationList().Cast<EventHandler<RedisConnectionEventArgs>>())
        {
            try
            {
                single(this, args);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A Redis connection event handler failed");
            }
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
}

/// <summary>Which server a connection event is about and, on failure, why.</summary>
public sealed class RedisConnectionEventArgs(string endPoint, Exception? exception) : EventArgs
{
    public string EndPoint { get; } = endPoint;

    public Exception? Exception { get; } = exception;
}
