using Bots.ArticleStore.Ingest;

namespace Bots.ArticleStore.Tests.Ingest;

public sealed class PassageBuilderTests
{
    private static string Sentence(int words, string start = "Word") => start + string.Concat(Enumerable.Repeat(" word", words - 1)) + ".";

    [Fact]
    public void Build_EverySeedPassageHoldsWholeSentencesOfRetrievalSize()
    {
        foreach (var prefix in SeedArticles.Prefixes)
        {
            var article = SeedArticles.Prepared(prefix);

            Assert.All(article.Passages, p => Assert.InRange(p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, 10, 200));
            Assert.All(article.Passages, p => Assert.Matches(@"[.!?""')\]]$", p.TrimEnd()));
        }
    }

    [Fact]
    public void Build_DoesNotSplitInitialsAbbreviationsOrDecimals()
    {
        const string paragraph = "\"There are things that each wants from the other,\" said Mark N Katz, professor emeritus at George Mason University. " +
            "The U.S. economy grew 3.5 per cent, said Dr. Smith of the U.N. agency in Washington. " +
            "He added that growth would slow to 2.1 per cent next year as rates stay high.";

        var passages = PassageBuilder.Build([paragraph]);

        var passage = Assert.Single(passages);
        Assert.Contains("Mark N Katz, professor emeritus", passage);
        Assert.Contains("The U.S. economy grew 3.5 per cent, said Dr. Smith of the U.N. agency", passage);
    }

    [Fact]
    public void Build_StartsANewPassageAtAParagraphOnceBigEnough()
    {
        var passages = PassageBuilder.Build([Sentence(70, "First"), Sentence(70, "Second")]);

        Assert.Equal(2, passages.Count);
        Assert.StartsWith("First", passages[0]);
        Assert.StartsWith("Second", passages[1]);
    }

    [Fact]
    public void Build_JoinsShortParagraphsAndCarriesHeadingsForward()
    {
        var passages = PassageBuilder.Build([Sentence(20, "One"), Sentence(20, "Two"), "The Iran factor", Sentence(70, "Three")]);

        Assert.Equal(2, passages.Count);
        Assert.StartsWith("One", passages[0]);
        Assert.Contains("Two", passages[0]);
        Assert.StartsWith("The Iran factor\nThree", passages[1]);
    }

    [Fact]
    public void Build_SplitsALongParagraphBetweenSentences()
    {
        var paragraph = string.Join(' ', Enumerable.Range(0, 10).Select(i => Sentence(30, $"S{i}")));

        var passages = PassageBuilder.Build([paragraph]);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.InRange(p.Split(' ').Length, 25, 120));
    }

    [Fact]
    public void Build_OfNothingIsEmpty()
    {
        Assert.Empty(PassageBuilder.Build([]));
    }
}
