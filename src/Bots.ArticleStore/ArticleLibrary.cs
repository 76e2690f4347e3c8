using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Search;
using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore;

/// <summary>One streamed item's result: its outcome, or why it was refused.</summary>
public sealed record ImportedArticle(ArticleInput Input, AddOutcome? Outcome, string? Error);

/// <summary>
/// The article store's domain entry point: validates requests, prepares articles and talks to
/// the repository. Refusals are <see cref="InvalidInputException"/>s naming the field; the gRPC
/// layer only translates them.
/// After each write, <paramref name="versions"/> (when given) pushes the new corpus version to the caches
/// watching it before the write is acknowledged.
/// </summary>
/// <param name="importBatchSize">Most articles one import transaction holds (tests use small ones).</param>
public sealed class ArticleLibrary(IArticleRepository repository, ArticleIngestor ingestor, CorpusVersionMonitor? versions = null, int importBatchSize = ArticleLibrary.ImportBatchSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
    public const int DefaultSearchLimit = 10;
    public const int MaxSearchLimit = 100;
    public const int DefaultSuggestLimit = 25;
    public const int RecentInStats = 10;
    public const int MaxSuggestPrefixChars = 200;

    /// <summary>
    /// Most articles one import transaction holds. The duplicate-key and suggest indexes take random inserts, so a
    /// transaction dirties (and the WAL and checkpoint then write) most of their pages whatever its size: at
    /// 100,000 articles a 4,096-article transaction writes a quarter of what four 1,024-article ones do. A stream
    /// that trickles in commits whatever has arrived, so this bounds the wait for an acknowledgement only on bulk imports.
    /// </summary>
    public const int ImportBatchSize = 4096;

    /// <summary>Articles cleaned together on all cores and handed to the writer as one piece.</summary>
    internal const int PrepareChunkSize = 32;

    public IArticleRepository Repository => repository;

    public async Task<AddOutcome> AddAsync(ArticleInput input, CancellationToken cancellationToken)
    {
        var prepared = ingestor.Prepare(input);
        var outcome = (await repository.AddAsync([prepared], cancellationToken))[0];
        await PublishVersionAsync(cancellationToken);
        return outcome;
    }

    /// <summary>One result per input, in order: the outcome, or why that item was refused. Valid items share one transaction.</summary>
    public async Task<IReadOnlyList<(AddOutcome? Outcome, string? Error)>> AddManyAsync(IReadOnlyList<ArticleInput> inputs, CancellationToken cancellationToken)
    {
        var results = await StoreAsync(inputs, Prepare(inputs, cancellationToken), cancellationToken);
        return results.Select(r => (r.Outcome, r.Error)).ToList();
    }

    /// <summary>
    /// Imports a stream (the ImportArticles RPC, <c>bots import</c>, the seeds) through three stages that run
    /// at once: reading, cleaning on all cores, and writing. The writer never waits for cleaning while cleaned
    /// articles are queued (up to a batch ahead): each transaction takes what is ready, up to
    /// <see cref="ImportBatchSize"/> articles, so the serial write, the one stage that cannot use a second
    /// core, runs back to back, and cleaning goes on during its fsyncs and checkpoints.
    /// Results come back in input order, each only once its transaction has committed; a refused item is
    /// reported and the others are stored.
    /// </summary>
    public async IAsyncEnumerable<ImportedArticle> ImportAsync(IAsyncEnumerable<ArticleInput> inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arrived = Channel.CreateBounded<ArticleInput>(new BoundedChannelOptions(4 * PrepareChunkSize) { SingleReader = true, SingleWriter = true });
        var cleaned = Channel.CreateBounded<PreparedChunk>(new BoundedChannelOptions(Math.Max(1, importBatchSize / PrepareChunkSize)) { SingleReader = true, SingleWriter = true });
        var stored = Channel.CreateBounded<ImportedArticle[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stages = new[]
        {
            Task.Run(() => ReadIntoAsync(inputs, arrived.Writer, stop.Token), CancellationToken.None),
            Task.Run(() => PrepareIntoAsync(arrived.Reader, cleaned.Writer, stop.Token), CancellationToken.None),
            // The write itself gets the caller's token, not stop: a transaction that has begun commits (and its
            // new version is published) even when the caller stops reading the results.
            Task.Run(() => StoreIntoAsync(cleaned.Reader, stored.Writer, stop.Token, cancellationToken), CancellationToken.None),
        };
        try
        {
            await foreach (var results in stored.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var result in results)
                {
                    yield return result;
                }
            }
        }
        finally
        {
            stop.Cancel();
            // Each stage hands its failure on to the next, so the error that ended the import is the one the
            // caller sees; here the stages only have to finish (a begun write commits or rolls back) before we return.
            try
            {
                await Task.WhenAll(stages);
            }
            catch (Exception)
            {
                // Already reported through the channels, or of no use to a caller that stopped reading.
            }
        }
    }

    private sealed record PreparedChunk(List<ArticleInput> Inputs, (PreparedArticle? Article, string? Error)[] Ready);

    private static async Task ReadIntoAsync(IAsyncEnumerable<ArticleInput> inputs, ChannelWriter<ArticleInput> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var input in inputs.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(input, cancellationToken);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    /// <summary>Cleans what has arrived, a chunk at a time; a lone item (an interactive stream) goes on at once.</summary>
    private async Task PrepareIntoAsync(ChannelReader<ArticleInput> reader, ChannelWriter<PreparedChunk> writer, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                var chunk = new List<ArticleInput>(PrepareChunkSize);
                while (chunk.Count < PrepareChunkSize && reader.TryRead(out var input))
                {
                    chunk.Add(input);
                }
                await writer.WriteAsync(new PreparedChunk(chunk, Prepare(chunk, cancellationToken)), cancellationToken);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    /// <summary>
    /// Writes every cleaned chunk that is ready, up to <see cref="ImportBatchSize"/> articles, as one transaction.
    /// The next transaction is written while the previous one is being synced to disk; results are handed on
    /// in order, each batch once it is durable.
    /// </summary>
    private async Task StoreIntoAsync(ChannelReader<PreparedChunk> reader, ChannelWriter<ImportedArticle[]> writer, CancellationToken stopToken, CancellationToken cancellationToken)
    {
        Task<ImportedArticle[]>? syncing = null;
        try
        {
            while (true)
            {
                if (syncing is not null && !reader.TryPeek(out _))
                {
                    // Nothing else is ready: answer what is committed before waiting, as a client may be waiting for it.
                    var done = syncing;
                    syncing = null;
                    await writer.WriteAsync(await done, stopToken);
                }
                if (!await reader.WaitToReadAsync(stopToken))
                {
                    break;
                }
                var inputs = new List<ArticleInput>(importBatchSize);
                var ready = new List<(PreparedArticle?, string?)>(importBatchSize);
                while (inputs.Count < importBatchSize && reader.TryRead(out var chunk))
                {
                    inputs.AddRange(chunk.Inputs);
                    ready.AddRange(chunk.Ready);
                }
                // Runs inline up to the commit, then waits for the sync.
                var previous = syncing;
                syncing = StoreAsync(inputs, ready, cancellationToken);
                if (previous is not null)
                {
                    await writer.WriteAsync(await previous, stopToken);
                }
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            if (syncing is not null)
            {
                // A batch already written is synced and reported before the failure that ended the import.
                try
                {
                    await writer.WriteAsync(await syncing, stopToken);
                }
                catch (Exception)
                {
                    // It failed too, or the caller stopped reading: the failure below is what the caller hears.
                }
            }
            writer.Complete(e);
        }
    }

    /// <summary>Cleaning and segmenting is CPU work done on all cores; only the write itself is serial.</summary>
    private (PreparedArticle? Article, string? Error)[] Prepare(IReadOnlyList<ArticleInput> inputs, CancellationToken cancellationToken)
    {
        var ready = new (PreparedArticle?, string?)[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = inputs.Count < 8 ? 1 : Environment.ProcessorCount }, i =>
        {
            try
            {
                ready[i] = (ingestor.Prepare(inputs[i]), null);
            }
            catch (InvalidInputException e)
            {
                ready[i] = (null, e.Message);
            }
        });
        return ready;
    }

    private async Task<ImportedArticle[]> StoreAsync(IReadOnlyList<ArticleInput> inputs, IReadOnlyList<(PreparedArticle? Article, string? Error)> ready, CancellationToken cancellationToken)
    {
        var results = new ImportedArticle[inputs.Count];
        var prepared = new List<PreparedArticle>(inputs.Count);
        var positions = new List<int>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (ready[i].Article is { } article)
            {
                prepared.Add(article);
                positions.Add(i);
            }
            else
            {
                results[i] = new ImportedArticle(inputs[i], null, ready[i].Error);
            }
        }
        var outcomes = await repository.AddAsync(prepared, cancellationToken);
        await PublishVersionAsync(cancellationToken);
        for (var k = 0; k < outcomes.Count; k++)
        {
            results[positions[k]] = new ImportedArticle(inputs[positions[k]], outcomes[k], null);
        }
        return results;
    }

    public Task<StoredArticle?> GetAsync(long id, CancellationToken cancellationToken)
    {
        RequireId(id);
        return repository.GetAsync(id, cancellationToken);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        RequireId(id);
        var deleted = await repository.DeleteAsync(id, cancellationToken);
        if (deleted)
        {
            await PublishVersionAsync(cancellationToken);
        }
        return deleted;
    }

    public Task<ArticlePage> ListAsync(int pageSize, string pageToken, string source, CancellationToken cancellationToken)
    {
        if (pageSize < 0 || pageSize > MaxPageSize)
        {
            throw new InvalidInputException("page_size", $"must be between 1 and {MaxPageSize} (0 means {DefaultPageSize}); it is {pageSize}");
        }
        long? after = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (!PageToken.TryDecode(pageToken, out var lastId))
            {
                throw new InvalidInputException("page_token", "is not a token this service issued; pass next_page_token from the previous page");
            }
            after = lastId;
        }
        return repository.ListAsync(pageSize == 0 ? DefaultPageSize : pageSize, after, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), cancellationToken);
    }

    public Task<IReadOnlyList<PassageHit>> SearchAsync(string query, int limit, string source, string publishedAfter, string publishedBefore, CancellationToken cancellationToken)
    {
        if (limit < 0 || limit > MaxSearchLimit)
        {
            throw new InvalidInputException("limit", $"must be between 1 and {MaxSearchLimit} (0 means {DefaultSearchLimit}); it is {limit}");
        }
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new InvalidInputException("query", "is empty");
        }
        var parsed = QueryParser.TryParse(query, out var error) ?? throw new InvalidInputException("query", error!);
        var filter = new SearchFilter(
            string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            Day("published_after", publishedAfter),
            Day("published_before", publishedBefore));
        if (filter.PublishedAfter is not null && filter.PublishedBefore is not null && string.CompareOrdinal(filter.PublishedAfter, filter.PublishedBefore) > 0)
        {
            throw new InvalidInputException("published_after", $"({filter.PublishedAfter}) is later than published_before ({filter.PublishedBefore})");
        }
        return repository.SearchAsync(parsed, filter, limit == 0 ? DefaultSearchLimit : limit, cancellationToken);
    }

    public Task<StoreStatistics> GetStatsAsync(CancellationToken cancellationToken) => repository.GetStatsAsync(RecentInStats, cancellationToken);

    public Task<long> GetVersionAsync(CancellationToken cancellationToken) => repository.GetVersionAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        if (limit < 0 || limit > DefaultSuggestLimit)
        {
            throw new InvalidInputException("limit", $"must be between 1 and {DefaultSuggestLimit} (0 means {DefaultSuggestLimit}); it is {limit}");
        }
        var trimmed = (prefix ?? "").TrimStart();
        if (trimmed.Length > MaxSuggestPrefixChars)
        {
            throw new InvalidInputException("prefix", $"is longer than {MaxSuggestPrefixChars} characters");
        }
        if (trimmed.Length == 0)
        {
            return [];
        }
        return await repository.SuggestAsync(trimmed, limit == 0 ? DefaultSuggestLimit : limit, cancellationToken);
    }

    private Task PublishVersionAsync(CancellationToken cancellationToken) =>
        versions is null ? Task.CompletedTask : versions.PublishAsync(cancellationToken);

    private static string? Day(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!PublishedDate.TryParse(value, out var date))
        {
            throw new InvalidInputException(field, $"\"{(value.Length > 40 ? value[..40] + "…" : value)}\" is not a date; use ISO 8601 such as 2024-08-13");
        }
        return date.DayIso;
    }

    private static void RequireId(long id)
    {
        if (id <= 0)
        {
            throw new InvalidInputException("id", $"must be a positive article id; it is {id}");
        }
    }
}
