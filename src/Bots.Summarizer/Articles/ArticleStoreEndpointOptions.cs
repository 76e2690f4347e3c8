namespace Bots.Summarizer.Articles;

/// <summary>Where the article store listens (key <c>Services:ArticleStore</c>, e.g. http://127.0.0.1:50051).</summary>
public sealed class ArticleStoreEndpointOptions
{
    public const string Section = "Services";

    public string ArticleStore { get; set; } = "";

    /// <summary>The problems with the setting, naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ArticleStore))
        {
            return [$"{Section}:ArticleStore is required: the article store's gRPC address, e.g. http://127.0.0.1:50051"];
        }
        if (!Uri.TryCreate(ArticleStore, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return [$"{Section}:ArticleStore must be an http:// or https:// URL such as http://127.0.0.1:50051 (got '{ArticleStore}')"];
        }
        return [];
    }
}
