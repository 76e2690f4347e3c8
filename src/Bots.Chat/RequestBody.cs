using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bots.Chat;

/// <summary>Reads the raw body of a public webhook request, refusing more than <see cref="MaxBytes"/>.</summary>
internal static class RequestBody
{
    /// <summary>Telegram updates and Discord interactions are a few KiB; anything near this is not one.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than the limit.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (context.Request.ContentLength > MaxBytes)
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
                if (buffer.Length + read > MaxBytes)
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
