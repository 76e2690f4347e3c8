using Microsoft.Extensions.Options;

namespace Bots.Chat.Backends;

/// <summary>Where the chat finds the services (section "Services"): gRPC URLs like http://127.0.0.1:50051.
/// Unset, each defaults to this machine's Bots:GrpcPort.</summary>
public sealed class BackendOptions
{
    public const string Section = "Services";
    private const string Local = "http://127.0.0.1:50051";

    public string QuestionAnswering { get; set; } = Local;

    public string Summarizer { get; set; } = Local;

    public string ArticleStore { get; set; } = Local;
}

internal sealed class BackendOptionsValidator : IValidateOptions<BackendOptions>
{
    public ValidateOptionsResult Validate(string? name, BackendOptions options)
    {
        var errors = new[]
            {
                (Key: "Services:QuestionAnswering", Value: options.QuestionAnswering),
                (Key: "Services:Summarizer", Value: options.Summarizer),
                (Key: "Services:ArticleStore", Value: options.ArticleStore),
            }
            .Where(s => !Uri.TryCreate(s.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            .Select(s => $"{s.Key} must be an absolute http:// or https:// gRPC address (was \"{s.Value}\").")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
