namespace Bots.Summarizer.Summaries;

/// <summary>Where a summary sentence came from.</summary>
public sealed record SummaryCitation(long ArticleId, string Title, string Source, string Url, string Published, string Snippet);

/// <summary>One sentence of a summary and the index of its citation in <see cref="SummaryResult.Citations"/>.</summary>
public sealed record SummarySentence(string Text, int CitationIndex);

/// <summary>An extractive summary: its sentences, their citations, and the text a reader sees.</summary>
public sealed record SummaryResult(IReadOnlyList<SummarySentence> Sentences, IReadOnlyList<SummaryCitation> Citations)
{
    public string Text => string.Join(" ", Sentences.Select(s => s.Text));

    public static SummaryResult Empty { get; } = new([], []);
}
