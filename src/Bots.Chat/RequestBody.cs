using Bots.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bots.Chat;

/// <summary>Reads the raw body of a public webhook request, refusing more than Bots:MaxHttpRequestBytes (1 MiB):
/// Telegram updates and Discord interactions are a few KiB.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than the limit.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var maxBytes = context.RequestServices.GetService<IOptions<BotsOptions>>()?.Value.MaxHttpRequestBytes ?? 1024 * 1024;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
