using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bots.Hosting;

/// <summary>The two listeners every process has: gRPC (HTTP/2) and plain HTTP/1.1.</summary>
internal static class KestrelEndpoints
{
    public static void Configure(KestrelServerOptions kestrel, BotsOptions options)
    {
        var address = ListenAddress(options);
        var certificate = LoadCertificate(options);
        kestrel.AddServerHeader = false;

        // Many concurrent calls share one HTTP/2 connection between services.
        kestrel.Limits.Http2.MaxStreamsPerConnection = 512;
        kestrel.Listen(address, options.GrpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        });
        kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
    }

    private static IPAddress ListenAddress(BotsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ListenAddress))
        {
            return IPAddress.TryParse(options.ListenAddress, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Bots:ListenAddress '{options.ListenAddress}' is not an IP address (use 0.0.0.0 for every interface).");
        }

        var inContainer = string.Equals(Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER"), "true", StringComparison.OrdinalIgnoreCase);
        return inContainer ? IPAddress.Any : IPAddress.Loopback;
    }

    private static X509Certificate2? LoadCertificate(BotsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TlsCertificate))
        {
            return null;
        }

        if (!File.Exists(options.TlsCertificate))
        {
            throw new InvalidOperationException($"Bots:TlsCertificate: no file at '{options.TlsCertificate}'.");
        }

        try
        {
            if (options.TlsCertificate.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || options.TlsCertificate.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(options.TlsCertificate, options.TlsKey);
            }

            return X509Certificate2.CreateFromPemFile(options.TlsCertificate, string.IsNullOrWhiteSpace(options.TlsKey) ? null : options.TlsKey);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"Bots:TlsCertificate/Bots:TlsKey: the certificate could not be loaded ({e.Message}).", e);
        }
    }
}
