using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Search;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Tests.Storage;

public sealed class SqliteArticleRepositoryTests : ArticleStoreBehaviour, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bots-store-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabasePath => Path.Combine(folder, "articles.db");

    protected override async Task<IArticleRepository?> CreateAsync()
    {
        var repository = new SqliteArticleRepository(DatabasePath);
        await repository.InitializeAsync(CancellationToken.None);
        return repository;
    }

    protected override async Task<IArticleRepository> ReopenAsync() => (await CreateAsync())!;

    [Fact]
    public async Task Initialize_UsesWriteAheadLogging()
    {
        await using var repository = (SqliteArticleRepository)(await CreateAsync())!;

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={repository.DatabasePath}");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task Initialize_LetsFts5HoldAWholeImportTransactionsTermsInMemory()
    {
        await using var repository = (SqliteArticleRepository)(await CreateAsync())!;
        await using var reopened = (SqliteArticleRepository)(await ReopenAsync());

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={repository.DatabasePath}");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT k, v FROM passage_fts_config WHERE k = 'hashsize'";
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(SqliteArticleRepository.Fts5HashSize, reader.GetInt64(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Search_PassagesHoldingEveryWordComeBeforeOnesRepeatingOneWord()
    {
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        var crane = await library.AddAsync(new ArticleInput("Crane inspections at the harbour",
            "The crane was inspected. Every crane on the quay, crane after crane, passed the crane inspection, the port said of its cranes.", "Port Gazette", "", "2024-10-01"), CancellationToken.None);
        var both = await library.AddAsync(new ArticleInput("Storm topples harbour crane",
            "A storm on Thursday night brought down a crane at the container terminal; nobody was hurt.", "Port Gazette", "", "2024-10-04"), CancellationToken.None);

        var hits = await library.SearchAsync("crane storm", 10, "", "", "", CancellationToken.None);

        Assert.Equal([both.Id, crane.Id], hits.Select(h => h.ArticleId));
        Assert.True(hits[0].Score >= hits[1].Score);
    }

    [Fact]
    public async Task Search_AWordNoPassageHolds_DoesNotHideThePassagesHoldingTheOthers()
    {
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        await library.AddAsync(new ArticleInput("Harbour news", "The crane was repainted blue over the summer.", "Port Gazette", "", "2024-10-01"), CancellationToken.None);
        var both = await library.AddAsync(new ArticleInput("Storm topples harbour crane",
            "A storm on Thursday night brought down a crane at the container terminal; nobody was hurt.", "Port Gazette", "", "2024-10-04"), CancellationToken.None);

        var hits = await library.SearchAsync("When did the storm topple the crane? zebulonian", 10, "", "", "", CancellationToken.None);

        Assert.Equal(both.Id, hits[0].ArticleId);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task Search_AfterAnArticleBringsANewWord_FindsIt_ThoughTheWordWasCountedAsAbsentBefore()
    {
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        await library.AddAsync(new ArticleInput("Harbour news", "The crane was repainted blue over the summer.", "Port Gazette", "", "2024-10-01"), CancellationToken.None);
        var before = await library.SearchAsync("zeppelin", 10, "", "", "", CancellationToken.None);

        var zeppelin = await library.AddAsync(new ArticleInput("Zeppelin moored at the harbour",
            "A zeppelin was moored beside the crane on Friday, drawing crowds to the quay.", "Port Gazette", "", "2024-10-04"), CancellationToken.None);
        var after = await library.SearchAsync("zeppelin", 10, "", "", "", CancellationToken.None);
        await library.DeleteAsync(zeppelin.Id, CancellationToken.None);
        var deleted = await library.SearchAsync("zeppelin", 10, "", "", "", CancellationToken.None);

        Assert.Empty(before);
        Assert.Equal(zeppelin.Id, Assert.Single(after).ArticleId);
        Assert.Empty(deleted);
    }

    [Fact]
    public async Task Search_TheSameQueryAfterAnArticleIsAddedOrDeleted_RanksTheCorpusAsItIsNow()
    {
        // The first search ranks "crane" and keeps the ranking for that corpus version: a write must never be hidden behind it.
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        var old = await library.AddAsync(new ArticleInput("Harbour news", "The crane was repainted blue over the summer.", "Port Gazette", "", "2024-10-01"), CancellationToken.None);
        var first = await library.SearchAsync("crane", 10, "", "", "", CancellationToken.None);

        var added = await library.AddAsync(new ArticleInput("Storm topples harbour crane",
            "A storm on Thursday night brought down a crane at the container terminal; nobody was hurt.", "Port Gazette", "", "2024-10-04"), CancellationToken.None);
        var afterAdd = await library.SearchAsync("crane", 10, "", "", "", CancellationToken.None);
        await library.DeleteAsync(old.Id, CancellationToken.None);
        var afterDelete = await library.SearchAsync("crane", 10, "", "", "", CancellationToken.None);

        Assert.Equal(old.Id, Assert.Single(first).ArticleId);
        Assert.Equal([added.Id, old.Id], afterAdd.Select(h => h.ArticleId).Order().Reverse());
        Assert.Equal(added.Id, Assert.Single(afterDelete).ArticleId);
    }

    [Fact]
    public async Task Search_ManyAtOnceWhileArticlesArrive_EachFindsWhatWasStoredBeforeItStarted()
    {
        // Searches share prepared connections: more at once than are kept idle, interleaved with writes.
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        var lighthouse = await library.AddAsync(new ArticleInput("Lighthouse keeper retires",
            "The lighthouse keeper retired on Friday after forty years on the headland.", "Port Gazette", "", "2024-10-01"), CancellationToken.None);

        var searches = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            for (var round = 0; round < 10; round++)
            {
                var hits = await library.SearchAsync("lighthouse keeper", 5, "", "", "", CancellationToken.None);
                Assert.Contains(hits, h => h.ArticleId == lighthouse.Id);
            }
        })).ToList();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await library.AddAsync(new ArticleInput($"Ferry timetable {i}", $"Ferry {i} leaves the quay at {i % 12} o'clock.", "Port Gazette", "", "2024-10-02"), CancellationToken.None);
            }
        });
        await Task.WhenAll(searches.Append(writes));

        var ferries = await library.SearchAsync("ferry timetable", 50, "", "", "", CancellationToken.None);
        Assert.Equal(20, ferries.Count);
    }

    [Fact]
    public async Task Search_ACommonWord_RetrievesOnlyWhenTheQueryHasNoRarerWord()
    {
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        var old = await library.AddAsync(new ArticleInput("Quay fire", "Firefighters put out a blaze on the quay beside the ferry terminal.", "Port Gazette", "", "2020-01-01"), CancellationToken.None);
        var common = Enumerable.Range(0, Fts5Ranking.CommonPassages + 10)
            .Select(i => new ArticleInput($"Shipping bulletin {i}", $"Bulletin {i}: the ferry sailed on time, carrying {i} passengers and {i % 7} lorries.", "Port Gazette", "", "2024-10-01"))
            .ToList();
        await foreach (var item in library.ImportAsync(common.ToAsyncEnumerable(), CancellationToken.None))
        {
            Assert.Null(item.Error);
        }

        var withRareWord = await library.SearchAsync("ferry blaze", 5, "", "", "", CancellationToken.None);
        var commonOnly = await library.SearchAsync("ferry", 5, "", "", "", CancellationToken.None);

        Assert.Equal(old.Id, Assert.Single(withRareWord).ArticleId);
        Assert.Equal(5, commonOnly.Count);
    }

    [Fact]
    public async Task Import_ReportsARefusedItemInPlace_AndStoresEveryOtherInOrder()
    {
        await using var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        var inputs = Enumerable.Range(0, 150)
            .Select(i => i == 70
                ? new ArticleInput("Broken", "  ", "Port Gazette")
                : new ArticleInput($"Tide table {i}", $"High water on day {i} is at {i % 12} o'clock, the harbour master said.", "Port Gazette"))
            .ToList();

        var results = new List<ImportedArticle>();
        await foreach (var item in library.ImportAsync(inputs.ToAsyncEnumerable(), CancellationToken.None))
        {
            results.Add(item);
        }

        Assert.Equal(inputs, results.Select(r => r.Input));
        Assert.StartsWith("body", results[70].Error);
        Assert.All(results.Where((_, i) => i != 70), r => Assert.True(r.Outcome!.Created));
        Assert.Equal(149, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
    }

    [Fact]
    public async Task Add_FromManyWritersAtOnce_AcknowledgesEachWriteAndKeepsEveryOneAfterReopening()
    {
        var repository = (await CreateAsync())!;
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);

        // Commits sharing one WAL sync must each be acknowledged, none twice and none lost.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => library.AddAsync(
            new ArticleInput($"Lock keeper's log {i}", $"Lock {i} passed {i * 3} barges and {i % 4} yachts before the {i % 9} o'clock closure.", "Canal Times", "", "2024-10-03"),
            CancellationToken.None))));
        await repository.DisposeAsync();
        await using var reopened = (await ReopenAsync())!;

        Assert.Equal(24, outcomes.Select(o => o.Id).Distinct().Count());
        Assert.Equal(24, (await new ArticleLibrary(reopened, SeedArticles.Ingestor).GetStatsAsync(CancellationToken.None)).ArticleCount);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
