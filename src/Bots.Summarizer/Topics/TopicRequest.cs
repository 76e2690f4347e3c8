namespace Bots.Summarizer.Topics;

/// <summary>What to summarise across articles: a free-text query and optional filters (ISO dates, inclusive).</summary>
public sealed record TopicRequest(string Query, int MaxSentences = 0, string? Source = null, string? PublishedAfter = null, string? PublishedBefore = null);
