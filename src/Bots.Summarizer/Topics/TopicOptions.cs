namespace Bots.Summarizer.Topics;

/// <summary>How widely topic summaries and timelines search (section <c>Summarizer</c>).</summary>
public sealed class TopicOptions
{
    public const string Section = "Summarizer";

    /// <summary>Passages asked of the store per query formulation (1..100).</summary>
    public int PassagesPerSearch { get; set; } = 50;

    /// <summary>Stories whose full text a topic summary or timeline reads (1..100).</summary>
    public int MaxArticles { get; set; } = 10;

    /// <summary>Extra articles loaded in case some turn out to be copies of others.</summary>
    public int ExtraArticlesForDuplicates { get; set; } = 3;

    /// <summary>Share of an article's word 3-grams found in an earlier article that makes it a copy (0..1].</summary>
    public double CopyContainment { get; set; } = 0.6;

    /// <summary>The problems with these settings, naming their keys; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PassagesPerSearch is < 1 or > 100)
        {
            errors.Add($"{Section}:PassagesPerSearch must be between 1 and 100 (got {PassagesPerSearch})");
        }
        if (MaxArticles is < 1 or > 100)
        {
            errors.Add($"{Section}:MaxArticles must be between 1 and 100 (got {MaxArticles})");
        }
        if (ExtraArticlesForDuplicates is < 0 or > 50)
        {
            errors.Add($"{Section}:ExtraArticlesForDuplicates must be between 0 and 50 (got {ExtraArticlesForDuplicates})");
        }
        if (CopyContainment is <= 0 or > 1)
        {
            errors.Add($"{Section}:CopyContainment must be in (0, 1] (got {CopyContainment})");
        }
        return errors;
    }
}
