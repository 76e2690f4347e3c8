using System.Text.Json;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// Reads article records from JSON: one object, an array of objects, an object holding such an
/// array ("articles", "items", "data"), or JSON Lines. Field names follow the common feeds
/// (title/headline, body/text/content, source/site/publisher, url/link, published/date/pubDate).
/// </summary>
public static class JsonArticleReader
{
    private static readonly string[] TitleFields = ["title", "headline", "name"];
    private static readonly string[] BodyFields = ["body", "text", "content", "article", "articleBody", "article_body", "html", "description"];
    private static readonly string[] SourceFields = ["source", "site", "site_name", "siteName", "publisher", "outlet"];
    private static readonly string[] UrlFields = ["url", "link", "canonical_url", "canonicalUrl", "href"];
    private static readonly string[] DateFields = ["published", "published_at", "publishedAt", "datePublished", "date", "pubDate", "pub_date", "time", "created_at"];
    private static readonly string[] ListFields = ["articles", "items", "data", "records", "results", "entries"];

    /// <summary>One result per record: the input, or the reason the record could not be read.</summary>
    public static IEnumerable<(ArticleInput? Input, string? Error)> Read(string json, string origin)
    {
        var trimmed = json.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('[') || (trimmed.StartsWith('{') && !LooksLikeJsonLines(trimmed)))
        {
            JsonDocument document;
            string? error = null;
            try
            {
                document = JsonDocument.Parse(trimmed, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                document = null!;
                error = $"{origin}: not valid JSON ({e.Message})";
            }
            if (error is not null)
            {
                yield return (null, error);
                yield break;
            }
            using (document)
            {
                var index = 0;
                foreach (var record in Records(document.RootElement))
                {
                    yield return FromRecord(record, $"{origin}#{index++}");
                }
            }
            yield break;
        }
        var lineNumber = 0;
        foreach (var line in trimmed.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            (ArticleInput?, string?) result;
            try
            {
                using var document = JsonDocument.Parse(line);
                result = FromRecord(document.RootElement, $"{origin}:{lineNumber}");
            }
            catch (JsonException e)
            {
                result = (null, $"{origin}:{lineNumber}: not valid JSON ({e.Message})");
            }
            yield return result;
        }
    }

    /// <summary>Reads a single record (the body of an AddArticle request with format "json").</summary>
    public static (ArticleInput? Input, string? Error) ReadOne(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromRecord(document.RootElement, "the JSON record")
                : (null, "format \"json\" needs one JSON object");
        }
        catch (JsonException e)
        {
            return (null, $"is not valid JSON ({e.Message})");
        }
    }

    private static bool LooksLikeJsonLines(string text)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (!firstLine.EndsWith('}'))
        {
            return false;
        }
        try
        {
            using var _ = JsonDocument.Parse(firstLine);
            return text.Trim().Contains('\n');
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<JsonElement> Records(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                yield return item;
            }
            yield break;
        }
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in ListFields)
            {
                if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        yield return item;
                    }
                    yield break;
                }
            }
        }
        yield return root;
    }

    private static (ArticleInput? Input, string? Error) FromRecord(JsonElement record, string origin)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{origin}: a record must be a JSON object");
        }
        var body = Field(record, BodyFields);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, $"{origin}: body is empty (looked for {string.Join(", ", BodyFields)})");
        }
        var input = new ArticleInput(
            Field(record, TitleFields),
            body,
            Field(record, SourceFields),
            Field(record, UrlFields),
            Field(record, DateFields),
            HtmlExtractor.LooksLikeHtml(body) ? "html" : "text") { Origin = origin };
        return (input, null);
    }

    private static string Field(JsonElement record, string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in record.EnumerateObject())
            {
                if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        return property.Value.GetString() ?? "";
                    case JsonValueKind.Number:
                        return property.Value.GetRawText();
                    case JsonValueKind.Object when property.Value.TryGetProperty("name", out var inner) && inner.ValueKind == JsonValueKind.String:
                        return inner.GetString() ?? "";
                }
            }
        }
        return "";
    }
}
