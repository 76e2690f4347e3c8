using System.Text;
using Bots.Contracts.V1;
using Bots.Testing;
using Google.Protobuf;
using Grpc.Core;

namespace Bots.ArticleStore.Tests.Grpc;

/// <summary>The API through a real server on a loopback port, seeded from seeds/ as in production.</summary>
public sealed class ArticleStoreServiceTests : IAsyncLifetime
{
    private ArticleStoreServer server = null!;

    private Contracts.V1.ArticleStore.ArticleStoreClient Client => server.Client;

    public async Task InitializeAsync() => server = await ArticleStoreServer.StartAsync(seedsDir: RepoPaths.Seeds);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(server.DataDir, recursive: true);
    }

    private static AddArticleRequest Article(string title, string body, string published = "2024-09-01") =>
        new() { Title = title, Body = body, Source = "Test Wire", Published = published };

    private const string Body = "The city council approved the budget on Monday after a long debate about schools, roads and the new library. " +
        "\"We kept every promise we made,\" the mayor said, adding that taxes would not rise this year.";

    [Fact]
    public async Task Start_ImportsTheSeedsOnce()
    {
        var stats = await Client.GetStatsAsync(new GetStatsRequest());

        Assert.Equal(5, stats.ArticleCount);
        Assert.Contains(stats.Sources, s => s.Source == "Global Times");
        Assert.Equal(5, stats.Recent.Count);
        Assert.True(stats.Version > 0);
    }

    [Fact]
    public async Task Search_ReturnsRankedPassagesWithCitationMetadata()
    {
        var response = await Client.SearchAsync(new SearchRequest { Query = "When did the Iranian president meet Sergei Shoigu?", Limit = 3 });

        var top = response.Passages[0];
        Assert.Contains("Shoigu", top.Text);
        Assert.Equal("Global Times", top.Source);
        Assert.Equal("2024-08-13T23:14:00", top.Published);
        Assert.False(string.IsNullOrEmpty(top.Title));
        Assert.True(top.ArticleId > 0);
    }

    [Fact]
    public async Task AddArticle_ThenGetArticle_ReturnsWhatWasStored()
    {
        var added = await Client.AddArticleAsync(Article("Council approves budget", Body));

        var article = await Client.GetArticleAsync(new GetArticleRequest { Id = added.Id });

        Assert.True(added.Created);
        Assert.Equal("2024-09-01", added.Published);
        Assert.Equal("Council approves budget", article.Title);
        Assert.Equal("Test Wire", article.Source);
        Assert.Contains("\"We kept every promise we made,\" the mayor said", article.Body);
        Assert.True(article.WordCount > 30);
    }

    [Fact]
    public async Task AddArticle_Twice_ReturnsTheSameIdNotCreated()
    {
        var first = await Client.AddArticleAsync(Article("Council approves budget", Body));

        var second = await Client.AddArticleAsync(Article("Council approves budget", Body));

        Assert.Equal(first.Id, second.Id);
        Assert.False(second.Created);
    }

    [Fact]
    public async Task AddArticle_HtmlWithoutTitle_TakesTheHeadlineFromThePage()
    {
        const string html = """
            <html><head><meta property="og:title" content="Council approves budget | City News">
            <meta property="article:published_time" content="2024-09-02T08:00:00Z"><meta property="og:site_name" content="City News"></head>
            <body><nav><a href="/">Home</a><a href="/politics">Politics</a></nav>
            <article><h1>Council approves budget</h1><div class="share-bar">Share on Facebook</div>
            <p>The city council approved the budget on Monday after a long debate about schools, roads and the new library.</p>
            <p>"We kept every promise we made," the mayor said, adding that taxes would not rise this year.</p></article>
            <aside class="related"><h3>Related</h3><ul><li>Another story</li></ul></aside></body></html>
            """;

        var added = await Client.AddArticleAsync(new AddArticleRequest { Body = html, Format = "html" });
        var article = await Client.GetArticleAsync(new GetArticleRequest { Id = added.Id });

        Assert.Equal("Council approves budget", article.Title);
        Assert.Equal("City News", article.Source);
        Assert.Equal("2024-09-02T08:00:00Z", article.Published);
        Assert.DoesNotContain("Share on", article.Body);
        Assert.DoesNotContain("Another story", article.Body);
        Assert.DoesNotContain("Home", article.Body);
    }

    [Theory]
    [InlineData("Council approves budget", "", "2024-09-01", "", "body")]
    [InlineData("", "a plain paragraph that ends like a sentence.", "", "", "title")]
    [InlineData("Council approves budget", Body, "the day before yesterday", "", "published")]
    [InlineData("Council approves budget", Body, "", "pdf", "format")]
    [InlineData("Council approves budget", "{\"headline\": 42", "", "json", "body")]
    public async Task AddArticle_BadInput_IsInvalidArgumentNamingTheField(string title, string body, string published, string format, string field)
    {
        var call = Client.AddArticleAsync(new AddArticleRequest { Title = title, Body = body, Published = published, Format = format });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail);
    }

    [Fact]
    public async Task AddArticle_BodyOverTheLimit_IsInvalidArgument()
    {
        var body = string.Concat(Enumerable.Repeat(Body + "\n", 2 * 1024 * 1024 / Body.Length + 10));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client.AddArticleAsync(Article("Too long", body)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("body", error.Status.Detail);
        Assert.Contains("limit", error.Status.Detail);
    }

    [Fact]
    public async Task AddArticle_InvalidUtf8Bytes_IsRefusedAndTheServerKeepsServing()
    {
        // title = "Bad" + 0xC3 0x28 (a broken two-byte sequence), body = valid text.
        var bodyBytes = Encoding.UTF8.GetBytes(Body);
        var raw = new List<byte> { 0x0A, 5, (byte)'B', (byte)'a', (byte)'d', 0xC3, 0x28, 0x12 };
        var length = new List<byte>();
        for (var n = bodyBytes.Length; ; n >>= 7)
        {
            if (n < 0x80)
            {
                length.Add((byte)n);
                break;
            }
            length.Add((byte)((n & 0x7F) | 0x80));
        }
        raw.AddRange(length);
        raw.AddRange(bodyBytes);
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "bots.v1.ArticleStore", "AddArticle", bytes, bytes);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), raw.ToArray()));

        Assert.Contains(error.StatusCode, new[] { StatusCode.InvalidArgument, StatusCode.Internal });
        Assert.Equal(5, (await Client.GetStatsAsync(new GetStatsRequest())).ArticleCount);
    }

    [Fact]
    public async Task GetAndDelete_UnknownId_AreNotFound()
    {
        var get = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetArticleAsync(new GetArticleRequest { Id = 987654 }));
        var delete = await Assert.ThrowsAsync<RpcException>(async () => await Client.DeleteArticleAsync(new DeleteArticleRequest { Id = 987654 }));
        var zero = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetArticleAsync(new GetArticleRequest { Id = 0 }));

        Assert.Equal(StatusCode.NotFound, get.StatusCode);
        Assert.Equal(StatusCode.NotFound, delete.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, zero.StatusCode);
    }

    [Fact]
    public async Task DeleteArticle_RemovesItFromSearchAndBumpsTheVersion()
    {
        var added = await Client.AddArticleAsync(Article("Zyxwv festival opens", "The Zyxwv festival opened on Friday with music from six countries and a parade through the old town."));
        var before = (await Client.GetStatsAsync(new GetStatsRequest())).Version;

        var deleted = await Client.DeleteArticleAsync(new DeleteArticleRequest { Id = added.Id });
        var hits = await Client.SearchAsync(new SearchRequest { Query = "Zyxwv" });

        Assert.True(deleted.Deleted);
        Assert.Empty(hits.Passages);
        Assert.True((await Client.GetStatsAsync(new GetStatsRequest())).Version > before);
    }

    [Fact]
    public async Task ImportArticles_ReportsEachItemInOrder_StoringTheGoodOnes()
    {
        using var call = Client.ImportArticles();
        var items = new[]
        {
            Article("Bridge reopens after repairs", "The old bridge reopened on Tuesday after two years of repairs that cost the city more than expected."),
            Article("Empty body", ""),
            Article("Market hours change", "The weekly market will open an hour earlier from next month, traders were told at a meeting on Wednesday."),
            Article("Bridge reopens after repairs", "The old bridge reopened on Tuesday after two years of repairs that cost the city more than expected."),
            Article("Bad date", Body, published: "13/45/2024"),
        };

        foreach (var item in items)
        {
            await call.RequestStream.WriteAsync(item);
        }
        await call.RequestStream.CompleteAsync();
        var results = new List<ImportArticleResult>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            results.Add(call.ResponseStream.Current);
        }

        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.Index));
        Assert.Equal("", results[0].Error);
        Assert.StartsWith("body", results[1].Error);
        Assert.True(results[2].Created);
        Assert.False(results[3].Created);
        Assert.Equal(results[0].Id, results[3].Id);
        Assert.StartsWith("published", results[4].Error);
        Assert.Equal(7, (await Client.GetStatsAsync(new GetStatsRequest())).ArticleCount);
    }

    [Fact]
    public async Task ImportArticles_AnswersEachItemBeforeTheClientSendsTheNext()
    {
        using var call = Client.ImportArticles();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ids = new List<long>();

        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(Article($"Ferry timetable {i}", $"The ferry to the island leaves at {7 + i} o'clock from pier {i + 2} every weekday, the operator said."));
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(i, call.ResponseStream.Current.Index);
            ids.Add(call.ResponseStream.Current.Id);
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(3, ids.Distinct().Count(id => id > 0));
    }

    [Fact]
    public async Task ListArticles_PagesWithTokens_AndRefusesForgedTokens()
    {
        var first = await Client.ListArticlesAsync(new ListArticlesRequest { PageSize = 3 });
        var second = await Client.ListArticlesAsync(new ListArticlesRequest { PageSize = 3, PageToken = first.NextPageToken });
        var forged = await Assert.ThrowsAsync<RpcException>(async () => await Client.ListArticlesAsync(new ListArticlesRequest { PageToken = "not-a-token" }));
        var tooBig = await Assert.ThrowsAsync<RpcException>(async () => await Client.ListArticlesAsync(new ListArticlesRequest { PageSize = 5000 }));

        Assert.Equal(3, first.Articles.Count);
        Assert.Equal(2, second.Articles.Count);
        Assert.Equal("", second.NextPageToken);
        Assert.Empty(first.Articles.Select(a => a.Id).Intersect(second.Articles.Select(a => a.Id)));
        Assert.Equal(StatusCode.InvalidArgument, forged.StatusCode);
        Assert.Contains("page_token", forged.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, tooBig.StatusCode);
    }

    [Theory]
    [InlineData("NEAR(abbas moscow")]
    [InlineData("\"unbalanced")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("abbas* -moscow \"vladimir putin\"")]
    public async Task Search_HostileQueries_SearchOrAreInvalidArgument(string query)
    {
        try
        {
            var response = await Client.SearchAsync(new SearchRequest { Query = query });
            Assert.True(response.Passages.Count <= 10);
        }
        catch (RpcException e)
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Contains("query", e.Status.Detail);
        }
    }

    [Fact]
    public async Task Search_FiveThousandCharacters_Answers()
    {
        var query = string.Join(' ', Enumerable.Repeat("Abbas Moscow visit", 300))[..5000];

        var response = await Client.SearchAsync(new SearchRequest { Query = query, Limit = 5 });

        Assert.NotEmpty(response.Passages);
    }

    [Theory]
    [InlineData("", 0, "", "", "query")]
    [InlineData("abbas", 500, "", "", "limit")]
    [InlineData("abbas", 0, "yesterday", "", "published_after")]
    [InlineData("abbas", 0, "2024-09-01", "2024-08-01", "published_after")]
    public async Task Search_BadParameters_AreInvalidArgument(string query, int limit, string after, string before, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Client.SearchAsync(new SearchRequest { Query = query, Limit = limit, PublishedAfter = after, PublishedBefore = before }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail);
    }

    [Fact]
    public async Task Suggest_CompletesNamesFromTheCorpus()
    {
        var response = await Client.SuggestAsync(new SuggestRequest { Prefix = "Mahm" });

        Assert.Contains("Mahmoud Abbas", response.Suggestions);
        Assert.True(response.Suggestions.Count <= 25);
    }
}
