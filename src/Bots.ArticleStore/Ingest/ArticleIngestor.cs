using System.Security.Cryptography;
using System.Text;
using Bots.ArticleStore.Dedup;
using Bots.ArticleStore.Search;
using Bots.ArticleStore.Storage;
using Bots.Text;

namespace Bots.ArticleStore.Ingest;

/// <summary>A refused input: which field, and why, in words a caller can act on.</summary>
public sealed class InvalidInputException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}

/// <summary>
/// Validates an <see cref="ArticleInput"/>, reads it by format (text, html, json), cleans it and
/// prepares what storage needs: passages, the identity hash and the near-duplicate fingerprint.
/// Title rule: an empty title is taken from the body's headline (og:title/h1 for HTML, the
/// headline line for text, the record's title for JSON); when the body has none, the input is
/// refused with field "title".
/// </summary>
public sealed class ArticleIngestor(int maxBodyBytes)
{
    public const int MaxTitleChars = 1_000;
    public const int MaxUrlChars = 4_096;
    public const int MaxSourceChars = 300;

    public int MaxBodyBytes { get; } = maxBodyBytes;

    public PreparedArticle Prepare(ArticleInput input)
    {
        CheckText("title", input.Title);
        CheckText("body", input.Body);
        CheckText("source", input.Source);
        CheckText("url", input.Url);
        CheckText("published", input.Published);
        CheckText("format", input.Format);
        if (string.IsNullOrWhiteSpace(input.Body))
        {
            throw new InvalidInputException("body", "is empty");
        }
        var bytes = Encoding.UTF8.GetByteCount(input.Body);
        if (bytes > MaxBodyBytes)
        {
            throw new InvalidInputException("body", $"is {bytes:N0} bytes; the limit is {MaxBodyBytes:N0} (setting Bots:MaxBodyBytes)");
        }
        Limit("title", input.Title, MaxTitleChars);
        Limit("url", input.Url, MaxUrlChars);
        Limit("source", input.Source, MaxSourceChars);
        PublishedDate? published = null;
        if (!string.IsNullOrWhiteSpace(input.Published))
        {
            if (!PublishedDate.TryParse(input.Published, out var date))
            {
                throw new InvalidInputException("published", $"\"{Shorten(input.Published)}\" is not a date; use ISO 8601 such as 2024-08-13 or 2024-08-13T23:14:00Z");
            }
            published = date;
        }
        var format = input.Format.Trim().ToLowerInvariant();
        if (format == "json")
        {
            var (record, error) = JsonArticleReader.ReadOne(input.Body, input.Origin);
            if (record is null)
            {
                throw new InvalidInputException("body", error ?? "not a JSON article record");
            }
            // Fields given on the request win over the record's.
            return Prepare(record with
            {
                Title = Pick(input.Title, record.Title),
                Source = Pick(input.Source, record.Source),
                Url = Pick(input.Url, record.Url),
                Published = Pick(input.Published, record.Published),
            });
        }
        if (format is not ("" or "text" or "html"))
        {
            throw new InvalidInputException("format", $"\"{Shorten(input.Format)}\" is not one of text, html, json");
        }
        var title = Tidy(input.Title);
        var isHtml = format == "html" || (format == "" && HtmlExtractor.LooksLikeHtml(input.Body));
        var cleaned = isHtml ? HtmlExtractor.Extract(input.Body) : TextCleaner.Clean(input.Body, title.Length > 0 ? title : null);
        if (title.Length == 0)
        {
            title = Tidy(cleaned.Title ?? "");
        }
        if (title.Length == 0)
        {
            throw new InvalidInputException("title", "is empty and the body has no headline to take it from");
        }
        if (cleaned.Paragraphs.Count == 0)
        {
            throw new InvalidInputException("body", "has no article text once navigation and boilerplate are removed");
        }
        var body = string.Join("\n\n", cleaned.Paragraphs);
        var passages = PassageBuilder.Build(cleaned.Paragraphs);
        if (passages.Count > PassageIds.MaxPassagesPerArticle)
        {
            throw new InvalidInputException("body", $"would make {passages.Count} passages; the limit is {PassageIds.MaxPassagesPerArticle}");
        }
        return new PreparedArticle(
            title,
            body,
            Pick(Tidy(input.Source), cleaned.Source ?? ""),
            Pick(input.Url.Trim(), cleaned.Url ?? ""),
            published ?? cleaned.Published,
            ContentHash(body),
            ArticleFingerprint.Of(body),
            passages,
            TextCleaner.WordCount(body),
            SuggestTerms.Extract(title, body));
    }

    /// <summary>Identity after normalisation: case, spacing, punctuation and quote styles do not count.</summary>
    public static string ContentHash(string body)
    {
        // Below U+0300 normalising changes only spacing and punctuation, which the key drops anyway.
        var key = TextCleaner.Key(body.AsSpan().ContainsAnyInRange('\u0300', '\uFFFF') ? TextNormalizer.Normalize(body) : body);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>
    /// Protobuf decodes invalid UTF-8 to U+FFFD and JSON can carry lone surrogates; either means
    /// the sender's text is already damaged, so it is refused rather than stored half-broken.
    /// </summary>
    private static void CheckText(string field, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\uFFFD')
            {
                throw new InvalidInputException(field, $"is not valid UTF-8 (replacement character at position {i})");
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new InvalidInputException(field, $"is not valid UTF-16/UTF-8 (lone surrogate at position {i})");
            }
            else if (c == '\0')
            {
                throw new InvalidInputException(field, $"contains a NUL character at position {i}");
            }
        }
    }

    private static void Limit(string field, string value, int max)
    {
        if (value.Length > max)
        {
            throw new InvalidInputException(field, $"is {value.Length:N0} characters; the limit is {max:N0}");
        }
    }

    private static string Pick(string preferred, string fallback) => string.IsNullOrWhiteSpace(preferred) ? fallback : preferred;

    private static string Tidy(string text) => string.Join(' ', TextNormalizer.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
