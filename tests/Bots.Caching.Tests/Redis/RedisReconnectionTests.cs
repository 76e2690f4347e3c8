using System.Diagnostics;
using Bots.Caching.Redis;
using Bots.Testing;

namespace Bots.Caching.Tests.Redis;

public class RedisReconnectionTests
{
    private static RedisConfiguration FastReconnect(RedisServer server)
    {
        var config = RedisConfiguration.Parse(server.ConnectionString + ",syncTimeout=2000");
        config.ReconnectBaseDelay = TimeSpan.FromMilliseconds(20);
        config.ReconnectMaxDelay = TimeSpan.FromMilliseconds(200);
        return config;
    }

    [RedisFact]
    public async Task ServerKilled_CommandsInFlightFailAtOnceInsteadOfHanging()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await RedisConnection.ConnectAsync(FastReconnect(server));
        var db = connection.GetDatabase();
        var blocked = db.ExecuteAsync("DEBUG", ["SLEEP", "1"]);
        var queued = Enumerable.Range(0, 50).Select(i => db.StringGetAsync($"k{i}")).ToArray();
        await Task.Delay(100);

        var watch = Stopwatch.StartNew();
        await server.KillAsync();
        var failures = await Task.WhenAll(queued.Prepend<Task>(blocked).Select(t => Record.ExceptionAsync(() => t)));

        Assert.All(failures, f => Assert.IsType<RedisConnectionException>(f));
        Assert.True(watch.ElapsedMilliseconds < 1000, $"Pending commands took {watch.ElapsedMilliseconds} ms to fail.");
    }

    [RedisFact]
    public async Task ServerDown_NewCommandsFailFast()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await RedisConnection.ConnectAsync(FastReconnect(server));
        await server.KillAsync();
        await Task.Delay(100);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => connection.GetDatabase().StringGetAsync("k"));
        }

        Assert.False(connection.IsConnected);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"20 commands against a dead server took {watch.ElapsedMilliseconds} ms.");
    }

    [RedisFact]
    public async Task ServerRestarted_ConnectionComesBackOnItsOwnAndSaysSo()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await RedisConnection.ConnectAsync(FastReconnect(server));
        var failed = 0;
        var restored = new TaskCompletionSource();
        connection.ConnectionFailed += (_, _) => Interlocked.Increment(ref failed);
        connection.ConnectionRestored += (_, _) => restored.TrySetResult();

        await server.KillAsync();
        await Task.Delay(300);
        await server.RestartAsync();
        await restored.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await connection.GetDatabase().StringSetAsync("back", "yes");

        Assert.Equal(1, failed);
        Assert.True(connection.IsConnected);
        Assert.Equal("yes", (string?)await connection.GetDatabase().StringGetAsync("back"));
    }

    [RedisFact]
    public async Task AbortConnectFalse_ServerStartsLater_ConnectsInTheBackground()
    {
        await using var server = await RedisServer.StartAsync();
        await server.KillAsync();
        var config = FastReconnect(server);
        config.AbortOnConnectFail = false;

        await using var connection = await RedisConnection.ConnectAsync(config);
        var whileDown = await Record.ExceptionAsync(() => connection.GetDatabase().PingAsync());
        await server.RestartAsync();
        var deadline = Stopwatch.StartNew();
        while (!connection.IsConnected && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.IsType<RedisConnectionException>(whileDown);
        Assert.True(connection.IsConnected);
        await connection.GetDatabase().PingAsync();
    }

    [RedisFact]
    public async Task ServerStopsAnswering_ConnectionIsReplacedAfterTheDeadConnectionTimeout()
    {
        await using var server = await RedisServer.StartAsync();
        var config = FastReconnect(server);
        config.SyncTimeout = TimeSpan.FromSeconds(10);
        config.DeadConnectionTimeout = TimeSpan.FromMilliseconds(300);
        await using var connection = await RedisConnection.ConnectAsync(config);
        var failed = new TaskCompletionSource<Exception?>();
        connection.ConnectionFailed += (_, e) => failed.TrySetResult(e.Exception);

        server.Pause();
        Exception? reason;
        Exception? pending;
        try
        {
            var unanswered = connection.GetDatabase().PingAsync();
            reason = await failed.Task.WaitAsync(TimeSpan.FromSeconds(5));
            pending = await Record.ExceptionAsync(() => unanswered);
        }
        finally
        {
            server.Resume();
        }

        Assert.Contains("has not answered", reason!.Message, StringComparison.Ordinal);
        Assert.True(pending is RedisConnectionException, $"The unanswered command ended with {pending}");
        var deadline = Stopwatch.StartNew();
        while (!connection.IsConnected && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
        await connection.GetDatabase().PingAsync();
    }

    [RedisFact]
    public async Task Dispose_FailsWaitingCommands()
    {
        await using var server = await RedisServer.StartAsync();
        var connection = await RedisConnection.ConnectAsync(server.ConnectionString);
        var db = connection.GetDatabase();
        var blocked = db.ExecuteAsync("DEBUG", ["SLEEP", "1"]);
        await Task.Delay(50);

        await connection.DisposeAsync();

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => blocked);
        Assert.Equal(ConnectionFailureType.ConnectionDisposed, error.FailureType);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.PingAsync());
    }
}
