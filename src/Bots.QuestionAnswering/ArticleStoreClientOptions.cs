using System.ComponentModel.DataAnnotations;

namespace Bots.QuestionAnswering;

/// <summary>Where the article store listens (key `Services:ArticleStore`).</summary>
public sealed class ArticleStoreClientOptions : IValidatableObject
{
    public const string Section = "Services";

    /// <summary>The store's gRPC address, e.g. http://127.0.0.1:50051.</summary>
    public string ArticleStore { get; set; } = "http://127.0.0.1:50051";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ArticleStore, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult(
                $"Services:ArticleStore must be an absolute http:// or https:// URL such as http://127.0.0.1:50051, not '{ArticleStore}'.",
                [nameof(ArticleStore)]);
        }
    }
}
