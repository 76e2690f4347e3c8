using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bots.ArticleStore.Dedup;
using Bots.ArticleStore.Search;
using Microsoft.Data.Sqlite;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// SQLite in WAL mode with an FTS5 index (porter tokenizer, bm25 ranking). Durability: a write is
/// acknowledged only once its WAL frames are synced (see <see cref="MakeDurableAsync"/>), so it survives
/// a process kill and a power loss; imports batch many articles per transaction to pay for the sync once.
/// Writers are serialised in-process by a lock and across processes by BEGIN IMMEDIATE.
/// </summary>
public sealed class SqliteArticleRepository : IArticleRepository
{
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly TermPassageCounts termCounts = new();
    private readonly SqliteSearchSessions searchSessions;
    private readonly Lock checkpointGate = new();
    private Task checkpointing = Task.CompletedTask;
    private bool checkpointRunning;
    private bool checkpointAgain;
    private long walPages;
    private bool legacyFingerprintColumn;
    private SqliteConnection? writer;
    private DuplicateKeyIndex? keyIndex;
    private readonly Lock syncGate = new();
    private long commits;
    private long syncedCommits;
    private Task syncing = Task.CompletedTask;
    private readonly Lock statisticsGate = new();
    private WriterStatistics writerStatistics = new(0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The WAL only starts over when a write begins after a complete checkpoint; under a steady import the
    /// background checkpoint never quite catches up, so past this size (64 MB) the writer finishes it first.
    /// </summary>
    private const long MaxWalPages = 16_384;

    public SqliteArticleRepository(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        // Up to sixteen search connections stay open: the 32 MB page cache of Open() each would be half a gigabyte,
        // and the OS caches the file for all of them.
        searchSessions = new SqliteSearchSessions(() =>
        {
            var connection = Open();
            Execute(connection, "PRAGMA cache_size = -8192;");
            return connection;
        });
    }

    public string DatabasePath { get; }

    public WriterStatistics WriterStatistics
    {
        get
        {
            lock (statisticsGate)
            {
                return writerStatistics;
            }
        }
    }

    private void CountWrite(long articles, double cpu, double locked, double catchUp, double durableWait, WriterPhases phases)
    {
        lock (statisticsGate)
        {
            var s = writerStatistics;
            writerStatistics = new WriterStatistics(s.Transactions + 1, s.Articles + articles, s.CpuMilliseconds + cpu,
                s.LockedMilliseconds + locked, s.CatchUpMilliseconds + catchUp, s.DurableWaitMilliseconds + durableWait)
            {
                Phases = s.Phases + phases,
            };
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        SQLitePCL.Batteries_V2.Init();
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', 2), ('version', 0), ('seeded', 0);
            CREATE TABLE IF NOT EXISTS articles (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                source TEXT NOT NULL,
                url TEXT NOT NULL,
                published TEXT NOT NULL,
                published_day TEXT NOT NULL,
                duplicate_of INTEGER NOT NULL,
                word_count INTEGER NOT NULL,
                passage_count INTEGER NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                added_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS articles_source ON articles (source, id);
            CREATE INDEX IF NOT EXISTS articles_day ON articles (published_day);
            CREATE INDEX IF NOT EXISTS articles_duplicates ON articles (duplicate_of) WHERE duplicate_of <> 0;
            CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5 (title, text, tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE TABLE IF NOT EXISTS article_fingerprints (id INTEGER PRIMARY KEY, sample BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS article_keys (hash INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (hash, article_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS suggest_terms (key TEXT PRIMARY KEY, display TEXT NOT NULL, weight INTEGER NOT NULL) WITHOUT ROWID;
            """);
        MigrateFingerprints(connection);
        SetFts5HashSize(connection);
        await Task.CompletedTask;
    }

    /// <summary>
    /// Schema 2 keeps fingerprints in their own table. In schema 1 they were a column of articles, stored
    /// after the body: reading one walked the body's overflow pages, and comparing the candidates of each
    /// new article that way was a third of the import's write time. A schema-1 database has its
    /// fingerprints copied over once and keeps the old column, written as an empty blob from then on.
    /// </summary>
    private void MigrateFingerprints(SqliteConnection connection)
    {
        using var column = Command(connection, "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'fingerprint'");
        legacyFingerprintColumn = Convert.ToInt64(column.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        if (!legacyFingerprintColumn)
        {
            return;
        }
        using var transaction = connection.BeginTransaction();
        using (var schema = Command(connection, "SELECT value FROM meta WHERE key = 'schema'"))
        {
            schema.Transaction = transaction;
            if (Convert.ToInt64(schema.ExecuteScalar(), CultureInfo.InvariantCulture) >= 2)
            {
                return;
            }
        }
        Run(connection, transaction, "INSERT OR IGNORE INTO article_fingerprints (id, sample) SELECT id, fingerprint FROM articles WHERE length(fingerprint) > 0");
        Run(connection, transaction, "UPDATE meta SET value = 2 WHERE key = 'schema'");
        transaction.Commit();
    }

    /// <summary>
    /// FTS5 keeps a transaction's new terms in memory and writes them out as a segment once they pass its hash size
    /// (default 1 MB): a 4,096-article import transaction made some twenty small segments, each merged again later.
    /// At 64 MB the transaction's terms are written once at commit (~25 MB at most, freed then): at 100,000 articles
    /// indexing plus commit took 0.35 instead of 0.45 ms of writer CPU an article, with identical search results.
    /// </summary>
    public const int Fts5HashSize = 64 * 1024 * 1024;

    private static void SetFts5HashSize(SqliteConnection connection)
    {
        using var current = Command(connection, "SELECT v FROM passage_fts_config WHERE k = 'hashsize'");
        if (Convert.ToInt64(current.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture) != Fts5HashSize)
        {
            Execute(connection, $"INSERT INTO passage_fts (passage_fts, rank) VALUES ('hashsize', {Fts5HashSize})");
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A 32 MB page cache (default 2 MB) keeps the FTS segments being merged and the duplicate-key
        // index in memory while importing; re-reading them from the OS was a fifth of the import time.
        // Checkpoints run on their own thread after each write (ScheduleCheckpoint), not inside the commit.
        Execute(connection, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0;");
        return connection;
    }

    /// <summary>
    /// The one connection writes go through (under the write lock), kept open with a 128 MB page cache: the FTS
    /// segments being merged and the key and suggest indexes stay cached across batches, where a pooled connection
    /// could come back cold: at 100,000 articles, copying pages in from the OS was about 7% of the import's CPU.
    /// Its commits write the WAL without syncing it (synchronous=NORMAL); <see cref="MakeDurableAsync"/> syncs
    /// before any write is acknowledged. A large import transaction can grow the WAL past 100 MB; when it
    /// starts over it is cut back to 64 MB rather than kept at its largest.
    /// </summary>
    private SqliteConnection Writer()
    {
        if (writer is null)
        {
            writer = Open();
            Execute(writer, "PRAGMA cache_size = -131072; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;");
        }
        return writer;
    }

    /// <summary>Called under the write lock right after a commit; returns the number to pass to <see cref="MakeDurableAsync"/>.</summary>
    private long Committed()
    {
        ScheduleCheckpoint();
        return Interlocked.Increment(ref commits);
    }

    /// <summary>
    /// Returns once commit number <paramref name="commit"/> is on disk. Commits write the WAL without syncing
    /// it; one fsync of the WAL then makes every commit before it durable (group commit). Syncing outside the
    /// write lock lets the next transaction be written during the fsync: with synchronous=FULL the writer sat
    /// idle in every commit's fsync, at 100,000 articles about as long as it spent indexing.
    /// A commit whose frames were already checkpointed is durable too: SQLite syncs the database file after a
    /// checkpoint, before the WAL can start over.
    /// </summary>
    private async Task MakeDurableAsync(long commit)
    {
        while (Volatile.Read(ref syncedCommits) < commit)
        {
            Task pending;
            lock (syncGate)
            {
                if (syncing.IsCompleted && Volatile.Read(ref syncedCommits) < commit)
                {
                    var upTo = Volatile.Read(ref commits);
                    syncing = Task.Run(() =>
                    {
                        SyncWal();
                        InterlockedMax(ref syncedCommits, upTo);
                    });
                }
                pending = syncing;
            }
            await pending;
        }
    }

    private void SyncWal()
    {
        try
        {
            using var wal = new FileStream(DatabasePath + "-wal", FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            wal.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No WAL file: nothing is waiting in it (the last connection checkpointed and removed it).
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (current < value)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    /// <summary>After a failed write the next one starts on a fresh connection, whatever state SQLite left this one in.</summary>
    private void DropWriter()
    {
        writer?.Dispose();
        writer = null;
    }

    /// <summary>
    /// A commit is durable once its WAL frames are synced; copying them into the database file (the
    /// checkpoint SQLite would otherwise run inside every large commit) happens here on another thread,
    /// so an import's next batch is written meanwhile. At most one runs; writes during it ask for another.
    /// </summary>
    private void ScheduleCheckpoint()
    {
        lock (checkpointGate)
        {
            if (checkpointRunning)
            {
                checkpointAgain = true;
                return;
            }
            checkpointRunning = true;
            checkpointing = Task.Run(Checkpoint);
        }
    }

    private void Checkpoint()
    {
        while (true)
        {
            try
            {
                using var connection = Open();
                Volatile.Write(ref walPages, CheckpointPassive(connection));
            }
            catch (SqliteException)
            {
                // The WAL keeps every committed write; the next write schedules another attempt.
            }
            lock (checkpointGate)
            {
                if (!checkpointAgain)
                {
                    checkpointRunning = false;
                    return;
                }
                checkpointAgain = false;
            }
        }
    }

    public async Task<IReadOnlyList<AddOutcome>> AddAsync(IReadOnlyList<PreparedArticle> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return [];
        }
        IReadOnlyList<AddOutcome> result;
        long commit;
        double cpu, locked, catchUp;
        WriterPhases phases;
        await writeLock.WaitAsync(cancellationToken);
        var lockedAt = Stopwatch.GetTimestamp();
        try
        {
            var connection = Writer();
            await CatchUpCheckpointAsync(connection);
            catchUp = Stopwatch.GetElapsedTime(lockedAt).TotalMilliseconds;
            var cpuAt = ThreadCpuClock.Milliseconds();
            var laps = new CpuLaps();
            var steps = new StepTimes();
            await using var transaction = connection.BeginTransaction();
            using var commands = new WriteCommands(connection, transaction, legacyFingerprintColumn);
            var version = ReadVersion(connection, transaction);
            var keys = TakeKeyIndex(commands, version);
            var outcomes = new List<AddOutcome>(articles.Count);
            // Suggest weights are summed over the batch and written once, in key order: names recur across
            // a batch's articles, and one upsert per article and term was a fifth of the write time.
            var suggest = new SuggestTally();
            var created = new List<(long Id, PreparedArticle Article)>(articles.Count);
            foreach (var article in articles)
            {
                var outcome = AddOne(commands, keys, article, laps, steps);
                if (outcome.Created)
                {
                    suggest.Add(article.SuggestTerms);
                    created.Add((outcome.Id, article));
                }
                outcomes.Add(outcome);
                steps.Suggest += laps.Lap();
            }
            if (suggest.Articles > 0)
            {
                commands.AddSuggest.Parameters["$terms"].Value = suggest.ToJson();
                commands.AddSuggest.ExecuteNonQuery();
                commands.BumpVersion.ExecuteNonQuery();
            }
            steps.Suggest += laps.Lap();
            InsertPassages(commands, created);
            steps.Index += laps.Lap();
            transaction.Commit();
            commit = Committed();
            keys.Version = version + (suggest.Articles > 0 ? 1 : 0);
            keyIndex = keys;
            steps.Commit += laps.Lap();
            phases = new WriterPhases(steps.Lookup, steps.Rows, steps.Suggest, steps.Index, steps.Commit);
            result = outcomes;
            cpu = ThreadCpuClock.Milliseconds() - cpuAt;
            locked = Stopwatch.GetElapsedTime(lockedAt).TotalMilliseconds;
        }
        catch (SqliteException)
        {
            DropWriter();
            throw;
        }
        finally
        {
            writeLock.Release();
        }
        var syncAt = Stopwatch.GetTimestamp();
        await MakeDurableAsync(commit);
        CountWrite(articles.Count, cpu, locked, catchUp, Stopwatch.GetElapsedTime(syncAt).TotalMilliseconds, phases);
        return result;
    }

    /// <summary>
    /// The in-memory duplicate keys as of <paramref name="version"/>, filled from article_keys when missing or older (another
    /// process wrote). The writer holds them only until its commit: a write that fails leaves none, so the next fills afresh.
    /// </summary>
    private DuplicateKeyIndex TakeKeyIndex(WriteCommands commands, long version)
    {
        var index = keyIndex;
        keyIndex = null;
        if (index is not null && index.Version == version)
        {
            return index;
        }
        var count = Convert.ToInt32(commands.CountKeys.ExecuteScalar(), CultureInfo.InvariantCulture);
        index = new DuplicateKeyIndex(count) { Version = version };
        using var reader = commands.ReadKeys.ExecuteReader();
        while (reader.Read())
        {
            index.Add((uint)reader.GetInt64(0), reader.GetInt64(1));
        }
        return index;
    }

    private static AddOutcome AddOne(WriteCommands commands, DuplicateKeyIndex keys, PreparedArticle article, CpuLaps laps, StepTimes steps)
    {
        commands.FindHash.Parameters["$hash"].Value = article.ContentHash;
        using (var reader = commands.FindHash.ExecuteReader())
        {
            if (reader.Read())
            {
                steps.Lookup += laps.Lap();
                return new AddOutcome(reader.GetInt64(0), reader.GetInt64(1), false, reader.GetString(2), reader.GetString(3));
            }
        }
        // An article's duplicate keys go in one statement: one a key cost more in call overhead than SQLite spends on the rows.
        var duplicateOf = FindStory(commands, keys, article.Fingerprint);
        steps.Lookup += laps.Lap();
        var published = article.Published?.ToIso() ?? "";
        var insert = commands.InsertArticle;
        insert.Parameters["$title"].Value = article.Title;
        insert.Parameters["$body"].Value = article.Body;
        insert.Parameters["$source"].Value = article.Source;
        insert.Parameters["$url"].Value = article.Url;
        insert.Parameters["$published"].Value = published;
        insert.Parameters["$day"].Value = article.Published?.DayIso ?? "";
        insert.Parameters["$dup"].Value = duplicateOf;
        insert.Parameters["$words"].Value = article.WordCount;
        insert.Parameters["$passages"].Value = article.Passages.Count;
        insert.Parameters["$hash"].Value = article.ContentHash;
        insert.Parameters["$added"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var id = (long)insert.ExecuteScalar()!;
        commands.InsertFingerprint.Parameters["$id"].Value = id;
        commands.InsertFingerprint.Parameters["$sample"].Value = article.Fingerprint.ToBytes();
        commands.InsertFingerprint.ExecuteNonQuery();
        var articleKeys = article.Fingerprint.Keys.ToArray();
        commands.InsertKeys.Parameters["$keys"].Value = JsonSerializer.Serialize(articleKeys);
        commands.InsertKeys.Parameters["$id"].Value = id;
        commands.InsertKeys.ExecuteNonQuery();
        foreach (var key in articleKeys)
        {
            keys.Add((uint)key, id);
        }
        steps.Rows += laps.Lap();
        return new AddOutcome(id, duplicateOf, true, article.Title, published);
    }

    /// <summary>
    /// The transaction's passages go into FTS5 last, one row a statement. FTS5 keeps new rows in memory and writes them
    /// out as a segment when a statement that may need rolling back on its own (one inserting from a SELECT, or with
    /// RETURNING) begins while FTS5 is part of the transaction: indexed article by article among the other statements,
    /// every article became a tiny segment, and merging those was most of the cost of indexing.
    /// </summary>
    private static void InsertPassages(WriteCommands commands, List<(long Id, PreparedArticle Article)> created)
    {
        var insert = commands.InsertPassage;
        foreach (var (id, article) in created)
        {
            insert.Parameters["$title"].Value = article.Title;
            for (var i = 0; i < article.Passages.Count; i++)
            {
                insert.Parameters["$rowid"].Value = PassageIds.Of(id, i);
                insert.Parameters["$text"].Value = article.Passages[i];
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The first article of the story the new one repeats, or 0. Only the matching candidate's story is looked up.</summary>
    private static long FindStory(WriteCommands commands, DuplicateKeyIndex keys, ArticleFingerprint fingerprint)
    {
        var candidates = new List<(long, ArticleFingerprint)>();
        foreach (var id in keys.Candidates(fingerprint.Keys))
        {
            commands.ReadFingerprint.Parameters["$id"].Value = id;
            if (commands.ReadFingerprint.ExecuteScalar() is byte[] sample)
            {
                candidates.Add((id, ArticleFingerprint.FromBytes(sample)));
            }
        }
        var match = DuplicatePolicy.FindBest(fingerprint, candidates);
        if (match == 0)
        {
            return 0;
        }
        commands.FindDuplicateOf.Parameters["$id"].Value = match;
        var first = (long)commands.FindDuplicateOf.ExecuteScalar()!;
        return first != 0 ? first : match;
    }

    /// <summary>Called by the writer before it begins, so that its transaction starts the WAL over.</summary>
    private async Task CatchUpCheckpointAsync(SqliteConnection connection)
    {
        if (Volatile.Read(ref walPages) < MaxWalPages)
        {
            return;
        }
        Task pending;
        lock (checkpointGate)
        {
            pending = checkpointing;
        }
        await pending;
        CheckpointPassive(connection);
        Volatile.Write(ref walPages, 0);
    }

    /// <summary>PASSIVE never blocks a writer or reader; frames it cannot copy yet are copied next time. Returns the WAL's size in pages.</summary>
    private static long CheckpointPassive(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetInt64(1) : 0;
    }

    public async Task<StoredArticle?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT id, title, body, source, url, published, duplicate_of, word_count FROM articles WHERE id = $id", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new StoredArticle(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt32(7));
    }

    public async Task<ArticlePage> ListAsync(int pageSize, long? afterId, string? source, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var filter = source is null ? "" : " AND source = $source";
        await using var command = Command(connection,
            $"SELECT id, title, source, published, url, duplicate_of FROM articles WHERE id < $after{filter} ORDER BY id DESC LIMIT $limit",
            ("$after", afterId ?? long.MaxValue), ("$limit", pageSize + 1), ("$source", source ?? ""));
        var rows = new List<ArticleSummary>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadSummary(reader));
            }
        }
        await using var count = Command(connection, $"SELECT count(*) FROM articles WHERE 1 = 1{filter}", ("$source", source ?? ""));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new ArticlePage(rows, more ? PageToken.Encode(rows[^1].Id) : "", total);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        long commit;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = Writer();
            await using var transaction = connection.BeginTransaction();
            var version = ReadVersion(connection, transaction);
            // Kept in step only when it is current; a failure below leaves none, as for a failed add.
            var keys = keyIndex?.Version == version ? keyIndex : null;
            keyIndex = null;
            string title, body;
            byte[] fingerprint;
            using (var read = Command(connection, "SELECT a.title, a.body, coalesce(f.sample, x'') FROM articles a LEFT JOIN article_fingerprints f ON f.id = a.id WHERE a.id = $id", ("$id", id)))
            {
                read.Transaction = transaction;
                using var reader = read.ExecuteReader();
                if (!reader.Read())
                {
                    keyIndex = keys;
                    return false;
                }
                (title, body, fingerprint) = (reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2));
            }
            Run(connection, transaction, "DELETE FROM passage_fts WHERE rowid BETWEEN $first AND $last", ("$first", PassageIds.First(id)), ("$last", PassageIds.Last(id)));
            foreach (var key in ArticleFingerprint.FromBytes(fingerprint).Keys)
            {
                Run(connection, transaction, "DELETE FROM article_keys WHERE hash = $hash AND article_id = $id", ("$hash", key), ("$id", id));
                keys?.Remove((uint)key, id);
            }
            foreach (var term in SuggestTerms.Extract(title, body))
            {
                Run(connection, transaction, "UPDATE suggest_terms SET weight = weight - 1 WHERE key = $key", ("$key", PassageIds.SuggestKey(term)));
            }
            Run(connection, transaction, "DELETE FROM suggest_terms WHERE weight <= 0");
            Run(connection, transaction, "DELETE FROM article_fingerprints WHERE id = $id", ("$id", id));
            Run(connection, transaction, "DELETE FROM articles WHERE id = $id", ("$id", id));
            // The story's next article becomes its first, so duplicate_of never points at nothing.
            Run(connection, transaction, """
                UPDATE articles SET duplicate_of = CASE WHEN id = (SELECT min(id) FROM articles WHERE duplicate_of = $id) THEN 0
                    ELSE (SELECT min(id) FROM articles WHERE duplicate_of = $id) END
                WHERE duplicate_of = $id
                """, ("$id", id));
            Run(connection, transaction, "UPDATE meta SET value = value + 1 WHERE key = 'version'");
            transaction.Commit();
            commit = Committed();
            if (keys is not null)
            {
                keys.Version = version + 1;
                keyIndex = keys;
            }
        }
        catch (SqliteException)
        {
            DropWriter();
            throw;
        }
        finally
        {
            writeLock.Release();
        }
        await MakeDurableAsync(commit);
        return true;
    }

    public Task<IReadOnlyList<PassageHit>> SearchAsync(ParsedQuery query, SearchFilter filter, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(searchSessions.Run(session => Search(session, query, filter, limit)));

    private IReadOnlyList<PassageHit> Search(SqliteSearchSessions.Session session, ParsedQuery query, SearchFilter filter, int limit)
    {
        // The version is read before any count is taken, so a count kept for it never comes from an older corpus.
        var counts = termCounts.At(Convert.ToInt64(session.Version.ExecuteScalar(), CultureInfo.InvariantCulture));
        var ranked = Fts5Ranking.Rank(session.Fts5, query, filter, limit, counts);
        if (ranked.Count == 0)
        {
            return [];
        }
        // Text and metadata are read for the few ranked passages only, in one statement.
        var details = new Dictionary<long, PassageHit>(ranked.Count);
        session.Details.Parameters["$rowids"].Value = JsonSerializer.Serialize(ranked.Select(r => r.Rowid));
        using (var reader = session.Details.ExecuteReader())
        {
            while (reader.Read())
            {
                var rowid = reader.GetInt64(0);
                details[rowid] = new PassageHit(PassageIds.ArticleOf(rowid), PassageIds.IndexOf(rowid), reader.GetString(1), 0,
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt64(6));
            }
        }
        // bm25 is lower-is-better; the API reports higher-is-better, never rising down the list even
        // where a later tier's passage has the higher bm25.
        var hits = new List<PassageHit>(ranked.Count);
        var ceiling = double.MaxValue;
        foreach (var (rowid, score) in ranked)
        {
            if (details.TryGetValue(rowid, out var hit))
            {
                ceiling = Math.Min(ceiling, -score);
                hits.Add(hit with { Score = ceiling });
            }
        }
        return hits;
    }

    public async Task<StoreStatistics> GetStatsAsync(int recent, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: true);
        int articles, passages;
        string oldest, newest;
        using (var totals = Command(connection, "SELECT count(*), coalesce(sum(passage_count), 0), coalesce(min(nullif(published, '')), ''), coalesce(max(nullif(published, '')), '') FROM articles"))
        {
            totals.Transaction = transaction;
            using var reader = totals.ExecuteReader();
            reader.Read();
            (articles, passages, oldest, newest) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
        }
        var version = ReadVersion(connection, transaction);
        var sources = new List<SourceTally>();
        using (var bySource = Command(connection, "SELECT source, count(*) FROM articles GROUP BY source ORDER BY count(*) DESC, source"))
        {
            bySource.Transaction = transaction;
            using var reader = bySource.ExecuteReader();
            while (reader.Read())
            {
                sources.Add(new SourceTally(reader.GetString(0), reader.GetInt32(1)));
            }
        }
        var latest = new List<ArticleSummary>();
        using (var recentCommand = Command(connection, "SELECT id, title, source, published, url, duplicate_of FROM articles ORDER BY id DESC LIMIT $n", ("$n", recent)))
        {
            recentCommand.Transaction = transaction;
            using var reader = recentCommand.ExecuteReader();
            while (reader.Read())
            {
                latest.Add(ReadSummary(reader));
            }
        }
        return new StoreStatistics(articles, passages, version, sources, oldest, newest, latest);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        return ReadVersion(connection, null);
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var key = PassageIds.SuggestKey(prefix);
        await using var command = Command(connection,
            "SELECT display FROM suggest_terms WHERE key >= $from AND key < $to ORDER BY weight DESC, key LIMIT $limit",
            ("$from", key), ("$to", key + '\uFFFF'), ("$limit", limit));
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }
        return result;
    }

    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT value FROM meta WHERE key = 'seeded'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    public async Task MarkSeededAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "UPDATE meta SET value = 1 WHERE key = 'seeded'");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Task pending;
        lock (checkpointGate)
        {
            pending = checkpointing;
        }
        await pending;
        lock (syncGate)
        {
            pending = syncing;
        }
        await pending;
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }
        searchSessions.Dispose();
        SqliteConnection.ClearAllPools();
        writeLock.Dispose();
    }

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Command(connection, "SELECT value FROM meta WHERE key = 'version'");
        command.Transaction = transaction;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static ArticleSummary ReadSummary(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5));

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writer CPU of one transaction by step, summed into <see cref="WriterPhases"/>.</summary>
    private sealed class StepTimes
    {
        public double Lookup { get; set; }
        public double Rows { get; set; }
        public double Suggest { get; set; }
        public double Index { get; set; }
        public double Commit { get; set; }
    }

    /// <summary>Statements of one write transaction, prepared once and re-run per article.</summary>
    private sealed class WriteCommands(SqliteConnection connection, SqliteTransaction transaction, bool legacyFingerprintColumn) : IDisposable
    {
        public SqliteCommand FindHash { get; } = Make(connection, transaction, "SELECT id, duplicate_of, title, published FROM articles WHERE content_hash = $hash", "$hash");
        public SqliteCommand CountKeys { get; } = Make(connection, transaction, "SELECT count(*) FROM article_keys");
        public SqliteCommand ReadKeys { get; } = Make(connection, transaction, "SELECT hash, article_id FROM article_keys");
        public SqliteCommand ReadFingerprint { get; } = Make(connection, transaction, "SELECT sample FROM article_fingerprints WHERE id = $id", "$id");
        public SqliteCommand FindDuplicateOf { get; } = Make(connection, transaction, "SELECT duplicate_of FROM articles WHERE id = $id", "$id");
        public SqliteCommand InsertArticle { get; } = Make(connection, transaction, $"""
            INSERT INTO articles (title, body, source, url, published, published_day, duplicate_of, word_count, passage_count, content_hash, added_at{(legacyFingerprintColumn ? ", fingerprint" : "")})
            VALUES ($title, $body, $source, $url, $published, $day, $dup, $words, $passages, $hash, $added{(legacyFingerprintColumn ? ", x''" : "")}) RETURNING id
            """, "$title", "$body", "$source", "$url", "$published", "$day", "$dup", "$words", "$passages", "$hash", "$added");
        public SqliteCommand InsertFingerprint { get; } = Make(connection, transaction, "INSERT INTO article_fingerprints (id, sample) VALUES ($id, $sample)", "$id", "$sample");
        public SqliteCommand InsertPassage { get; } = Make(connection, transaction,
            "INSERT INTO passage_fts (rowid, title, text) VALUES ($rowid, $title, $text)", "$rowid", "$title", "$text");
        public SqliteCommand InsertKeys { get; } = Make(connection, transaction,
            "INSERT OR IGNORE INTO article_keys (hash, article_id) SELECT value, $id FROM json_each($keys)", "$keys", "$id");
        // "WHERE true" tells the parser that ON CONFLICT belongs to the INSERT, not to a join.
        public SqliteCommand AddSuggest { get; } = Make(connection, transaction, """
            INSERT INTO suggest_terms (key, display, weight)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each($terms) WHERE true
            ON CONFLICT (key) DO UPDATE SET weight = weight + excluded.weight
            """, "$terms");
        public SqliteCommand BumpVersion { get; } = Make(connection, transaction, "UPDATE meta SET value = value + 1 WHERE key = 'version'");

        /// <summary>The writer connection stays open, so its statements are finalised here rather than when it closes.</summary>
        public void Dispose()
        {
            foreach (var command in new[] { FindHash, CountKeys, ReadKeys, ReadFingerprint, FindDuplicateOf, InsertArticle, InsertFingerprint, InsertPassage, InsertKeys, AddSuggest, BumpVersion })
            {
                command.Dispose();
            }
        }

        private static SqliteCommand Make(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
            }
            return command;
        }
    }
}
