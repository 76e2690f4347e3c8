using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Bots.Grpc.Tests.Interop;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bots.Grpc.Tests;

/// <summary>Wire-level behaviour of our server that a generated client cannot provoke, checked with raw HTTP/2 requests.</summary>
public sealed class ServerProtocolTests(GrpcTestServer server) : IClassFixture<GrpcTestServer>, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task NonGrpcContentType_Is415()
    {
        using var request = GrpcRequest("/grpc.testing.TestService/EmptyCall", Frame([]));
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task UnknownEncoding_IsUnimplementedAndListsSupportedEncodings()
    {
        using var request = GrpcRequest("/grpc.testing.TestService/EmptyCall", Frame([]));
        request.Headers.Add("grpc-encoding", "snappy");

        using var response = await _http.SendAsync(request);

        Assert.Equal("12", Header(response, "grpc-status"));
        Assert.Contains("gzip", Header(response, "grpc-accept-encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorBeforeAnyMessage_IsTrailersOnly()
    {
        using var request = GrpcRequest("/grpc.testing.TestService/UnimplementedCall", Frame([]));

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", Header(response, "grpc-status"));
        Assert.Empty(body);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task MessageSplitAcrossManyFrames_IsReassembled()
    {
        var message = new SimpleRequest { ResponseSize = 3, Payload = new Payload { Body = ByteString.CopyFrom(new byte[1000]) } }.ToByteArray();
        using var request = GrpcRequest("/grpc.testing.TestService/UnaryCall", new TrickleContent(Frame(message), chunkSize: 7));

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", Header(response, "grpc-status"));
        var reply = SimpleResponse.Parser.ParseFrom(body.AsSpan(5).ToArray());
        Assert.Equal(3, reply.Payload.Body.Length);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncoding_IsInternal()
    {
        var framed = Frame([]);
        framed[0] = 1;
        using var request = GrpcRequest("/grpc.testing.TestService/EmptyCall", new ByteArrayContent(framed));

        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", Header(response, "grpc-status"));
    }

    [Fact]
    public async Task MalformedMessage_IsInternal()
    {
        using var request = GrpcRequest("/grpc.testing.TestService/UnaryCall", Frame([0xff, 0xff, 0xff, 0xff]));

        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("13", Header(response, "grpc-status"));
    }

    [Fact]
    public async Task StatusMessage_IsPercentEncodedOnTheWire()
    {
        var message = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 3, Message = "50% ☺\n" } }.ToByteArray();
        using var request = GrpcRequest("/grpc.testing.TestService/UnaryCall", Frame(message));

        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("3", Header(response, "grpc-status"));
        Assert.Equal("50%25 %E2%98%BA%0A", Header(response, "grpc-message"));
    }

    [Fact]
    public async Task UnavailableUnaryCall_IsRetriedThreeTimesByDefault()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new TestService.TestServiceClient(channel);
        var key = Guid.NewGuid().ToString("N");
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.Unavailable, Message = "try later" } };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(request, new Metadata { { AttemptCountingInterceptor.Header, key } }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(3, server.Services.GetRequiredService<AttemptCountingInterceptor>().Attempts[key]);
    }

    [Fact]
    public async Task UnavailableUnaryCall_WithRetriesDisabled_IsTriedOnce()
    {
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { RetryPolicy = null });
        var client = new TestService.TestServiceClient(channel);
        var key = Guid.NewGuid().ToString("N");
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.Unavailable } };

        await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(request, new Metadata { { AttemptCountingInterceptor.Header, key } }).ResponseAsync);

        Assert.Equal(1, server.Services.GetRequiredService<AttemptCountingInterceptor>().Attempts[key]);
    }

    [Fact]
    public async Task NonRetryableStatus_IsNotRetried()
    {
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { RetryPolicy = new RetryPolicy { MaxAttempts = 5 } });
        var client = new TestService.TestServiceClient(channel);
        var key = Guid.NewGuid().ToString("N");
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = (int)StatusCode.InvalidArgument } };

        await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(request, new Metadata { { AttemptCountingInterceptor.Header, key } }).ResponseAsync);

        Assert.Equal(1, server.Services.GetRequiredService<AttemptCountingInterceptor>().Attempts[key]);
    }

    [Fact]
    public async Task ServerNotListening_IsUnavailable()
    {
        using var channel = GrpcChannel.ForAddress(Bots.Testing.FreePort.DeadAddress());
        var client = new TestService.TestServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_ReportsMappedServicesAndUnknownNames()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var health = new Health.HealthClient(channel);

        var whole = await health.CheckAsync(new HealthCheckRequest());
        var test = await health.CheckAsync(new HealthCheckRequest { Service = "grpc.testing.TestService" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, whole.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, test.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task HealthWatch_SendsCurrentStatusThenChanges()
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var health = new Health.HealthClient(channel);
        var impl = server.Services.GetRequiredService<HealthServiceImpl>();
        impl.SetStatus("watched", HealthCheckResponse.Types.ServingStatus.Serving);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var call = health.Watch(new HealthCheckRequest { Service = "watched" }, cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        var first = call.ResponseStream.Current.Status;
        impl.SetStatus("watched", HealthCheckResponse.Types.ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        var second = call.ResponseStream.Current.Status;

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, first);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, second);
    }

    [Fact]
    public async Task AddGrpcClient_ResolvesAWorkingTypedClient()
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<TestService.TestServiceClient>(o => o.Address = new Uri(server.Address));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<TestService.TestServiceClient>();
        var response = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 5 });

        Assert.Equal(5, response.Payload.Body.Length);
    }

    [Fact]
    public void AddGrpcClient_WithoutAddress_FailsNamingTheClient()
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<TestService.TestServiceClient>(_ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<TestService.TestServiceClient>());

        Assert.Contains("TestServiceClient", error.Message, StringComparison.Ordinal);
    }

    private HttpRequestMessage GrpcRequest(string path, byte[] framed) => GrpcRequest(path, new ByteArrayContent(framed));

    private HttpRequestMessage GrpcRequest(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.Address + path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        return request;
    }

    private static byte[] Frame(byte[] message)
    {
        var framed = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First()
        : response.TrailingHeaders.TryGetValues(name, out var trailing) ? trailing.First()
        : null;

    /// <summary>Sends the body in small flushed chunks, so HTTP/2 DATA frames split the gRPC frame header and message.</summary>
    private sealed class TrickleContent(byte[] body, int chunkSize) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += chunkSize)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
