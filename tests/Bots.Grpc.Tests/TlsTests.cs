using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bots.Grpc.Tests.Interop;
using Bots.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Grpc.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task ServerWithCertificate_ServesGrpcOverTls()
    {
        using var certificate = CreateSelfSignedCertificate();
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(port, certificate, IPAddress.Loopback));
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.MapGrpcService<TestServiceImpl>();
        await app.StartAsync();

        using var channel = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
                },
            },
        });
        var response = await new TestService.TestServiceClient(channel).UnaryCallAsync(new SimpleRequest { ResponseSize = 12 });

        Assert.Equal(12, response.Payload.Body.Length);
        await app.StopAsync();
    }

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
