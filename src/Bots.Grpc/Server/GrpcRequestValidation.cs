using Bots.Grpc.Internal;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Bots.Grpc.Server;

/// <summary>Refuses requests that are not gRPC over HTTP/2 before any call starts.</summary>
internal static class GrpcRequestValidation
{
    public static async Task<bool> ValidateAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            await RejectAsync(httpContext, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported; gRPC requests use application/grpc.").ConfigureAwait(false);
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            httpContext.Response.Headers.Upgrade = "h2c";
            await RejectAsync(httpContext, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static Task RejectAsync(HttpContext httpContext, int httpStatus, string message)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.Headers[GrpcProtocol.StatusTrailer] = GrpcProtocol.StatusString(StatusCode.Internal);
        response.Headers[GrpcProtocol.MessageTrailer] = GrpcProtocol.EncodeMessage(message);
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message + "\n");
    }
}
