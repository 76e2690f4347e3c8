namespace Bots.ArticleStore.Ingest;

/// <summary>An article as submitted: raw body plus whatever metadata the caller knows. Empty strings mean "not given".</summary>
public sealed record ArticleInput(
    string Title,
    string Body,
    string Source = "",
    string Url = "",
    string Published = "",
    string Format = "")
{
    /// <summary>Where the item came from (file name, stream position), for messages only.</summary>
    public string Origin { get; init; } = "";
}
