using Bots.Summarizer.Evaluation;
using Bots.Summarizer.Summaries;

namespace Bots.Summarizer.Tests.Evaluation;

public sealed class SummaryCorpusTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("bbc-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Load_ReadsTitleBodyAndReferencePerCategory()
    {
        Write("article/sport/001.txt", "Team wins cup\n\nThe team won the cup on Sunday.\nFans celebrated in the streets.\nThe coach praised the players.");
        Write("summary/sport/001.txt", "The team won the cup on Sunday.\nThe coach praised the players.");

        var article = Assert.Single(SummaryCorpus.Load(root));

        Assert.Equal("sport", article.Category);
        Assert.Equal("Team wins cup", article.Title);
        Assert.StartsWith("The team won", article.Body, StringComparison.Ordinal);
        Assert.Equal(2, SummaryEvaluation.ReferenceLength(article.Reference));
    }

    [Fact]
    public void Load_WithoutTheLayout_SaysWhatItExpected()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => SummaryCorpus.Load(Path.Combine(root, "missing")));

        Assert.Contains("article", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_ScoresEachSystemAgainstTheReference()
    {
        Write("article/sport/001.txt", "Team wins cup\n\nThe team won the cup on Sunday.\nFans celebrated in the streets.\nThe coach praised the players.");
        Write("summary/sport/001.txt", "The team won the cup on Sunday.");

        var totals = new SummaryEvaluation(new Rouge(), new SentenceRanker()).Run(SummaryCorpus.Load(root));

        Assert.Equal(["system", "lead-k", "textrank"], totals.Select(t => t.System));
        Assert.Equal(1.0, totals.Single(t => t.System == "lead-k").Rouge2, 9);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
