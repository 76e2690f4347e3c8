using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Tests.Storage;

/// <summary>
/// One behaviour suite for every storage engine: each engine's test class only says how to open
/// a fresh store and how to reopen the same one.
/// </summary>
public abstract class ArticleStoreBehaviour
{
    protected abstract Task<IArticleRepository?> CreateAsync();

    /// <summary>A second repository over the same data, as after a restart or from another process.</summary>
    protected abstract Task<IArticleRepository> ReopenAsync();

    private static ArticleLibrary Library(IArticleRepository repository) => new(repository, SeedArticles.Ingestor);

    private static ArticleInput Text(string title, string body, string source = "Test Wire", string published = "2024-08-13") =>
        new(title, body, source, "https://example.org/" + Uri.EscapeDataString(title), published);

    private async Task<(IArticleRepository Repository, ArticleLibrary Library, Dictionary<string, long> Ids)?> SeededAsync()
    {
        var repository = await CreateAsync();
        if (repository is null)
        {
            return null;
        }
        var library = Library(repository);
        var ids = new Dictionary<string, long>();
        foreach (var prefix in new[] { "004", "000", "002", "003", "001" })
        {
            ids[prefix] = (await library.AddAsync(SeedArticles.Input(prefix), CancellationToken.None)).Id;
        }
        return (repository, library, ids);
    }

    [Fact]
    public async Task Add_ThenGet_ReturnsTheCleanedArticleWithItsMetadata()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var article = await library.GetAsync(ids["002"], CancellationToken.None);

        Assert.NotNull(article);
        Assert.Equal("Abbas meets Putin in Moscow to discuss Middle East crisis", article.Title);
        Assert.Equal("Global Times", article.Source);
        Assert.Equal("2024-08-13T23:14:00", article.Published);
        Assert.DoesNotContain("CHINA / SOCIETY", article.Body);
        Assert.InRange(article.WordCount, 500, 1200);
    }

    [Fact]
    public async Task Add_TheSameArticleAgain_ReturnsTheExistingIdWithoutStoringIt()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        await using var _ = repository;
        var library = Library(repository);
        var first = await library.AddAsync(SeedArticles.Input("000"), CancellationToken.None);
        var version = await library.GetVersionAsync(CancellationToken.None);
        var input = SeedArticles.Input("000");

        var again = await library.AddAsync(input with { Body = input.Body.ToUpperInvariant().Replace(". ", ".  ", StringComparison.Ordinal) }, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(version, await library.GetVersionAsync(CancellationToken.None));
        Assert.Equal(1, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
    }

    [Fact]
    public async Task Add_ARewriteOfAStoredStory_IsStoredAndLinkedToTheFirst()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var rewrite = await library.GetAsync(ids["001"], CancellationToken.None);
        var globalTimes = await library.GetAsync(ids["002"], CancellationToken.None);
        var rt = await library.GetAsync(ids["000"], CancellationToken.None);

        Assert.Equal(ids["004"], rewrite!.DuplicateOf);
        Assert.Equal(0, globalTimes!.DuplicateOf);
        Assert.Equal(0, rt!.DuplicateOf);
    }

    [Fact]
    public async Task Search_FindsThePassageAndEverythingNeededToCiteIt()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var hits = await library.SearchAsync("Where did Putin meet Abbas? Novo-Ogaryovo", 5, "", "", "", CancellationToken.None);

        var top = hits[0];
        Assert.Equal(ids["002"], top.ArticleId);
        Assert.Contains("Novo-Ogaryovo", top.Text);
        Assert.Equal("Global Times", top.Source);
        Assert.Equal("Abbas meets Putin in Moscow to discuss Middle East crisis", top.Title);
        Assert.Equal("2024-08-13T23:14:00", top.Published);
        Assert.True(top.Score > 0);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task AddMany_InOneTransaction_IndexesEachNewArticlesPassagesUnderItsOwnId()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        await using var _ = repository;
        var library = Library(repository);
        var prefixes = new[] { "004", "000", "002", "003", "001", "000" };

        var results = await library.AddManyAsync(prefixes.Select(SeedArticles.Input).ToList(), CancellationToken.None);
        var hits = await library.SearchAsync("Putin Abbas Moscow Palestinian", 50, "", "", "", CancellationToken.None);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.False(results[5].Outcome!.Created);
        Assert.Equal(results[1].Outcome!.Id, results[5].Outcome!.Id);
        Assert.True(hits.Count >= 5);
        Assert.Equal(hits.Count, hits.Select(h => (h.ArticleId, h.PassageIndex)).Distinct().Count());
        foreach (var hit in hits)
        {
            var article = await library.GetAsync(hit.ArticleId, CancellationToken.None);
            Assert.Equal(article!.Title, hit.Title);
            // A passage's lines are the article's paragraphs (or runs of their sentences).
            Assert.All(hit.Text.Split('\n'), line => Assert.Contains(line[..Math.Min(40, line.Length)], article.Body));
        }
    }

    [Fact]
    public async Task Search_FiltersBySourceAndPublicationDate()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var wikipedia = await library.SearchAsync("Abbas Putin", 20, "wikipedia", "", "", CancellationToken.None);
        var dated = await library.SearchAsync("Abbas Putin", 50, "", "2024-08-13", "2024-08-13", CancellationToken.None);
        var none = await library.SearchAsync("Abbas Putin", 20, "", "2030-01-01", "", CancellationToken.None);

        Assert.NotEmpty(wikipedia);
        Assert.All(wikipedia, h => Assert.Equal(ids["003"], h.ArticleId));
        Assert.NotEmpty(dated);
        Assert.All(dated, h => Assert.StartsWith("2024-08-13", h.Published));
        Assert.DoesNotContain(dated, h => h.ArticleId == ids["003"]);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Search_PhrasesPrefixesAndExclusionsNarrowTheResults()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var phrase = await library.SearchAsync("\"Operation Pillar of Defense\"", 10, "", "", "", CancellationToken.None);
        var prefix = await library.SearchAsync("Ogaryov*", 10, "", "", "", CancellationToken.None);
        var excluded = await library.SearchAsync("Suleymanov -Ramani", 50, "", "", "", CancellationToken.None);

        Assert.Equal(ids["003"], Assert.Single(phrase).ArticleId);
        Assert.Equal(ids["002"], prefix[0].ArticleId);
        Assert.NotEmpty(excluded);
        Assert.All(excluded, h => Assert.DoesNotContain("Ramani", h.Text));
    }

    [Fact]
    public async Task Delete_RemovesTheArticleAndItsPassagesFromSearch()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;
        var before = await library.GetVersionAsync(CancellationToken.None);

        var deleted = await library.DeleteAsync(ids["002"], CancellationToken.None);
        var again = await library.DeleteAsync(ids["002"], CancellationToken.None);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await library.GetAsync(ids["002"], CancellationToken.None));
        Assert.DoesNotContain(await library.SearchAsync("Novo-Ogaryovo", 10, "", "", "", CancellationToken.None), h => h.ArticleId == ids["002"]);
        Assert.True(await library.GetVersionAsync(CancellationToken.None) > before);
    }

    [Fact]
    public async Task Delete_TheFirstOfAStory_MakesTheNextOneItsFirst()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        await library.DeleteAsync(ids["004"], CancellationToken.None);

        Assert.Equal(0, (await library.GetAsync(ids["001"], CancellationToken.None))!.DuplicateOf);
    }

    [Fact]
    public async Task Add_ARewriteOfAStoryAnotherWriterStored_IsLinkedToIt()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        await using var _ = repository;
        var library = Library(repository);
        await library.AddAsync(SeedArticles.Input("000"), CancellationToken.None);
        await using var other = await ReopenAsync();
        var original = await Library(other).AddAsync(SeedArticles.Input("004"), CancellationToken.None);

        var rewrite = await library.AddAsync(SeedArticles.Input("001"), CancellationToken.None);

        Assert.Equal(original.Id, rewrite.DuplicateOf);
    }

    [Fact]
    public async Task Add_ARewriteAfterAnotherWriterDeletedItsStory_IsNotLinkedToTheDeletedArticle()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        await using var _ = repository;
        var library = Library(repository);
        var original = await library.AddAsync(SeedArticles.Input("004"), CancellationToken.None);
        await using var other = await ReopenAsync();
        await Library(other).DeleteAsync(original.Id, CancellationToken.None);

        var rewrite = await library.AddAsync(SeedArticles.Input("001"), CancellationToken.None);

        Assert.Equal(0, rewrite.DuplicateOf);
    }

    [Fact]
    public async Task Add_ARewriteAfterItsStoryWasDeleted_IsNotLinkedToTheDeletedArticle()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        await using var _ = repository;
        var library = Library(repository);
        var original = await library.AddAsync(SeedArticles.Input("004"), CancellationToken.None);
        await library.DeleteAsync(original.Id, CancellationToken.None);

        var rewrite = await library.AddAsync(SeedArticles.Input("001"), CancellationToken.None);

        Assert.Equal(0, rewrite.DuplicateOf);
    }

    [Fact]
    public async Task List_PagesThroughEveryArticleOnceInAStableOrder()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;
        var seen = new List<long>();
        var token = "";
        var pages = 0;

        do
        {
            var page = await library.ListAsync(2, token, "", CancellationToken.None);
            Assert.Equal(5, page.TotalSize);
            seen.AddRange(page.Articles.Select(a => a.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Values.OrderDescending(), seen);
    }

    [Fact]
    public async Task List_BySource_ReturnsOnlyThatSource()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var page = await library.ListAsync(0, "", "Al Jazeera", CancellationToken.None);

        Assert.Equal([ids["004"]], page.Articles.Select(a => a.Id));
        Assert.Equal(1, page.TotalSize);
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task Stats_CountArticlesSourcesDatesAndRecentArticles()
    {
        if (await SeededAsync() is not var (repository, library, ids))
        {
            return;
        }
        await using var _ = repository;

        var stats = await library.GetStatsAsync(CancellationToken.None);

        Assert.Equal(5, stats.ArticleCount);
        Assert.True(stats.PassageCount >= 40);
        Assert.True(stats.Version >= 1);
        Assert.Contains(stats.Sources, s => s.Source == "Wikipedia" && s.Articles == 1);
        Assert.Contains(stats.Sources, s => s.Source == "Global Times" && s.Articles == 1);
        Assert.Equal("2024-08-13", stats.OldestPublished);
        Assert.Equal("2024-08-13T23:14:00", stats.NewestPublished);
        Assert.Equal(ids["001"], stats.Recent[0].Id);
    }

    [Fact]
    public async Task Suggest_OffersNamesAndTitleWordsForAPrefix()
    {
        if (await SeededAsync() is not var (repository, library, _))
        {
            return;
        }
        await using var __ = repository;

        var names = await library.SuggestAsync("vladimir", 5, CancellationToken.None);
        var titleWords = await library.SuggestAsync("Pal", 25, CancellationToken.None);

        Assert.Contains("Vladimir Putin", names);
        Assert.Contains(titleWords, s => s.StartsWith("Palestin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version_IsTheSameForEveryReaderOfTheStore()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        await using var _ = repository;
        var library = Library(repository);
        await library.AddAsync(SeedArticles.Input("002"), CancellationToken.None);
        await using var other = await ReopenAsync();

        var added = await library.AddAsync(SeedArticles.Input("003"), CancellationToken.None);

        Assert.Equal(await repository.GetVersionAsync(CancellationToken.None), await other.GetVersionAsync(CancellationToken.None));
        await other.DeleteAsync(added.Id, CancellationToken.None);
        Assert.Equal(await other.GetVersionAsync(CancellationToken.None), await repository.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_KeepsEveryCommittedArticle()
    {
        if (await SeededAsync() is not var (repository, _, ids))
        {
            return;
        }
        await repository.DisposeAsync();

        await using var reopened = await ReopenAsync();
        var library = Library(reopened);

        Assert.Equal(5, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
        Assert.NotEmpty(await library.SearchAsync("Novo-Ogaryovo", 3, "", "", "", CancellationToken.None));
        Assert.Equal(ids["004"], (await library.GetAsync(ids["001"], CancellationToken.None))!.DuplicateOf);
    }

    [Fact]
    public async Task Seeded_IsRememberedAcrossReopening()
    {
        if (await CreateAsync() is not { } repository)
        {
            return;
        }
        Assert.False(await repository.IsSeededAsync(CancellationToken.None));
        await repository.MarkSeededAsync(CancellationToken.None);
        await repository.DisposeAsync();

        await using var reopened = await ReopenAsync();

        Assert.True(await reopened.IsSeededAsync(CancellationToken.None));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"unbalanced quote",
        "NEAR(abbas moscow",
        "NEAR(abbas moscow, 3)",
        "*",
        "-",
        "- - -",
        "abbas*",
        "*abbas",
        "abbas AND OR NOT moscow",
        "title:abbas",
        "^abbas",
        "'; DROP TABLE articles; --",
        "1) OR 1=1 --",
        "abbas' OR '1'='1",
        "\\x00\\\\ \0 nul",
        "{abbas} [moscow] (putin)",
        "a:b:c d.e.f",
        "😀 Путин 普京",
        "-abbas",
        "\"\"",
        "the of and",
        "!!! ??? ...",
        "& | ! <-> :*",
        new string('a', 5000),
        string.Join(' ', Enumerable.Range(0, 900).Select(i => $"w{i}")),
        string.Concat(Enumerable.Repeat("NEAR(\"x\" ", 600)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_TreatsHostileTextAsData(string query)
    {
        if (await SeededAsync() is not var (repository, library, _))
        {
            return;
        }
        await using var __ = repository;

        try
        {
            var hits = await library.SearchAsync(query, 10, "", "", "", CancellationToken.None);
            Assert.True(hits.Count <= 10);
        }
        catch (InvalidInputException e)
        {
            Assert.Equal("query", e.Field);
        }
        Assert.Equal(5, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
    }
}
