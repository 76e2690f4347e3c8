using System.Net;
using System.Net.Sockets;
using Bots.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Bots.Grpc.Tests;

/// <summary>
/// Tests point services at <see cref="FreePort.Unused"/> to simulate a service that is down. The port must
/// refuse connections and stay out of everyone else's reach for the whole run, or a test can end up
/// talking to an unrelated server that happened to be given the same port.
/// </summary>
public sealed class DeadPortTests
{
    [Fact]
    public async Task UnusedPort_RefusesConnections()
    {
        var port = FreePort.Unused();
        using var client = new TcpClient();

        var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public void UnusedPort_CannotBeTakenByAListener()
    {
        var port = FreePort.Unused();
        var listener = new TcpListener(IPAddress.Loopback, port);

        var error = Assert.Throws<SocketException>(listener.Start);

        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public async Task UnusedPort_CannotBeTakenByKestrel()
    {
        var port = FreePort.Unused();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();

        await Assert.ThrowsAsync<IOException>(() => app.StartAsync());
    }

    [Fact]
    public void UnusedPort_IsNeverHandedOutTwice()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => FreePort.Unused()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(FreePort.Next(), ports);
    }
}
