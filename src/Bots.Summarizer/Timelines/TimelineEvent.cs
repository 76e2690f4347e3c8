using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Timelines;

/// <summary>
/// A dated event: the ISO date as precise as the text allows (yyyy-MM-dd, yyyy-MM or yyyy; the start of
/// a range), the date as written, a one-line description and where it was read.
/// </summary>
public sealed record TimelineEvent(string Date, string DateText, string Description, SummaryCitation Citation, DateOnly From, DateOnly To);
