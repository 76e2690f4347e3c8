using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// Finds the article in a web page: metadata from Open Graph, article:*, JSON-LD, &lt;time&gt; and
/// canonical links; the text from the element with the most paragraph text once navigation,
/// share widgets, related-link boxes and the like are removed. The text then goes through
/// <see cref="TextCleaner"/> like any plain-text article.
/// </summary>
public static partial class HtmlExtractor
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] Removed =
    [
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "input", "nav", "header", "footer", "aside", "menu", "dialog",
    ];

    private static readonly string[] Blocks = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dd", "dt", "td"];

    public static CleanedText Extract(string html)
    {
        var document = Parser.ParseDocument(html);
        var title = FirstNonEmpty(
            Meta(document, "og:title"), Meta(document, "twitter:title"), JsonLd(document, "headline"),
            document.QuerySelector("article h1, main h1, h1")?.TextContent, document.Title);
        var published = FirstDate(
            Meta(document, "article:published_time"), Meta(document, "og:published_time"), Meta(document, "datePublished"),
            Meta(document, "pubdate"), Meta(document, "publish-date"), Meta(document, "date"), Meta(document, "dc.date"),
            Meta(document, "dc.date.issued"), Meta(document, "sailthru.date"), JsonLd(document, "datePublished"),
            document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content"),
            document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("time")?.TextContent);
        var url = FirstNonEmpty(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Meta(document, "og:url"));
        var source = FirstNonEmpty(Meta(document, "og:site_name"), Meta(document, "application-name"), JsonLdPublisher(document));
        if (string.IsNullOrWhiteSpace(source) && !string.IsNullOrWhiteSpace(url))
        {
            source = SourceNames.FromDomain(url);
        }

        foreach (var element in document.QuerySelectorAll(string.Join(',', Removed)).ToList())
        {
            element.Remove();
        }
        foreach (var element in document.All.Where(IsBoilerplateBox).ToList())
        {
            element.Remove();
        }
        var root = FindContentRoot(document);
        var lines = new List<string>();
        CollectBlocks(root, lines);
        var cleanTitle = string.IsNullOrWhiteSpace(title) ? null : TextCleaner.StripSiteSuffix(Collapse(title));
        var cleaned = TextCleaner.Clean(string.Join('\n', lines), cleanTitle);
        return cleaned with
        {
            Title = cleanTitle ?? cleaned.Title,
            Published = published ?? cleaned.Published,
            Source = string.IsNullOrWhiteSpace(source) ? cleaned.Source : Collapse(source),
            Url = string.IsNullOrWhiteSpace(url) ? cleaned.Url : url.Trim(),
        };
    }

    /// <summary>True when the text looks like markup rather than prose.</summary>
    public static bool LooksLikeHtml(string text) => HtmlTag().IsMatch(text);

    private static IElement FindContentRoot(IDocument document)
    {
        var explicitRoot = document.QuerySelector("[itemprop=articleBody]") ?? document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.QuerySelector("[role=main]");
        if (explicitRoot is not null && ParagraphText(explicitRoot) > 200)
        {
            return explicitRoot;
        }
        // The parent whose direct <p> children hold the most text is the article body.
        IElement? best = null;
        var bestScore = 0;
        foreach (var parent in document.QuerySelectorAll("p").Select(p => p.ParentElement).OfType<IElement>().Distinct())
        {
            var score = parent.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length);
            if (score > bestScore)
            {
                best = parent;
                bestScore = score;
            }
        }
        return explicitRoot ?? best ?? (IElement?)document.Body ?? document.DocumentElement;
    }

    private static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static void CollectBlocks(IElement element, List<string> lines)
    {
        foreach (var child in element.Children)
        {
            if (Blocks.Contains(child.LocalName) && !child.Children.Any(c => Blocks.Contains(c.LocalName)))
            {
                var text = Collapse(InlineText(child));
                if (text.Length > 0)
                {
                    lines.Add(text);
                }
            }
            else
            {
                CollectBlocks(child, lines);
            }
        }
        if (!element.Children.Any() && element.TextContent.Trim().Length > 0 && !Blocks.Contains(element.LocalName))
        {
            lines.Add(Collapse(element.TextContent));
        }
    }

    private static string InlineText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement { LocalName: "br" })
            {
                builder.Append(' ');
            }
            else if (node is IElement child)
            {
                builder.Append(InlineText(child));
            }
            else
            {
                builder.Append(node.TextContent);
            }
        }
        return builder.ToString();
    }

    private static bool IsBoilerplateBox(IElement element)
    {
        if (element.LocalName is "html" or "body" or "article" or "main")
        {
            return false;
        }
        var marker = $"{element.GetAttribute("class")} {element.GetAttribute("id")} {element.GetAttribute("role")}";
        return marker.Length > 2 && BoilerplateMarker().IsMatch(marker);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return content;
                }
            }
        }
        return null;
    }

    private static string? JsonLd(IDocument document, string property)
    {
        foreach (var element in JsonLdObjects(document))
        {
            if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }
        return null;
    }

    private static string? JsonLdPublisher(IDocument document)
    {
        foreach (var element in JsonLdObjects(document))
        {
            if (element.TryGetProperty("publisher", out var publisher) && publisher.ValueKind == JsonValueKind.Object
                && publisher.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }
        return null;
    }

    private static IEnumerable<JsonElement> JsonLdObjects(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            JsonElement root;
            try
            {
                using var parsed = JsonDocument.Parse(script.TextContent);
                root = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                continue; // a broken JSON-LD block is common and not the article's fault
            }
            foreach (var item in Flatten(root))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(Flatten))
            {
                yield return item;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var item in Flatten(graph))
                {
                    yield return item;
                }
            }
        }
    }

    private static PublishedDate? FirstDate(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (PublishedDate.TryParse(candidate?.Trim(), out var date))
            {
                return date;
            }
        }
        return null;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<(?:html|body|head|p|div|article|h[1-6]|span|meta|title|br)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|donat\w*|promo\w*|advert\w*|ads?|sponsor\w*|sidebar|breadcrumbs?|cookie\w*|popup|modal|comments?|byline-share|navigation|nav|menu|footer|header|masthead|paywall|outbrain|taboola|more-stories|read-more|tags?)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateMarker();
}
