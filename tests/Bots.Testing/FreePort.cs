using System.Net;
using System.Net.Sockets;

namespace Bots.Testing;

/// <summary>Loopback ports for servers started by tests, and ports that stay dead.</summary>
public static class FreePort
{
    private static readonly List<Socket> Held = [];

    /// <summary>A port nobody listens on at this moment, for a server the caller starts at once.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A loopback port where connections are refused for as long as this process runs. A port from
    /// <see cref="Next"/> that nothing binds goes back to the kernel's ephemeral pool, so another
    /// process can listen on it a moment later: in CI a test pointed at such a "dead" port once reached
    /// the test runner's own socket, which broke both the test and the runner's handshake. Here the port
    /// stays bound (without SO_REUSEADDR, never listening), so the kernel answers every connection with
    /// a reset and nobody else can take it.
    /// </summary>
    public static int Unused()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        // .NET turns SO_REUSEADDR on inside Bind for TCP sockets on Unix (to match Windows), and Linux lets
        // two SO_REUSEADDR sockets share a port while neither listens. Turning it off after binding is
        // what makes the kernel refuse everyone else's bind.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        lock (Held)
        {
            Held.Add(socket);
        }

        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary><see cref="Unused"/> as an http address for a service that is down.</summary>
    public static string DeadAddress() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{Unused()}");
}
