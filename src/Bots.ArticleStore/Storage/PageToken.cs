using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Bots.ArticleStore.Storage;

/// <summary>Opaque ListArticles cursor: the last id of the page, so pages stay stable while articles are added.</summary>
public static class PageToken
{
    private const string Prefix = "after:";

    public static string Encode(long lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastId.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string token, out long lastId)
    {
        lastId = 0;
        if (token.Length > 64)
        {
            return false;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastId)
                && lastId > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
