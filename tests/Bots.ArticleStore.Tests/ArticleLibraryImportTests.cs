using System.Runtime.CompilerServices;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Tests;

/// <summary>The import pipeline (read, clean on all cores, write in large transactions) seen from its caller.</summary>
public sealed class ArticleLibraryImportTests : IAsyncLifetime
{
    private const int TransactionSize = 100;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bots-import-" + Guid.NewGuid().ToString("N")[..12]);
    private SqliteArticleRepository repository = null!;
    private ArticleLibrary library = null!;

    public async Task InitializeAsync()
    {
        repository = new SqliteArticleRepository(Path.Combine(folder, "articles.db"));
        await repository.InitializeAsync(CancellationToken.None);
        library = new ArticleLibrary(repository, SeedArticles.Ingestor, importBatchSize: TransactionSize);
    }

    public async Task DisposeAsync()
    {
        await repository.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Import_MoreArticlesThanOneTransactionHolds_StoresEveryOneInOrder()
    {
        var inputs = Notices(2 * TransactionSize + 50).ToList();

        var results = await ImportAllAsync(inputs.ToAsyncEnumerable());

        Assert.Equal(inputs, results.Select(r => r.Input));
        Assert.All(results, r => Assert.True(r.Outcome!.Created));
        Assert.Equal(results.Select(r => r.Outcome!.Id).Order(), results.Select(r => r.Outcome!.Id));
        Assert.Equal(inputs.Count, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
    }

    [Fact]
    public async Task Import_AnArticleRepeatedLaterInTheStream_ReturnsTheFirstCopysId()
    {
        var inputs = Notices(300).ToList();
        inputs.Add(inputs[10]);

        var results = await ImportAllAsync(inputs.ToAsyncEnumerable());

        Assert.False(results[^1].Outcome!.Created);
        Assert.Equal(results[10].Outcome!.Id, results[^1].Outcome!.Id);
        Assert.Equal(300, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
    }

    [Fact]
    public async Task Import_WhenTheInputStreamFails_ReportsWhatCameBeforeAndThenTheFailure()
    {
        var results = new List<ImportedArticle>();

        var failure = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var item in library.ImportAsync(FailingAfterAsync(Notices(40)), CancellationToken.None))
            {
                results.Add(item);
            }
        });

        Assert.Equal("connection reset", failure.Message);
        Assert.Equal(40, results.Count);
        Assert.All(results, r => Assert.True(r.Outcome!.Created));
        Assert.Equal(40, (await library.GetStatsAsync(CancellationToken.None)).ArticleCount);
    }

    [Fact]
    public async Task Import_WhenTheCallerStopsReading_LeavesEveryCommittedArticleWholeAndTheStoreWritable()
    {
        var inputs = Notices(500).ToList();
        await foreach (var _ in library.ImportAsync(inputs.ToAsyncEnumerable(), CancellationToken.None))
        {
            break;
        }

        var again = await ImportAllAsync(inputs.ToAsyncEnumerable());

        // Whatever the abandoned import committed comes back as already stored; the rest is stored now, once.
        Assert.All(again, r => Assert.Null(r.Error));
        Assert.Contains(again, r => !r.Outcome!.Created);
        var stats = await library.GetStatsAsync(CancellationToken.None);
        Assert.Equal(500, stats.ArticleCount);
        Assert.Equal(500, again.Select(r => r.Outcome!.Id).Distinct().Count());
    }

    private async Task<List<ImportedArticle>> ImportAllAsync(IAsyncEnumerable<ArticleInput> inputs)
    {
        var results = new List<ImportedArticle>();
        await foreach (var item in library.ImportAsync(inputs, CancellationToken.None))
        {
            Assert.Null(item.Error);
            results.Add(item);
        }
        return results;
    }

    private static IEnumerable<ArticleInput> Notices(int count) =>
        Enumerable.Range(0, count).Select(i => new ArticleInput(
            $"Harbour notice {i}",
            $"Notice {i}: berth {i % 17} closes on day {i} for dredging, and pilots {i * 7} and {i * 11} take the {i % 5} o'clock tide.",
            "Port Gazette", "", "2024-10-01"));

    private static async IAsyncEnumerable<ArticleInput> FailingAfterAsync(IEnumerable<ArticleInput> inputs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return input;
        }
        await Task.Yield();
        throw new IOException("connection reset");
    }
}
