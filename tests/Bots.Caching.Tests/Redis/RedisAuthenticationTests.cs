using System.Net.Security;
using Bots.Caching.Redis;
using Bots.Testing;

namespace Bots.Caching.Tests.Redis;

public class RedisAuthenticationTests
{
    [RedisFact]
    public async Task Password_Right_Connects()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { Password = "correct horse" });

        await using var connection = await RedisConnection.ConnectAsync(server.ConnectionString);

        Assert.Equal("PONG", (string?)await connection.GetDatabase().ExecuteAsync("PING"));
    }

    [RedisFact]
    public async Task Password_Wrong_FailsWithAnAuthenticationError()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { Password = "correct horse" });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"{server.EndPoint},password=battery staple"));

        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("battery staple", error.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Password_Missing_FailsSayingOneIsNeeded()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { Password = "correct horse" });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(server.EndPoint));

        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
        Assert.Contains("NOAUTH", error.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task AclUser_WithItsPassword_Connects()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { AclUser = ("qa-service", "s3cret!") });

        await using var connection = await RedisConnection.ConnectAsync($"redis://qa-service:s3cret%21@{server.EndPoint}/1");

        Assert.Equal("qa-service", (string?)await connection.GetDatabase().ExecuteAsync("ACL", ["WHOAMI"]));
    }

    [RedisFact]
    public async Task AclUser_WrongPassword_FailsWithAnAuthenticationError()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { AclUser = ("qa-service", "s3cret!") });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync($"{server.EndPoint},user=qa-service,password=nope"));

        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
        Assert.Contains("WRONGPASS", error.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Tls_TrustedCertificate_ConnectsAndCarriesCommands()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { Tls = true, Password = "pw" });
        var config = RedisConfiguration.Parse(server.ConnectionString);
        config.CertificateValidation = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || certificate?.GetCertHashString() == server.Certificate!.GetCertHashString();

        await using var connection = await RedisConnection.ConnectAsync(config);
        var db = connection.GetDatabase();
        await db.StringSetAsync("tls", new byte[100_000]);

        Assert.Equal(100_000, ((byte[]?)await db.StringGetAsync("tls"))!.Length);
    }

    [RedisFact]
    public async Task Tls_UntrustedCertificate_IsRefused()
    {
        await using var server = await RedisServer.StartAsync(new RedisServerOptions { Tls = true });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() =>
            RedisConnection.ConnectAsync(server.ConnectionString + ",connectRetry=1"));

        Assert.Equal(ConnectionFailureType.UnableToConnect, error.FailureType);
    }
}
