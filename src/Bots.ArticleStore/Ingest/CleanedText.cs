namespace Bots.ArticleStore.Ingest;

/// <summary>What cleaning kept of a page: the title (when the text shows one), the paragraphs, and the metadata found on the way.</summary>
public sealed record CleanedText(
    string? Title,
    IReadOnlyList<string> Paragraphs,
    PublishedDate? Published,
    string? Source,
    string? Url);
