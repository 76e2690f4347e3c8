using Microsoft.AspNetCore.Http;

namespace Bots.Hosting;

/// <summary>Recognises gRPC requests and answers them before they reach a service.</summary>
internal static class GrpcRequests
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Trailers-Only response: HTTP 200 with the status in the only HEADERS frame.</summary>
    public static Task WriteTrailersOnlyAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = PercentEncode(message);
        return Task.CompletedTask;
    }

    /// <summary>grpc-message encoding: UTF-8, every byte outside 0x20–0x7E and '%' itself as %XX.</summary>
    public static string PercentEncode(string message)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(message);
        var builder = new System.Text.StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The status a finished gRPC response carried, from its trailers or Trailers-Only headers.</summary>
    public static string StatusOf(HttpContext context)
    {
        var trailers = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is not null && trailers.TryGetValue("grpc-status", out var fromTrailers) && fromTrailers.Count > 0)
        {
            return fromTrailers.ToString();
        }

        return context.Response.Headers.TryGetValue("grpc-status", out var fromHeaders) && fromHeaders.Count > 0
            ? fromHeaders.ToString()
            : context.RequestAborted.IsCancellationRequested ? "1" : "2";
    }
}
