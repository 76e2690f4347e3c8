using System.Runtime.CompilerServices;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;
using Microsoft.Data.Sqlite;

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

    [Fact]
    public async Task ImportAndAddMany_RewritesOfStoriesInTheSameAndEarlierTransactions_AreLinkedExactlyAsWhenAddedOneAtATime()
    {
        // Stories, rewrites of earlier ones (in the same transaction, the one before, or long before) and a shared
        // paragraph whose keys become too common to count part-way through: the candidates the cleaning stage looks up
        // ahead must lead to the same links as the writer's own lookup.
        var inputs = StoriesAndRewrites(900).ToList();
        var oneAtATimeFolder = folder + "-one";
        await using var oneAtATime = new SqliteArticleRepository(Path.Combine(oneAtATimeFolder, "articles.db"));
        await oneAtATime.InitializeAsync(CancellationToken.None);
        var reference = new ArticleLibrary(oneAtATime, SeedArticles.Ingestor);
        var expected = new List<AddOutcome>();
        foreach (var input in inputs)
        {
            expected.Add(await reference.AddAsync(input, CancellationToken.None));
        }

        // AddManyAsync looks candidates up on the writer only, in transactions of many articles.
        var inBatchesFolder = folder + "-batches";
        await using var inBatches = new SqliteArticleRepository(Path.Combine(inBatchesFolder, "articles.db"));
        await inBatches.InitializeAsync(CancellationToken.None);
        var batched = new List<AddOutcome>();
        foreach (var batch in inputs.Chunk(TransactionSize))
        {
            batched.AddRange((await new ArticleLibrary(inBatches, SeedArticles.Ingestor).AddManyAsync(batch, CancellationToken.None)).Select(r => r.Outcome!));
        }

        var results = await ImportAllAsync(inputs.ToAsyncEnumerable());

        Assert.True(expected.Count(o => o.DuplicateOf != 0) > 100, "the stream holds rewrites");
        Assert.Equal(expected, batched);
        Assert.True(repository.WriterStatistics.CandidatesAhead > inputs.Count / 2, $"{repository.WriterStatistics.CandidatesAhead} looked up ahead");
        Assert.Equal(expected.Select(o => (o.Id, o.DuplicateOf, o.Created)), results.Select(r => (r.Outcome!.Id, r.Outcome.DuplicateOf, r.Outcome.Created)));
        SqliteConnection.ClearAllPools();
        Directory.Delete(oneAtATimeFolder, recursive: true);
        Directory.Delete(inBatchesFolder, recursive: true);
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

    /// <summary>
    /// Made-up words so that only what the generator repeats is shared: a third of the articles rewrite an earlier
    /// one (a tenth to two thirds of its words replaced), some repeat an earlier one exactly, and a third carry the
    /// same closing paragraph.
    /// </summary>
    private static IEnumerable<ArticleInput> StoriesAndRewrites(int count)
    {
        var random = new Random(20241001);
        var words = Enumerable.Range(0, 4000).Select(_ => new string(Enumerable.Range(0, 4 + random.Next(5)).Select(_ => (char)('a' + random.Next(26))).ToArray())).ToArray();
        var closing = Sentences(Enumerable.Range(0, 60).Select(_ => words[random.Next(words.Length)]).ToList());
        var bodies = new List<List<string>>();
        for (var i = 0; i < count; i++)
        {
            List<string> body;
            var roll = random.Next(30);
            if (bodies.Count > 0 && roll < 10)
            {
                var original = bodies[roll < 5 ? Math.Max(0, bodies.Count - 1 - random.Next(60)) : random.Next(bodies.Count)];
                var replaced = 0.1 + random.NextDouble() * 0.55;
                body = original.Select(w => random.NextDouble() < replaced ? words[random.Next(words.Length)] : w).ToList();
            }
            else if (bodies.Count > 0 && roll == 10)
            {
                body = bodies[random.Next(bodies.Count)];
            }
            else
            {
                body = Enumerable.Range(0, 120 + random.Next(200)).Select(_ => words[random.Next(words.Length)]).ToList();
            }
            bodies.Add(body);
            var text = Sentences(body) + (random.Next(3) == 0 ? "\n\n" + closing : "");
            yield return new ArticleInput($"Story {i} {body[0]} {body[1]}", text, "Wire", "", "2024-10-01");
        }
    }

    private static string Sentences(List<string> words) =>
        string.Join(" ", words.Chunk(12).Select(s => char.ToUpperInvariant(s[0][0]) + string.Join(" ", s)[1..] + "."));

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
