using Bots.Grpc.Tests.Interop;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Bots.Grpc.Tests;

/// <summary>Our client runs the grpc/grpc interop cases; the subclasses pick the server (ours or grpcio).</summary>
public abstract class InteropClientTests : IDisposable
{
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n";
    private const int MiB = 1024 * 1024;

    private readonly IInteropServer _server;
    private readonly GrpcChannel? _channel;

    protected InteropClientTests(IInteropServer server)
    {
        _server = server;
        if (server.Available)
        {
            _channel = GrpcChannel.ForAddress(server.Address);
            Client = new TestService.TestServiceClient(_channel);
        }
    }

    protected TestService.TestServiceClient Client { get; } = null!;

    protected bool Skip => !_server.Available;

    public void Dispose() => _channel?.Dispose();

    [Fact]
    public async Task EmptyUnary_ReturnsEmpty()
    {
        if (Skip)
        {
            return;
        }

        var response = await Client.EmptyCallAsync(new Empty());

        Assert.Equal(new Empty(), response);
    }

    [Fact]
    public async Task LargeUnary_ReturnsRequestedPayloadSize()
    {
        if (Skip)
        {
            return;
        }

        var response = await Client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) });

        Assert.Equal(314159, response.Payload.Body.Length);
    }

    [Fact]
    public void BlockingUnary_ReturnsResponse()
    {
        if (Skip)
        {
            return;
        }

        var response = Client.UnaryCall(new SimpleRequest { ResponseSize = 7 });

        Assert.Equal(7, response.Payload.Body.Length);
    }

    [Fact]
    public async Task ClientStreaming_AggregatesPayloadSizes()
    {
        if (Skip)
        {
            return;
        }

        using var call = Client.StreamingInputCall();
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(size) });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(74922, response.AggregatedPayloadSize);
    }

    [Fact]
    public async Task ServerStreaming_ReturnsRequestedSizesInOrder()
    {
        if (Skip)
        {
            return;
        }

        int[] sizes = [31415, 9, 2653, 58979];
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(sizes.Select(s => new ResponseParameters { Size = s }));

        using var call = Client.StreamingOutputCall(request);
        var received = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            received.Add(response.Payload.Body.Length);
        }

        Assert.Equal(sizes, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task PingPong_AlternatesRequestsAndResponses()
    {
        if (Skip)
        {
            return;
        }

        using var call = Client.FullDuplexCall();
        foreach (var (requestSize, responseSize) in new[] { (27182, 31415), (8, 9), (1828, 2653), (45904, 58979) })
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payload(requestSize), ResponseParameters = { new ResponseParameters { Size = responseSize } } });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(responseSize, call.ResponseStream.Current.Payload.Body.Length);
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task DuplexCall_ReachesTheServerBeforeTheClientWritesAnything()
    {
        if (Skip)
        {
            return;
        }

        // A watch-style call: the server speaks first. Its request HEADERS must leave the client at once, not sit in
        // the connection's buffer until some later write flushes it. A fresh channel has no other traffic to do that.
        using var channel = GrpcChannel.ForAddress(_server.Address);
        var client = new TestService.TestServiceClient(channel);
        using var call = client.FullDuplexCall(new Metadata { { "x-grpc-test-echo-initial", "server-first" } });

        var headers = await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("server-first", headers.GetValue("x-grpc-test-echo-initial"));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task EmptyStream_EndsWithoutResponses()
    {
        if (Skip)
        {
            return;
        }

        using var call = Client.FullDuplexCall();
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Theory]
    [InlineData("test status message")]
    [InlineData(SpecialMessage)]
    public async Task StatusCodeAndMessage_RoundTrip(string message)
    {
        if (Skip)
        {
            return;
        }

        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCallAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task StatusCodeAndMessage_InDuplexCall_RoundTrip()
    {
        if (Skip)
        {
            return;
        }

        using var call = Client.FullDuplexCall();
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = new EchoStatus { Code = 2, Message = "test status message" } });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("test status message", error.Status.Detail);
    }

    [Fact]
    public async Task UnimplementedMethod_IsUnimplemented()
    {
        if (Skip)
        {
            return;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UnimplementedCallAsync(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task UnimplementedService_IsUnimplemented()
    {
        if (Skip)
        {
            return;
        }

        var client = new UnimplementedService.UnimplementedServiceClient(_channel!);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnimplementedCallAsync(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task TimeoutOnSleepingServer_IsDeadlineExceeded()
    {
        if (Skip)
        {
            return;
        }

        using var call = Client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payload(27182) });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Deadline_OnSlowUnaryServerStream_IsDeadlineExceededPromptly()
    {
        if (Skip)
        {
            return;
        }

        var request = new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 1, IntervalUs = 3_000_000 } } };
        var started = DateTime.UtcNow;
        using var call = Client.StreamingOutputCall(request, deadline: DateTime.UtcNow.AddMilliseconds(200));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task CancelAfterBegin_IsCancelled()
    {
        if (Skip)
        {
            return;
        }

        using var cts = new CancellationTokenSource();
        using var call = Client.StreamingInputCall(cancellationToken: cts.Token);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task CancelAfterFirstResponse_IsCancelled()
    {
        if (Skip)
        {
            return;
        }

        using var cts = new CancellationTokenSource();
        using var call = Client.FullDuplexCall(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payload(27182), ResponseParameters = { new ResponseParameters { Size = 31415 } } });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await cts.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task CustomMetadata_IsEchoedInHeadersAndTrailers()
    {
        if (Skip)
        {
            return;
        }

        var headers = new Metadata { { "x-grpc-test-echo-initial", "test_initial_metadata_value" }, { "x-grpc-test-echo-trailing-bin", new byte[] { 0xab, 0xab, 0xab } } };
        using var call = Client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) }, headers);

        var response = await call;
        var responseHeaders = await call.ResponseHeadersAsync;

        Assert.Equal(314159, response.Payload.Body.Length);
        Assert.Equal("test_initial_metadata_value", responseHeaders.GetValue("x-grpc-test-echo-initial"));
        Assert.Equal(new byte[] { 0xab, 0xab, 0xab }, call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin"));
    }

    [Fact]
    public async Task MetadataInterceptor_AddsHeadersToEveryCall()
    {
        if (Skip)
        {
            return;
        }

        var client = new TestService.TestServiceClient(_channel!.Intercept(metadata =>
        {
            metadata.Add("x-grpc-test-echo-initial", "from-interceptor");
            return metadata;
        }));
        using var call = client.UnaryCallAsync(new SimpleRequest());

        await call;

        Assert.Equal("from-interceptor", (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial"));
    }

    [Fact]
    public async Task ClientCompressedUnary_Succeeds()
    {
        if (Skip)
        {
            return;
        }

        var headers = new Metadata { { Metadata.CompressionRequestAlgorithmMetadataKey, "gzip" } };

        var response = await Client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) }, headers);

        Assert.Equal(314159, response.Payload.Body.Length);
    }

    [Fact]
    public async Task ServerCompressedUnary_IsDecompressed()
    {
        if (Skip)
        {
            return;
        }

        using var call = Client.UnaryCallAsync(new SimpleRequest { ResponseSize = 314159, ResponseCompressed = new BoolValue { Value = true } });

        var response = await call;

        Assert.Equal(314159, response.Payload.Body.Length);
    }

    [Fact]
    public async Task RequestOf3Point9MiB_IsAccepted()
    {
        if (Skip)
        {
            return;
        }

        var response = await Client.UnaryCallAsync(new SimpleRequest { ResponseSize = 10, Payload = Payload((int)(3.9 * MiB)) });

        Assert.Equal(10, response.Payload.Body.Length);
    }

    [Fact]
    public async Task RequestOf5MiB_IsResourceExhausted()
    {
        if (Skip)
        {
            return;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryCallAsync(new SimpleRequest { ResponseSize = 10, Payload = Payload(5 * MiB) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseOverClientLimit_IsResourceExhausted()
    {
        if (Skip)
        {
            return;
        }

        using var channel = GrpcChannel.ForAddress(_server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });
        var client = new TestService.TestServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(new SimpleRequest { ResponseSize = 2000 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task HundredConcurrentCalls_OnOneConnection_AllSucceed()
    {
        if (Skip)
        {
            return;
        }

        using var channel = GrpcChannel.ForAddress(_server.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, MaxConnectionsPerServer = 1 },
        });
        var client = new TestService.TestServiceClient(channel);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.UnaryCallAsync(new SimpleRequest { ResponseSize = 100 + i, Payload = Payload(100) }).ResponseAsync));

        Assert.Equal(Enumerable.Range(100, 100), responses.Select(r => r.Payload.Body.Length));
    }

    [Fact]
    public async Task HandlerException_IsUnknownWithoutInternalDetails()
    {
        if (Skip)
        {
            return;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.FailCallAsync(new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        if (_server.IsOurs)
        {
            // grpcio's own server does put the exception message in the status; ours must not.
            Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
        }
    }

    protected static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}

public sealed class InteropClientToOurServerTests(GrpcTestServer server) : InteropClientTests(server), IClassFixture<GrpcTestServer>;

public sealed class InteropClientToGrpcioServerTests(GrpcioTestServer server) : InteropClientTests(server), IClassFixture<GrpcioTestServer>;
