namespace Bots.Summarizer;

/// <summary>The bounds of summary and timeline requests, and the defaults a 0 stands for.</summary>
public static class SummaryLimits
{
    public const int MinSentences = 1;
    public const int MaxSentences = 20;
    public const int DefaultArticleSentences = 3;
    public const int DefaultTopicSentences = 5;
    public const int MaxEvents = 100;
    public const int DefaultEvents = 20;
    public const int MaxQueryLength = 1000;

    /// <summary>The sentence count to use: the default for 0, else the value within 1..20, else an error naming the bound.</summary>
    public static int Sentences(int requested, int defaultValue) =>
        Resolve(requested, defaultValue, MaxSentences, "max_sentences");

    /// <summary>The event count to use: the default for 0, else the value within 1..100.</summary>
    public static int Events(int requested) => Resolve(requested, DefaultEvents, MaxEvents, "max_events");

    /// <summary>The trimmed query, or an error when it is empty or too long.</summary>
    public static string Query(string? query)
    {
        var trimmed = query?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new SummaryRequestException(SummaryFailure.InvalidArgument, "query must not be empty: say what the summary should be about");
        }
        if (trimmed.Length > MaxQueryLength)
        {
            throw new SummaryRequestException(SummaryFailure.InvalidArgument, $"query must be at most {MaxQueryLength} characters (got {trimmed.Length})");
        }
        return trimmed;
    }

    private static int Resolve(int requested, int defaultValue, int max, string field)
    {
        if (requested == 0)
        {
            return defaultValue;
        }
        if (requested is < MinSentences || requested > max)
        {
            throw new SummaryRequestException(
                SummaryFailure.InvalidArgument,
                $"{field} must be between {MinSentences} and {max} (or 0 for the default {defaultValue}); got {requested}");
        }
        return requested;
    }
}
