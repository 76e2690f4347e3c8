using Bots.Grpc.Server;
using Microsoft.AspNetCore.Http;

namespace Grpc.Core;

public static class ServerCallContextExtensions
{
    /// <summary>The HTTP request behind a call served by Bots.Grpc.</summary>
    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext) =>
        serverCallContext is HttpServerCallContext call
            ? call.HttpContext
            : throw new InvalidOperationException("This call context does not come from an HTTP request.");
}
