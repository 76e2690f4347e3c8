using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bots.ArticleStore;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Search;
using Bots.ArticleStore.Storage;
using Microsoft.Data.Sqlite;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots bench store`: imports generated news corpora (Zipf vocabulary, named people, places and
/// organisations, dates and figures; 500–900 words an article) into a fresh SQLite store, then
/// times searches through the store next to the same FTS5 query run directly on the same
/// database. Prints import articles/s, search p50/p99, disk and memory.
/// </summary>
public sealed class BenchStoreCommand : ICliCommand
{
    public string Parent => "bench";

    public Command Build()
    {
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes, comma separated", DefaultValueFactory = _ => "10000,100000" };
        var queries = new Option<int>("--queries") { Description = "Timed searches per corpus", DefaultValueFactory = _ => 500 };
        var folder = new Option<string?>("--dir") { Description = "Where to put the databases (default: a temporary folder, deleted afterwards)" };
        var results = new Option<string?>("--results")
        {
            Description = "Write every timed query's hits (article, passage, score) and digests of the stored tables to this file, {size} replaced by the corpus size: two runs must give byte-identical files",
        };
        var command = new Command("store", "Benchmark article import and search on generated corpora");
        command.Options.Add(sizes);
        var warmup = new Option<int>("--warmup") { Description = "Articles imported untimed into a scratch store first, so the timed imports measure a store whose code the JIT has compiled (0: none)", DefaultValueFactory = _ => 3000 };
        command.Options.Add(warmup);
        command.Options.Add(queries);
        command.Options.Add(folder);
        command.Options.Add(results);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var root = result.GetValue(folder) ?? Path.Combine(Path.GetTempPath(), "bots-bench-store-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            var keep = result.GetValue(folder) is not null;
            var counts = result.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            Console.WriteLine("Target: import >= 1,000 articles/s; search p50 <= 5 ms, p99 <= 25 ms at 100,000 articles; store <= 1.5x direct FTS5.");
            Console.WriteLine("/cpu-s: articles imported per second of process CPU; cpu p50/p99: store search on the thread's CPU clock; f cpu: the same for direct FTS5.");
            Console.WriteLine("writer ms an article: wr cpu = CPU inside write transactions; locked = wall time holding the write lock (catch-up = of it, waiting for the checkpoint); sync = callers' wait for the WAL fsync.");
            Console.WriteLine("writer CPU by step, ms an article: lookup = identical and same-story lookup; rows = article, fingerprint and duplicate-key rows; suggest = suggest terms and version; index = FTS5 passages; commit.");
            Console.WriteLine();
            Console.WriteLine($"{"articles",9} {"import/s",9} {"/cpu-s",9} {"passages",9} {"store p50",10} {"store p99",10} {"cpu p50",9} {"cpu p99",9} {"fts5 p50",9} {"fts5 p99",9} {"ratio50",8} {"ratio99",8} {"f cpu50",9} {"f cpu99",9} {"cpu r50",8} {"1 OR p50",9} {"1 OR p99",9} {"disk MB",8} {"peak MB",8} {"wr cpu",7} {"locked",7} {"catchup",7} {"sync",7} {"lookup",7} {"rows",7} {"suggest",7} {"index",7} {"commit",7} {"load",6}");
            try
            {
                if (result.GetValue(warmup) is > 0 and var warm)
                {
                    // A long-running store has its import path compiled by the tiered JIT; a 10,000-article run from a
                    // cold process would mostly time the compiler.
                    await WarmUpAsync(Path.Combine(root, "warmup"), warm, cancellationToken);
                    Console.WriteLine($"(warm-up: {warm:N0} articles imported untimed into a scratch store first)");
                }

                foreach (var count in counts)
                {
                    var resultsPath = result.GetValue(results)?.Replace("{size}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                    var row = await RunAsync(Path.Combine(root, count.ToString(CultureInfo.InvariantCulture)), count, result.GetValue(queries), resultsPath, cancellationToken);
                    Console.WriteLine(row);
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (!keep && Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
            return 0;
        });
        return command;
    }

    private static async Task WarmUpAsync(string folder, int count, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using (var repository = new SqliteArticleRepository(Path.Combine(folder, "articles.db")))
        {
            await repository.InitializeAsync(cancellationToken);
            var library = new ArticleLibrary(repository, new ArticleIngestor(2 * 1024 * 1024));
            await foreach (var item in library.ImportAsync(GenerateAsync(new NewsCorpus(seed: 7), count, new GenerationClock()), cancellationToken))
            {
                if (item.Error is not null)
                {
                    throw new InvalidOperationException("a generated article was refused: " + item.Error);
                }
            }
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> RunAsync(string folder, int count, int queryCount, string? resultsPath, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var path = Path.Combine(folder, "articles.db");
        await using var repository = new SqliteArticleRepository(path);
        await repository.InitializeAsync(cancellationToken);
        var library = new ArticleLibrary(repository, new ArticleIngestor(2 * 1024 * 1024));
        var corpus = new NewsCorpus(seed: 20240813);

        // One stream of `count` articles through the pipelined import the ImportArticles RPC and `bots import`
        // use, as a user importing a large collection sends it. The articles are generated as the import reads
        // them (holding them all would add gigabytes to the memory figure); generating costs about a twentieth
        // of importing, is left in the wall time and taken out of the CPU time.
        var generation = new GenerationClock();
        var importTime = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await foreach (var item in library.ImportAsync(GenerateAsync(corpus, count, generation), cancellationToken))
        {
            if (item.Error is not null)
            {
                throw new InvalidOperationException("a generated article was refused: " + item.Error);
            }
        }
        importTime.Stop();
        // On a shared machine wall time mostly measures the neighbours; CPU time measures the store.
        var importCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore - TimeSpan.FromMilliseconds(generation.CpuMilliseconds);
        var importRate = count / importTime.Elapsed.TotalSeconds;
        var writes = repository.WriterStatistics;
        var hits = resultsPath is null ? null : new StringBuilder();

        var stats = await library.GetStatsAsync(cancellationToken);
        var queries = Enumerable.Range(0, queryCount + 50).Select(_ => corpus.NextQuery()).ToList();
        // "Direct" runs the same FTS5 statements the store runs (Fts5Ranking) on a bare connection, so the
        // ratio is the store's own cost; "one OR" is the single bm25 statement that scores every match,
        // printed to show what the tiers save.
        await using var direct = new SqliteConnection($"Data Source={path}");
        direct.Open();
        await using var naive = direct.CreateCommand();
        naive.CommandText = $"SELECT rowid, {Fts5Sql.Rank} AS score FROM passage_fts WHERE passage_fts MATCH $match ORDER BY score LIMIT 10";
        naive.Parameters.AddWithValue("$match", "");
        var storeTimes = new List<double>();
        var storeCpuTimes = new List<double>();
        var directCpuTimes = new List<double>();
        var directTimes = new List<double>();
        var naiveTimes = new List<double>();
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            var parsed = QueryParser.TryParse(query, out _)!;
            double storeMs = 0, storeCpuMs = 0, directMs = 0, directCpuMs = 0;
            // Whichever runs first reads the query's pages from the OS; alternate so neither side always pays.
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn + i) % 2 == 0)
                {
                    var clock = Stopwatch.StartNew();
                    var cpuStart = ThreadCpuClock.Milliseconds();
                    var found = await library.SearchAsync(query, 10, "", "", "", cancellationToken);
                    if (hits is not null && i >= 50)
                    {
                        hits.Append(CultureInfo.InvariantCulture, $"{query}\n");
                        foreach (var hit in found)
                        {
                            hits.Append(CultureInfo.InvariantCulture, $"  {hit.ArticleId} {hit.PassageIndex} {hit.Score:R} {hit.DuplicateOf}\n");
                        }
                    }
                    storeMs = clock.Elapsed.TotalMilliseconds;
                    storeCpuMs = ThreadCpuClock.Milliseconds() - cpuStart;
                }
                else
                {
                    var clock = Stopwatch.StartNew();
                    var cpuStart = ThreadCpuClock.Milliseconds();
                    Fts5Ranking.Rank(direct, parsed, SearchFilter.None, 10);
                    directMs = clock.Elapsed.TotalMilliseconds;
                    directCpuMs = ThreadCpuClock.Milliseconds() - cpuStart;
                }
            }

            naive.Parameters["$match"].Value = QuerySyntax.ToFts5(parsed);
            var naiveClock = Stopwatch.StartNew();
            await using (var reader = await naive.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    _ = reader.GetInt64(0);
                }
            }
            var naiveMs = naiveClock.Elapsed.TotalMilliseconds;
            if (i >= 50)
            {
                // The first queries warm caches and the JIT; they are not timed.
                storeTimes.Add(storeMs);
                storeCpuTimes.Add(storeCpuMs);
                directCpuTimes.Add(directCpuMs);
                directTimes.Add(directMs);
                naiveTimes.Add(naiveMs);
            }
        }
        var disk = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1048576.0;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        var (s50, s99, d50, d99) = (Percentile(storeTimes, 50), Percentile(storeTimes, 99), Percentile(directTimes, 50), Percentile(directTimes, 99));
        var (n50, n99) = (Percentile(naiveTimes, 50), Percentile(naiveTimes, 99));
        var (c50, c99) = (Percentile(storeCpuTimes, 50), Percentile(storeCpuTimes, 99));
        var (dc50, dc99) = (Percentile(directCpuTimes, 50), Percentile(directCpuTimes, 99));
        if (resultsPath is not null)
        {
            await File.WriteAllTextAsync(resultsPath, hits!.Append(TableDigests(direct)).ToString(), cancellationToken);
        }
        var perArticle = (double milliseconds) => milliseconds / Math.Max(1, writes.Articles);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"{count,9:N0} {importRate,9:N0} {count / importCpu.TotalSeconds,9:N0} {stats.PassageCount,9:N0} {s50,8:F2}ms {s99,8:F2}ms {c50,7:F2}ms {c99,7:F2}ms {d50,7:F2}ms {d99,7:F2}ms {s50 / d50,7:F2}x {s99 / d99,7:F2}x {dc50,7:F2}ms {dc99,7:F2}ms {c50 / dc50,7:F2}x {n50,7:F2}ms {n99,7:F2}ms {disk,8:N0} {peak,8:N0} {perArticle(writes.CpuMilliseconds),7:F3} {perArticle(writes.LockedMilliseconds),7:F3} {perArticle(writes.CatchUpMilliseconds),7:F3} {perArticle(writes.DurableWaitMilliseconds),7:F3} {perArticle(writes.Phases.Lookup),7:F3} {perArticle(writes.Phases.Rows),7:F3} {perArticle(writes.Phases.Suggest),7:F3} {perArticle(writes.Phases.Index),7:F3} {perArticle(writes.Phases.Commit),7:F3} {load,6}");
    }

    /// <summary>A digest of each stored table's rows in key order: duplicate links, suggest terms, duplicate keys, fingerprints.</summary>
    private static string TableDigests(SqliteConnection connection)
    {
        var digests = new StringBuilder();
        foreach (var (table, sql) in new[]
        {
            ("articles", "SELECT id, duplicate_of, content_hash, title, published, passage_count FROM articles ORDER BY id"),
            ("suggest_terms", "SELECT key, display, weight FROM suggest_terms ORDER BY key"),
            ("article_keys", "SELECT hash, article_id FROM article_keys ORDER BY hash, article_id"),
            ("article_fingerprints", "SELECT id, hex(sample) FROM article_fingerprints ORDER BY id"),
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var rows = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows++;
                    for (var c = 0; c < reader.FieldCount; c++)
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture) + "\t"));
                    }
                }
            }
            digests.Append(CultureInfo.InvariantCulture, $"{table}: {rows} rows, sha256 {Convert.ToHexString(hash.GetHashAndReset())}\n");
        }
        return digests.ToString();
    }

    private static async IAsyncEnumerable<ArticleInput> GenerateAsync(NewsCorpus corpus, int count, GenerationClock clock)
    {
        await Task.CompletedTask;
        for (var i = 0; i < count; i++)
        {
            var start = ThreadCpuClock.Milliseconds();
            var article = corpus.NextArticle();
            clock.CpuMilliseconds += ThreadCpuClock.Milliseconds() - start;
            yield return article;
        }
    }

    /// <summary>CPU spent generating the corpus, which is not the store's work.</summary>
    private sealed class GenerationClock
    {
        public double CpuMilliseconds { get; set; }
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    /// <summary>
    /// A deterministic news corpus: English function words at the top of a Zipf vocabulary of
    /// generated content words, per-article topics, recurring people, places and organisations,
    /// dates, figures and quotes.
    /// </summary>
    internal sealed class NewsCorpus
    {
        private static readonly string[] FunctionWords =
        [
            "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "was", "with", "he", "it", "as", "at", "by", "said", "his", "from",
            "be", "have", "has", "had", "not", "are", "this", "but", "they", "were", "which", "an", "their", "would", "been", "after", "who",
            "will", "more", "also", "its", "than", "about", "into", "over", "two", "when", "new", "last", "year", "could", "there", "other",
            "some", "people", "first", "government", "week", "told", "state", "while", "officials", "between", "against", "where", "because",
        ];
        private static readonly string[] Syllables =
        [
            "ba", "ro", "lin", "tes", "ka", "mor", "vel", "dan", "si", "qua", "ter", "pol", "mi", "nor", "gal", "ven", "tri", "sor", "pe", "lum",
            "cha", "dro", "fen", "gri", "hal", "jor", "kel", "mas", "nup", "ost", "pra", "rud", "sta", "tov", "ul", "vin", "wes", "yar", "zel", "ex",
        ];
        private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

        private readonly Random random;
        private readonly string[] vocabulary;
        private readonly double[] cumulative;
        private readonly string[] people;
        private readonly string[] places;
        private readonly string[] organisations;
        private readonly string[] sources;
        private readonly List<(string Person, string Place, string Topic)> queryPool = [];

        public NewsCorpus(int seed)
        {
            random = new Random(seed);
            var words = new HashSet<string>(FunctionWords, StringComparer.Ordinal);
            var list = new List<string>(FunctionWords);
            while (list.Count < 40_000)
            {
                var word = Word(2 + random.Next(3)) + (random.Next(6) == 0 ? "s" : "");
                if (words.Add(word))
                {
                    list.Add(word);
                }
            }
            vocabulary = [.. list];
            cumulative = new double[vocabulary.Length];
            var total = 0.0;
            for (var i = 0; i < vocabulary.Length; i++)
            {
                total += 1.0 / Math.Pow(i + 1, 1.07);
                cumulative[i] = total;
            }
            people = Enumerable.Range(0, 3000).Select(_ => $"{Capital(Word(2 + random.Next(2)))} {Capital(Word(2 + random.Next(2)))}").ToArray();
            places = Enumerable.Range(0, 800).Select(_ => Capital(Word(2 + random.Next(3)))).ToArray();
            organisations = Enumerable.Range(0, 500).Select(_ => random.Next(2) == 0 ? $"Ministry of {Capital(Word(3))}" : $"{Capital(Word(3))} {(random.Next(2) == 0 ? "Council" : "Institute")}").ToArray();
            sources = Enumerable.Range(0, 40).Select(_ => $"The {Capital(Word(3))} {(random.Next(2) == 0 ? "Times" : "Post")}").ToArray();
        }

        public ArticleInput NextArticle()
        {
            var cast = Enumerable.Range(0, 2 + random.Next(4)).Select(_ => people[Skewed(people.Length)]).ToArray();
            var where = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => places[Skewed(places.Length)]).ToArray();
            var bodies = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => organisations[Skewed(organisations.Length)]).ToArray();
            var topic = Enumerable.Range(0, 40).Select(_ => vocabulary[FunctionWords.Length + random.Next(4000)]).ToArray();
            if (random.Next(20) == 0)
            {
                queryPool.Add((cast[0], where[0], topic[0]));
            }
            var text = new StringBuilder(6000);
            var paragraphs = 8 + random.Next(7);
            for (var p = 0; p < paragraphs; p++)
            {
                var sentences = 2 + random.Next(3);
                for (var s = 0; s < sentences; s++)
                {
                    if (s > 0)
                    {
                        text.Append(' ');
                    }
                    AppendSentence(text, cast, where, bodies, topic);
                }
                text.Append("\n\n");
            }
            var title = $"{cast[0]} {Pick(topic)} {Pick(topic)} in {where[0]} as {Pick(topic)} {NextContentWord()}";
            var day = new DateOnly(2023, 1, 1).AddDays(random.Next(3 * 365));
            return new ArticleInput(title, text.ToString(), sources[Skewed(sources.Length)], "", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        public string NextQuery()
        {
            var (person, place, topic) = queryPool.Count > 0 ? queryPool[random.Next(queryPool.Count)] : (people[0], places[0], vocabulary[200]);
            // One to four content words: a place, a name, a name with a subject, questions.
            return random.Next(6) switch
            {
                0 => place,
                1 => person,
                2 => $"{person} {topic}",
                3 => $"\"{person}\" {place} {topic}",
                4 => $"When did {person} visit {place}?",
                _ => $"What did {person} say about the {topic} in {place}?",
            };
        }

        private void AppendSentence(StringBuilder text, string[] cast, string[] where, string[] bodies, string[] topic)
        {
            var quote = random.Next(8) == 0;
            var length = 8 + random.Next(22);
            var start = text.Length;
            if (quote)
            {
                text.Append('"');
            }
            for (var w = 0; w < length; w++)
            {
                if (w > 0)
                {
                    text.Append(' ');
                }
                var roll = random.NextDouble();
                text.Append(roll switch
                {
                    < 0.06 => Pick(cast),
                    < 0.09 => Pick(where),
                    < 0.10 => Pick(bodies),
                    < 0.11 => $"on {Months[random.Next(12)]} {1 + random.Next(28)}, {2022 + random.Next(4)}",
                    < 0.12 => $"{1 + random.Next(900)}{(random.Next(2) == 0 ? " per cent" : " million")}",
                    < 0.30 => Pick(topic),
                    _ => NextWord(),
                });
            }
            text[start + (quote ? 1 : 0)] = char.ToUpperInvariant(text[start + (quote ? 1 : 0)]);
            text.Append(quote ? $",\" {Pick(cast)} said." : ".");
        }

        private string NextWord()
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return vocabulary[index < 0 ? ~index : index];
        }

        private string NextContentWord() => vocabulary[FunctionWords.Length + random.Next(vocabulary.Length - FunctionWords.Length)];

        private string Pick(string[] items) => items[random.Next(items.Length)];

        // A few names and places recur in many stories, most in few.
        private int Skewed(int length) => (int)(length * Math.Pow(random.NextDouble(), 2.5));

        private string Word(int syllables)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < syllables; i++)
            {
                builder.Append(Syllables[random.Next(Syllables.Length)]);
            }
            return builder.ToString();
        }

        private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
    }
}
