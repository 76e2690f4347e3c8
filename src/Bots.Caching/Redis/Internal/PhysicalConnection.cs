using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Bots.Caching.Redis.Internal;

/// <summary>
/// One socket to the server. Commands from any number of callers go through a channel to a single writer that
/// batches them into few writes; a single reader matches replies to commands in the order they were written.
/// Once broken it stays broken: every command still waiting fails, and the owner opens a new one.
/// </summary>
internal sealed class PhysicalConnection : IAsyncDisposable
{
    private static readonly byte[] Select = "SELECT"u8.ToArray();
    private static readonly byte[] Auth = "AUTH"u8.ToArray();
    private static readonly byte[] Client = "CLIENT"u8.ToArray();
    private static readonly byte[] Ping = "PING"u8.ToArray();

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly string _endPoint;
    private readonly Channel<PendingCommand> _outgoing = Channel.CreateUnbounded<PendingCommand>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly ConcurrentQueue<PendingCommand> _awaiting = new();
    private readonly TaskCompletionSource<Exception> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;
    private int _currentDatabase;
    private Exception? _failure;

    private PhysicalConnection(Socket socket, Stream stream, string endPoint)
    {
        _socket = socket;
        _stream = stream;
        _endPoint = endPoint;
    }

    /// <summary>Completes, with the reason, once the connection is broken and every waiting command has failed.</summary>
    public Task<Exception> Completion => _completion.Task;

    public bool IsBroken => Volatile.Read(ref _failure) is not null;

    public int InFlight => _awaiting.Count;

    public static async Task<PhysicalConnection> ConnectAsync(RedisConfiguration config, CancellationToken cancellationToken)
    {
        var endPoint = config.FormatEndPoint();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(config.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Keep-alive finds a peer that vanished while the connection was idle (no RST, e.g. a dropped VM).
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
        Stream? stream = null;
        try
        {
            try
            {
                await socket.ConnectAsync(config.Host, config.EffectivePort, timeout.Token).ConfigureAwait(false);
                stream = new NetworkStream(socket, ownsSocket: true);
                if (config.Ssl)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false, config.CertificateValidation);
                    stream = ssl;
                    await ssl.AuthenticateAsClientAsync(
                        new SslClientAuthenticationOptions { TargetHost = config.SslHost ?? config.Host },
                        timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                    $"Could not connect to Redis at {endPoint} within {config.ConnectTimeout.TotalMilliseconds:0} ms.");
            }
            catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                    $"Could not connect to Redis at {endPoint}: {ex.Message}", ex);
            }
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            socket.Dispose();
            throw;
        }

        var connection = new PhysicalConnection(socket, stream, endPoint);
        connection.Start();
        try
        {
            await connection.HandshakeAsync(config, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                    $"Redis at {endPoint} did not complete the handshake within {config.ConnectTimeout.TotalMilliseconds:0} ms.");
            }
            throw;
        }
        return connection;
    }

    /// <summary>Queues a command; false when the connection is broken (the command is then untouched).</summary>
    public bool TryEnqueue(PendingCommand command) => !IsBroken && _outgoing.Writer.TryWrite(command);

    /// <summary>
    /// Breaks the connection when its oldest command has waited longer than <paramref name="deadAfter"/>: with
    /// data unacknowledged, TCP itself would take many minutes to notice a peer that is gone.
    /// </summary>
    public void CheckAlive(TimeSpan deadAfter)
    {
        if (_awaiting.TryPeek(out var oldest) && oldest.WrittenAt != 0
            && System.Diagnostics.Stopwatch.GetElapsedTime(oldest.WrittenAt) > deadAfter)
        {
            Fail(new RedisConnectionException(ConnectionFailureType.SocketClosed,
                $"Redis at {_endPoint} has not answered for {deadAfter.TotalSeconds:0.#} s; reconnecting."));
        }
    }

    public ValueTask DisposeAsync()
    {
        Fail(new RedisConnectionException(ConnectionFailureType.ConnectionDisposed, $"The connection to Redis at {_endPoint} was closed."));
        return new ValueTask(_completion.Task);
    }

    private void Start()
    {
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
        _ = Task.WhenAll(_readLoop, _writeLoop).ContinueWith(_ => DrainAfterFailure(), TaskScheduler.Default);
    }

    private async Task HandshakeAsync(RedisConfiguration config, CancellationToken cancellationToken)
    {
        var steps = new List<(PendingCommand Command, string What)>();
        if (config.Password is not null)
        {
            RedisValue[] credentials = config.User is null ? [config.Password] : [config.User, config.Password];
            steps.Add((new PendingCommand(Auth, credentials, -1), "AUTH"));
        }
        if (config.ClientName is not null)
        {
            steps.Add((new PendingCommand(Client, ["SETNAME", config.ClientName], -1), "CLIENT SETNAME"));
        }
        // The PING proves the session works (NOAUTH shows up here when a password is needed but not given)
        // and, by naming the default database, makes the writer SELECT it.
        steps.Add((new PendingCommand(Ping, [], config.DefaultDatabase), "PING"));
        foreach (var step in steps)
        {
            if (!TryEnqueue(step.Command))
            {
                throw Volatile.Read(ref _failure)!;
            }
        }
        foreach (var (command, what) in steps)
        {
            try
            {
                await command.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException ex)
            {
                var isAuth = ex.Prefix is "WRONGPASS" or "NOAUTH" or "NOPERM"
                    || (what == "AUTH" && ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase));
                throw new RedisConnectionException(
                    isAuth ? ConnectionFailureType.AuthenticationFailure : ConnectionFailureType.UnableToConnect,
                    isAuth
                        ? $"Redis at {_endPoint} refused the connection's credentials ({what}): {ex.Message}"
                        : $"Redis at {_endPoint} refused {what} while connecting: {ex.Message}",
                    ex);
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var writer = new RespWriter();
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var command))
                {
                    if (command.Database >= 0 && command.Database != _currentDatabase)
                    {
                        var select = new PendingCommand(Select, [command.Database], -1, isInternalSelect: true);
                        select.WrittenAt = System.Diagnostics.Stopwatch.GetTimestamp();
                        _awaiting.Enqueue(select);
                        await EncodeAsync(writer, select).ConfigureAwait(false);
                        _currentDatabase = command.Database;
                    }
                    // Queued before its bytes can reach the server, so the reader always finds it.
                    command.WrittenAt = System.Diagnostics.Stopwatch.GetTimestamp();
                    _awaiting.Enqueue(command);
                    await EncodeAsync(writer, command).ConfigureAwait(false);
                    if (writer.Length >= 32 * 1024)
                    {
                        await FlushAsync(writer).ConfigureAwait(false);
                    }
                }
                await FlushAsync(writer).ConfigureAwait(false);
                await _stream.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Fail(SocketFailure("writing to", ex));
        }
        finally
        {
            writer.Release();
        }
    }

    private async ValueTask EncodeAsync(RespWriter writer, PendingCommand command)
    {
        writer.WriteArrayHeader(command.Args.Length + 1);
        writer.WriteBulk(command.Name);
        foreach (var arg in command.Args)
        {
            var bytes = arg.Memory;
            if (bytes.Length < RespWriter.DirectWriteThreshold)
            {
                writer.WriteBulk(bytes.Span);
                continue;
            }
            writer.WriteBulkHeader(bytes.Length);
            await FlushAsync(writer).ConfigureAwait(false);
            await _stream.WriteAsync(bytes).ConfigureAwait(false);
            writer.WriteRaw("\r\n"u8);
        }
    }

    private async ValueTask FlushAsync(RespWriter writer)
    {
        if (writer.Length > 0)
        {
            await _stream.WriteAsync(writer.Written).ConfigureAwait(false);
            writer.Reset();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                while (start < end)
                {
                    var used = RespParser.TryParse(buffer.AsSpan(start, end - start), out var reply);
                    if (used == 0)
                    {
                        break;
                    }
                    start += used;
                    Deliver(reply!);
                }
                if (start == end)
                {
                    start = end = 0;
                }
                else if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                    }
                    else
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, end).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    end -= start;
                    start = 0;
                }
                var read = await _stream.ReadAsync(buffer.AsMemory(end)).ConfigureAwait(false);
                if (read == 0)
                {
                    Fail(new RedisConnectionException(ConnectionFailureType.SocketClosed,
                        $"Redis at {_endPoint} closed the connection."));
                    return;
                }
                end += read;
            }
        }
        catch (Exception ex)
        {
            Fail(ex as RedisConnectionException ?? SocketFailure("reading from", ex));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Deliver(RedisResult reply)
    {
        if (!_awaiting.TryDequeue(out var command))
        {
            throw new RedisConnectionException(ConnectionFailureType.ProtocolFailure,
                $"Redis at {_endPoint} sent a reply no command was waiting for ({reply}).");
        }
        if (reply.Type != ResultType.Error)
        {
            command.TrySetResult(reply);
            return;
        }
        var error = new RedisServerException(reply.ErrorMessage!);
        command.TrySetException(error);
        if (command.IsInternalSelect)
        {
            // Whatever follows was meant for another database: it must not run here.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                $"Redis at {_endPoint} refused SELECT {command.Args[0]}: {error.Message}", error);
        }
    }

    private RedisConnectionException SocketFailure(string verb, Exception ex) =>
        ex as RedisConnectionException
        ?? new RedisConnectionException(ConnectionFailureType.SocketClosed,
            $"The connection to Redis at {_endPoint} broke while {verb} it: {ex.Message}", ex);

    private void Fail(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null)
        {
            return;
        }
        _outgoing.Writer.TryComplete();
        // Closing the stream wakes both loops; the drain runs once both have stopped.
        try
        {
            _stream.Dispose();
        }
        catch (Exception)
        {
            // Best effort: the socket is being abandoned anyway.
        }
        _socket.Dispose();
    }

    private void DrainAfterFailure()
    {
        var reason = Volatile.Read(ref _failure)!;
        while (_awaiting.TryDequeue(out var command))
        {
            command.TrySetException(reason);
        }
        while (_outgoing.Reader.TryRead(out var command))
        {
            command.TrySetException(reason);
        }
        _completion.TrySetResult(reason);
    }

    public override string ToString() => $"Redis connection to {_endPoint}";
}
