using Bots.ArticleStore.Ingest;

namespace Bots.ArticleStore.Tests.Ingest;

public sealed class JsonAndHtmlIngestTests
{
    private const string Paragraph = "The city council approved the budget on Monday after a long debate about schools, roads and the new library.";

    [Fact]
    public void Read_JsonLines_GivesOneInputPerLineAndReportsBrokenLines()
    {
        var jsonl = $$"""
            {"headline": "Budget approved", "text": "{{Paragraph}}", "publisher": {"name": "City News"}, "link": "https://city.example/budget", "datePublished": "2024-09-02"}
            {"title": "broken
            {"title": "No body here"}
            """;

        var results = JsonArticleReader.Read(jsonl, "feed.jsonl").ToList();

        Assert.Equal(3, results.Count);
        var input = results[0].Input!;
        Assert.Equal(("Budget approved", "City News", "https://city.example/budget", "2024-09-02"), (input.Title, input.Source, input.Url, input.Published));
        Assert.Contains("feed.jsonl:2", results[1].Error);
        Assert.Contains("body", results[2].Error);
    }

    [Fact]
    public void Read_JsonArrayOrWrappedList_GivesEveryRecord()
    {
        var array = $$"""[{"title": "One", "body": "{{Paragraph}}"}, {"title": "Two", "content": "{{Paragraph}}"}]""";
        var wrapped = $$"""{"articles": [{"title": "One", "body": "{{Paragraph}}"}]}""";

        Assert.Equal(["One", "Two"], JsonArticleReader.Read(array, "a.json").Select(r => r.Input!.Title));
        Assert.Equal(["One"], JsonArticleReader.Read(wrapped, "b.json").Select(r => r.Input!.Title));
    }

    [Fact]
    public void Prepare_JsonFormat_ReadsTheRecordAndLetsRequestFieldsWin()
    {
        var ingestor = new ArticleIngestor(1 << 20);
        var record = $$"""{"title": "Budget approved", "body": "{{Paragraph}}", "source": "City News", "published": "2024-09-02"}""";

        var article = ingestor.Prepare(new ArticleInput("", record, Source: "Wire Copy", Format: "json"));

        Assert.Equal("Budget approved", article.Title);
        Assert.Equal("Wire Copy", article.Source);
        Assert.Equal("2024-09-02", article.Published?.ToIso());
    }

    [Fact]
    public void Extract_Html_FindsMetadataAndTheArticleAmongBoilerplate()
    {
        const string html = $"""
            <html><head><title>Budget approved - City News</title>
            <link rel="canonical" href="https://city.example/budget">
            <script type="application/ld+json">{"{"}"@type": "NewsArticle", "datePublished": "2024-09-02T10:00:00+02:00", "publisher": {"{"}"name": "City News"{"}"}{"}"}</script></head>
            <body><header><a>Home</a><a>World</a></header>
            <div class="sidebar"><p>Most read: Something else entirely happened somewhere else today</p></div>
            <div id="story"><h1>Budget approved</h1><p>{Paragraph}</p><p>"We kept every promise," the mayor said.</p>
            <figure><img src="x.jpg"><figcaption>The mayor at the meeting.</figcaption></figure>
            <div class="social-share"><a>Share on Facebook</a></div><p>Another paragraph of the story follows, with more detail on spending.</p></div>
            <footer>© City News</footer></body></html>
            """;

        var cleaned = HtmlExtractor.Extract(html);

        Assert.Equal("Budget approved", cleaned.Title);
        Assert.Equal("City News", cleaned.Source);
        Assert.Equal("https://city.example/budget", cleaned.Url);
        Assert.Equal("2024-09-02T10:00:00+02:00", cleaned.Published?.ToIso());
        Assert.Contains(Paragraph, cleaned.Paragraphs);
        Assert.Contains("\"We kept every promise,\" the mayor said.", cleaned.Paragraphs);
        Assert.Contains("The mayor at the meeting.", cleaned.Paragraphs);
        var body = string.Join("\n", cleaned.Paragraphs);
        Assert.DoesNotContain("Most read", body);
        Assert.DoesNotContain("Share on", body);
        Assert.DoesNotContain("Home", body);
        Assert.DoesNotContain("©", body);
    }

    [Theory]
    [InlineData("Bad \uFFFD title", "title")]
    [InlineData("Lone \uD800 surrogate", "title")]
    [InlineData("Nul \0 inside", "title")]
    public void Prepare_DamagedText_IsRefusedNamingTheField(string title, string field)
    {
        var ingestor = new ArticleIngestor(1 << 20);

        var error = Assert.Throws<InvalidInputException>(() => ingestor.Prepare(new ArticleInput(title, Paragraph)));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Read_FolderWithManifest_AddsWhatTheTextDoesNotSay()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bots-files-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), $"Budget approved\n{Paragraph}");
            File.WriteAllText(Path.Combine(folder, "b.txt"), Paragraph);
            File.WriteAllText(Path.Combine(folder, SeedManifest.FileName), """{"a.txt": {"source": "City News", "url": "https://city.example/a"}}""");

            var inputs = ArticleImporter.ReadAll([Path.Combine(folder, "*.txt")]).Select(r => r.Input!).ToList();

            Assert.Equal(2, inputs.Count);
            Assert.Equal(("City News", "https://city.example/a"), (inputs[0].Source, inputs[0].Url));
            Assert.Equal("", inputs[1].Source);
            Assert.StartsWith("The city council approved the budget on Monday", inputs[1].Title);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
