using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bots.Hosting.Security;

/// <summary>
/// Refuses gRPC calls without `authorization: Bearer &lt;Bots:ApiKey&gt;` with UNAUTHENTICATED.
/// Health checks stay open so that orchestrators can probe without the key.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, string apiKey)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + apiKey);

    public Task InvokeAsync(HttpContext context)
    {
        if (!GrpcRequests.IsGrpc(context.Request) || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
        {
            return next(context);
        }

        var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
        if (CryptographicOperations.FixedTimeEquals(given, _expected))
        {
            return next(context);
        }

        return GrpcRequests.WriteTrailersOnlyAsync(context, 16, "Missing or invalid API key: send 'authorization: Bearer <key>'.");
    }
}
