using Bots.Grpc.Tests.Interop;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Bots.Grpc.Tests;

/// <summary>Our client against our server: the interop cases, plus what only a .NET client can check.</summary>
public sealed class ClientServerTests : IClassFixture<GrpcTestServer>, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly TestService.TestServiceClient _client;

    public ClientServerTests(GrpcTestServer server)
    {
        _channel = GrpcChannel.ForAddress(server.Address);
        _client = new TestService.TestServiceClient(_channel);
    }

    public void Dispose() => _channel.Dispose();

    [Fact]
    public async Task EmptyUnary_ReturnsEmpty()
    {
        var response = await _client.EmptyCallAsync(new Empty());

        Assert.NotNull(response);
    }

    [Fact]
    public async Task LargeUnary_ReturnsRequestedPayloadSize()
    {
        var request = new SimpleRequest { ResponseSize = 314159, Payload = new Payload { Body = ByteString.CopyFrom(new byte[271828]) } };

        var response = await _client.UnaryCallAsync(request);

        Assert.Equal(314159, response.Payload.Body.Length);
    }

    [Fact]
    public async Task HealthCheck_OfMappedService_IsServing()
    {
        var health = new Health.HealthClient(_channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = "grpc.testing.TestService" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task HealthCheck_OfUnknownService_IsNotFound()
    {
        var health = new Health.HealthClient(_channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CustomMetadata_IsEchoedInHeadersAndTrailers()
    {
        var headers = new Metadata { { "x-grpc-test-echo-initial", "test_initial_metadata_value" }, { "x-grpc-test-echo-trailing-bin", new byte[] { 0xab, 0xab, 0xab } } };
        using var call = _client.UnaryCallAsync(new SimpleRequest { ResponseSize = 10 }, headers);

        await call;
        var responseHeaders = await call.ResponseHeadersAsync;

        Assert.Equal("test_initial_metadata_value", responseHeaders.GetValue("x-grpc-test-echo-initial"));
        Assert.Equal(new byte[] { 0xab, 0xab, 0xab }, call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin"));
    }
}
