namespace Bots.Summarizer.Summaries;

/// <summary>
/// How much each signal counts when ranking sentences. The defaults were tuned on the BBC business and
/// entertainment articles and checked on politics, sport and tech (see `bots eval summaries`).
/// </summary>
public sealed record RankerWeights
{
    /// <summary>LexRank centrality (normalised to the best sentence).</summary>
    public double LexRank { get; init; } = 1.0;

    /// <summary>TextRank centrality on shared stemmed content terms.</summary>
    public double TextRank { get; init; } = 2.0;

    /// <summary>TextRank centrality on shared surface content words.</summary>
    public double TextRankWords { get; init; } = 1.0;

    /// <summary>Recurrence of the sentence's stemmed content terms in the rest of the article.</summary>
    public double Frequency { get; init; } = 1.0;

    /// <summary>Recurrence of the sentence's surface content words in the rest of the article.</summary>
    public double FrequencyWords { get; init; } = 1.0;

    /// <summary>News puts the essentials first: 0.5^(index / PositionHalfLife).</summary>
    public double Position { get; init; } = 0.2;

    public double PositionHalfLife { get; init; } = 6.0;

    /// <summary>TF-IDF cosine with the title.</summary>
    public double Title { get; init; } = 0.2;

    /// <summary>Longer sentences carry more facts, up to <see cref="FullLengthWords"/>.</summary>
    public double Length { get; init; } = 0.2;

    public int FullLengthWords { get; init; } = 20;

    /// <summary>Sentences shorter than this are not picked while longer ones remain.</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>Penalty for openers that dangle without the sentence before ("He said", "This", "But").</summary>
    public double DanglingOpener { get; init; } = 0.1;

    /// <summary>Penalty times the highest similarity to a sentence already chosen (MMR).</summary>
    public double Redundancy { get; init; } = 0.2;

    /// <summary>Damping of the sentence-graph walk.</summary>
    public double Damping { get; init; } = 0.85;

    public static RankerWeights Default { get; } = new();
}
