namespace Bots.ArticleStore.Ingest;

/// <summary>Turns a site's domain ("RT.com", "https://www.aljazeera.com/news/...") into the name readers cite.</summary>
public static class SourceNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rt.com"] = "RT",
        ["aljazeera.com"] = "Al Jazeera",
        ["aljazeera.net"] = "Al Jazeera",
        ["globaltimes.cn"] = "Global Times",
        ["reuters.com"] = "Reuters",
        ["apnews.com"] = "Associated Press",
        ["bbc.com"] = "BBC",
        ["bbc.co.uk"] = "BBC",
        ["cnn.com"] = "CNN",
        ["nytimes.com"] = "The New York Times",
        ["theguardian.com"] = "The Guardian",
        ["washingtonpost.com"] = "The Washington Post",
        ["wsj.com"] = "The Wall Street Journal",
        ["ft.com"] = "Financial Times",
        ["bloomberg.com"] = "Bloomberg",
        ["tass.com"] = "TASS",
        ["xinhuanet.com"] = "Xinhua",
        ["news.cn"] = "Xinhua",
        ["france24.com"] = "France 24",
        ["dw.com"] = "DW",
        ["arabnews.com"] = "Arab News",
        ["timesofisrael.com"] = "The Times of Israel",
        ["jpost.com"] = "The Jerusalem Post",
        ["haaretz.com"] = "Haaretz",
        ["aa.com.tr"] = "Anadolu Agency",
        ["euronews.com"] = "Euronews",
        ["npr.org"] = "NPR",
        ["wikipedia.org"] = "Wikipedia",
    };

    public static string FromDomain(string domainOrUrl)
    {
        var host = HostOf(domainOrUrl);
        if (host.Length == 0)
        {
            return domainOrUrl.Trim();
        }
        for (var candidate = host; candidate.Contains('.'); candidate = candidate[(candidate.IndexOf('.') + 1)..])
        {
            if (Known.TryGetValue(candidate, out var name))
            {
                return name;
            }
        }
        // Unknown sites keep the spelling the text used ("Aljazeera.com"), minus "www.".
        var written = domainOrUrl.Trim();
        if (Uri.TryCreate(written, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            written = uri.Host;
        }
        return written.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? written[4..] : written;
    }

    public static string HostOf(string domainOrUrl)
    {
        var text = domainOrUrl.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !uri.Host.Contains('.'))
        {
            return "";
        }
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
