using Bots.ArticleStore.Ingest;

namespace Bots.ArticleStore.Tests.Ingest;

public sealed class TextCleanerTests
{
    private const string Filler = "The council met on Monday to discuss the budget, and members said the plan would be reviewed again next month after public hearings in every district of the city. ";

    [Fact]
    public void Clean_KeepsQuotesAndParagraphsAsWritten()
    {
        var text = "A headline about budgets\n\n\"We will not cut schools,\" the mayor said. \"Not this year.\"\n\nA second paragraph follows here.";

        var cleaned = TextCleaner.Clean(text);

        Assert.Equal(["\"We will not cut schools,\" the mayor said. \"Not this year.\"", "A second paragraph follows here."], cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("Related")]
    [InlineData("More from Reuters")]
    [InlineData("You may also like")]
    [InlineData("External links")]
    [InlineData("Read more:")]
    public void Clean_EndsTheArticleAtAFooterHeading(string heading)
    {
        var text = $"City budget approved\n{Filler}\n{Filler.Replace("Monday", "Tuesday")}\n{heading}\nAnother story entirely about football\nAnd one about weather";

        var cleaned = TextCleaner.Clean(text);

        Assert.Equal(2, cleaned.Paragraphs.Count);
    }

    [Fact]
    public void Clean_IgnoresAFooterHeadingBeforeTheArticle()
    {
        var text = $"City budget approved\nRelated\n{Filler}";

        var cleaned = TextCleaner.Clean(text);

        Assert.Single(cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("Share on Facebook")]
    [InlineData("Tweet")]
    [InlineData("Share this story: Facebook Twitter Email")]
    [InlineData("Advertisement")]
    [InlineData("Subscribe to our newsletter for the latest news")]
    [InlineData("Reporting by Jane Doe; Editing by John Smith")]
    [InlineData("1 2 3 … 120")]
    public void Clean_DropsBoilerplateLines(string junk)
    {
        var cleaned = TextCleaner.Clean($"City budget approved\n{Filler}\n{junk}\n{Filler.Replace("Monday", "Friday")}");

        Assert.Equal(2, cleaned.Paragraphs.Count);
    }

    [Theory]
    [InlineData("Putin said[12] that", "Putin said that")]
    [InlineData("relations.[3][4] Next", "relations. Next")]
    [InlineData("support. [citation needed]", "support.")]
    [InlineData("the war [on Gaza] ended", "the war [on Gaza] ended")]
    [InlineData("lead [sic] to deaths", "lead [sic] to deaths")]
    public void Clean_RemovesCitationMarksButNotEditorialBrackets(string input, string expected)
    {
        const string rest = " and the talks went on for many more hours.";

        var cleaned = TextCleaner.Clean($"A headline for the test\n{input}{rest}");

        Assert.Equal(expected + rest, cleaned.Paragraphs[0]);
    }

    [Theory]
    [InlineData("Published: Aug 13, 2024 11:14 PM", "2024-08-13T23:14:00")]
    [InlineData("13 August 2024", "2024-08-13")]
    [InlineData("Updated on 2024-08-13T09:30:00Z", "2024-08-13T09:30:00Z")]
    [InlineData("By Jane Doe | August 13, 2024", "2024-08-13")]
    public void Clean_ReadsTheDateLineUnderTheHeadline(string line, string expected)
    {
        var cleaned = TextCleaner.Clean($"A headline for the test\n{line}\n{Filler}");

        Assert.Equal(expected, cleaned.Published?.ToIso());
        Assert.Single(cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("What happened in Moscow | World news", "What happened in Moscow")]
    [InlineData("What happened in Moscow - Reuters.com", "What happened in Moscow")]
    [InlineData("Israel-Palestine talks - a new hope", "Israel-Palestine talks - a new hope")]
    public void StripSiteSuffix_RemovesSiteNamesOnly(string title, string expected)
    {
        Assert.Equal(expected, TextCleaner.StripSiteSuffix(title));
    }

    [Fact]
    public void Clean_KeepsOneCopyOfARepeatedCaption()
    {
        const string caption = "The minister arrives at the summit in Brussels on Monday. Photo: AFP";

        var cleaned = TextCleaner.Clean($"Summit opens in Brussels\n{caption}\n\n{caption}\n{Filler}");

        Assert.Equal("The minister arrives at the summit in Brussels on Monday.", cleaned.Paragraphs[0]);
        Assert.Equal(2, cleaned.Paragraphs.Count);
    }
}
