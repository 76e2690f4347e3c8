using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bots.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bots.Hosting.Tests;

public sealed class BotsDefaultsTests
{
    [Fact]
    public async Task Healthz_OnceStarted_AnswersOk()
    {
        await using var app = await HostingApp.StartAsync();
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(app.HttpAddress, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterCalls_CountsRequestsErrorsAndLatencyPerRpc()
    {
        await using var app = await HostingApp.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Summarizer.SummarizerClient(channel);
        await client.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 1 });
        await Assert.ThrowsAsync<RpcException>(async () => await client.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 2 }));
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(app.HttpAddress, "/metrics"));
        var families = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        var requests = families["bots_grpc_server_requests_total"].Samples.Where(s => s.Labels["method"] == "SummarizeArticle").ToList();
        Assert.Equal(1, requests.Single(s => s.Labels["code"] == "0").Value);
        Assert.Equal(1, requests.Single(s => s.Labels["code"] == "5").Value);
        Assert.Equal(1, families["bots_grpc_server_errors_total"].Samples.Single(s => s.Labels["method"] == "SummarizeArticle").Value);
        Assert.Equal(2, families["bots_grpc_server_duration_seconds"].Samples
            .Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal) && s.Labels["method"] == "SummarizeArticle").Value);
    }

    [Fact]
    public async Task Metrics_ReportTheProcessCostsCpuAllocationsGcAndJit()
    {
        await using var app = await HostingApp.StartAsync();
        using var http = new HttpClient();

        var families = PrometheusText.Parse(await http.GetStringAsync(new Uri(app.HttpAddress, "/metrics")));

        Assert.Contains(families["dotnet_process_cpu_time_seconds_total"].Samples, s => s.Value > 0);
        Assert.True(families["dotnet_gc_heap_total_allocated_bytes_total"].Samples.Single().Value > 0);
        Assert.True(families["dotnet_jit_compiled_methods_total"].Samples.Single().Value > 0);
        Assert.Equal("counter", families["dotnet_gc_pause_time_seconds_total"].Type);
    }

    [Fact]
    public async Task ApiKey_WhenSet_RefusesCallsWithoutTheBearerKey()
    {
        await using var app = await HostingApp.StartAsync(("Bots:ApiKey", "s3cret-key"));
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");
        var client = new Summarizer.SummarizerClient(channel);

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await client.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 1 }));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await client.SummarizeArticleAsync(
            new SummarizeArticleRequest { ArticleId = 1 }, new Metadata { { "authorization", "Bearer not-the-key" } }));
        var summary = await client.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 1 }, new Metadata { { "authorization", "Bearer s3cret-key" } });

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Contains("API key", missing.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("One sentence.", summary.Text);
    }

    [Fact]
    public async Task ApiKey_WhenSet_LeavesHealthChecksOpen()
    {
        await using var app = await HostingApp.StartAsync(("Bots:ApiKey", "s3cret-key"));
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{app.GrpcPort}");

        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Tls_WithCertificate_ServesGrpcOverHttps()
    {
        var folder = Directory.CreateTempSubdirectory("bots-tls-");
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            var certPath = Path.Combine(folder.FullName, "cert.pem");
            var keyPath = Path.Combine(folder.FullName, "key.pem");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
            await using var app = await HostingApp.StartAsync(("Bots:TlsCertificate", certPath), ("Bots:TlsKey", keyPath));
            var handler = new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
            };
            using var channel = GrpcChannel.ForAddress($"https://localhost:{app.GrpcPort}", new GrpcChannelOptions { HttpHandler = handler });

            var summary = await new Summarizer.SummarizerClient(channel).SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 1 });

            Assert.Equal("One sentence.", summary.Text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Options_WithMalformedPort_StopStartUpNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HostingApp.StartAsync(("Bots:HttpPort", "eighty")));

        Assert.Contains("Bots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceClient_WhenApiKeySet_SendsTheKeyOnEveryCall()
    {
        await using var app = await HostingApp.StartAsync(("Bots:ApiKey", "s3cret-key"));
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder([
            "--Bots:ApiKey=s3cret-key",
            $"--Services:Summarizer=http://127.0.0.1:{app.GrpcPort}",
        ]);
        builder.AddServiceClient<Summarizer.SummarizerClient>("Summarizer");
        await using var provider = builder.Services.BuildServiceProvider();

        var summary = await provider.GetRequiredService<Summarizer.SummarizerClient>().SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 1 });

        Assert.Equal("One sentence.", summary.Text);
    }

    [Fact]
    public void ServiceClient_WithMalformedAddress_NamesTheKey()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(["--Services:Summarizer=store:50051"]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceClient<Summarizer.SummarizerClient>("Summarizer"));

        Assert.Contains("Services:Summarizer", error.Message, StringComparison.Ordinal);
    }
}
