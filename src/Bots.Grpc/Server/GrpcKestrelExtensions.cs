using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Microsoft.AspNetCore.Hosting;

public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens for gRPC on <paramref name="port"/>: HTTP/2 with prior knowledge (h2c) by default,
    /// or HTTP/2 over TLS (ALPN h2) when a certificate is given.
    /// </summary>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions options, int port, X509Certificate2? certificate = null, IPAddress? address = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigureForGrpc(options);
        void Configure(ListenOptions listen)
        {
            // Cleartext has no ALPN, so an h2c endpoint must speak HTTP/2 only.
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }

        if (address is null)
        {
            options.ListenAnyIP(port, Configure);
        }
        else
        {
            options.Listen(address, port, Configure);
        }

        return options;
    }

    /// <summary>Server limits that suit many concurrent gRPC streams on few connections.</summary>
    public static KestrelServerOptions ConfigureForGrpc(this KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddServerHeader = false;
        var http2 = options.Limits.Http2;
        http2.MaxStreamsPerConnection = Math.Max(http2.MaxStreamsPerConnection, 1000);
        http2.InitialConnectionWindowSize = Math.Max(http2.InitialConnectionWindowSize, 4 * 1024 * 1024);
        http2.InitialStreamWindowSize = Math.Max(http2.InitialStreamWindowSize, 1024 * 1024);
        return options;
    }
}
