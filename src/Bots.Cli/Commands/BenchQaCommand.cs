using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bots.Contracts.V1;
using Grpc.Net.Client;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots bench qa`: Ask latency (p50/p99) and throughput over gRPC, uncached, with the seed articles plus generated
/// news-like articles stored (10,000 by default) so that retrieval works against a realistically sized index.
/// </summary>
public sealed class BenchQaCommand : ICliCommand
{
    public string Parent => "bench";

    public Command Build()
    {
        var addressOption = new Option<string?>("--address") { Description = "gRPC address serving ArticleStore and QuestionAnswering; default: a fresh in-process system" };
        var articlesOption = new Option<int>("--articles") { Description = "Generated articles to store before measuring", DefaultValueFactory = _ => 10_000 };
        var asksOption = new Option<int>("--asks") { Description = "Asks to measure", DefaultValueFactory = _ => 3_000 };
        var concurrencyOption = new Option<int>("--concurrency") { Description = "Concurrent asks", DefaultValueFactory = _ => 8 };
        var answersOption = new Option<FileInfo?>("--answers") { Description = "Write every measured question with its reply to this file (tab-separated), to show a speed-up changed no answer" };
        var command = new Command("qa", "Benchmark Ask over gRPC: p50/p99 latency and asks/s with many articles stored");
        command.Options.Add(addressOption);
        command.Options.Add(articlesOption);
        command.Options.Add(asksOption);
        command.Options.Add(concurrencyOption);
        command.Options.Add(answersOption);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var articles = result.GetValue(articlesOption);
            var asks = result.GetValue(asksOption);
            var concurrency = result.GetValue(concurrencyOption);
            if (articles < 0 || asks < 1 || concurrency < 1)
            {
                Console.Error.WriteLine("--articles must be at least 0, --asks and --concurrency at least 1.");
                return 2;
            }

            await using var system = result.GetValue(addressOption) is null ? await InProcessQaSystem.StartAsync(InProcessQaSystem.FindSeeds(), cancellationToken) : null;
            using var channel = GrpcChannel.ForAddress(result.GetValue(addressOption) ?? system!.Address);
            var store = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
            var qa = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);

            var loading = Stopwatch.StartNew();
            var next = -1;
            // Answers compared across runs need the same article ids, so then the articles are stored one at a time.
            var loaders = result.GetValue(answersOption) is null ? concurrency : 1;
            await Task.WhenAll(Enumerable.Range(0, loaders).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < articles)
                {
                    await store.AddArticleAsync(QaBenchCorpus.Article(i), cancellationToken: cancellationToken);
                }
            }));
            var stats = await store.GetStatsAsync(new GetStatsRequest(), cancellationToken: cancellationToken);
            Console.WriteLine($"stored: {stats.ArticleCount:N0} articles, {stats.PassageCount:N0} passages (loading took {loading.Elapsed.TotalSeconds:0.0} s)");

            // Every question is asked once (warm-up, the loaded run, the one-reader run), so no answer cache can serve a measured one.
            var singleAsks = Math.Min(asks, SingleReaderAsks);
            var generated = QaBenchCorpus.Questions(WarmUpAsks * (1 + MaxExtraWarmUpRounds) + asks + singleAsks, Math.Max(1, articles));
            // Enough warm-up for the JIT to finish compiling the hot paths optimised: the figures are for a running service.
            // Tiered compilation goes on recompiling (instrumented, then optimised) well after the first asks, the longer the
            // busier the machine; a measured run overlapping it counts the compiler and the instrumented code as the
            // service's. So warm up until a round of asks has the JIT compile next to nothing. Extra rounds ask questions
            // generated after the measured ones, which stay the same questions whatever the warm-up took.
            await RunAsync(qa, generated[..WarmUpAsks], concurrency, cancellationToken);
            var warmUp = WarmUpAsks;
            var lastRoundCompiled = 0L;
            var extra = generated[(WarmUpAsks + asks + singleAsks)..];
            for (var round = 0; round < MaxExtraWarmUpRounds; round++)
            {
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                await RunAsync(qa, extra[(round * WarmUpAsks)..((round + 1) * WarmUpAsks)], concurrency, cancellationToken);
                warmUp += WarmUpAsks;
                lastRoundCompiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiled;
                if (lastRoundCompiled < SettledJitMethods)
                {
                    break;
                }
            }

            var loaded = await RunAsync(qa, generated[WarmUpAsks..(WarmUpAsks + asks)], concurrency, cancellationToken);
            var single = await RunAsync(qa, generated[(WarmUpAsks + asks)..(WarmUpAsks + asks + singleAsks)], 1, cancellationToken);
            if (result.GetValue(answersOption) is { } answersFile)
            {
                await File.WriteAllLinesAsync(answersFile.FullName, generated[WarmUpAsks..].Zip(loaded.Replies.Concat(single.Replies), Describe), cancellationToken);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"questions: {generated.Distinct(StringComparer.Ordinal).Count():N0} distinct of {generated.Length:N0} (each asked once, so never from the cache; {warmUp:N0} to warm up, the last {WarmUpAsks} of them compiling {lastRoundCompiled} methods), {loaded.Answered:N0} of the {asks:N0} measured answered"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Ask over gRPC, uncached: {asks:N0} asks, concurrency {concurrency}: p50 {loaded.P50:0.00} ms, p99 {loaded.P99:0.00} ms, {loaded.PerSecond:0} asks/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Ask over gRPC, uncached, one reader at a time: {singleAsks:N0} asks: p50 {single.P50:0.00} ms, p99 {single.P99:0.00} ms"));
            Console.WriteLine("targets: p50 ≤ 10 ms, p99 ≤ 50 ms, ≥ 300 asks/s");
            if (system is not null)
            {
                // Other work on the machine slows the wall clock, not the CPU each ask costs: say both.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"CPU per ask (client, QA and store in this process): {loaded.CpuPerAsk:0.00} ms on {Environment.ProcessorCount} cores; load average at the end: {LoadAverage()}"));
            }
            return 0;
        });
        return command;
    }

    private const int WarmUpAsks = 500;
    private const int MaxExtraWarmUpRounds = 8;

    /// <summary>Methods compiled during a warm-up round below which the JIT counts as settled.</summary>
    private const int SettledJitMethods = 20;
    private const int SingleReaderAsks = 300;

    private sealed record Run(int Answered, double P50, double P99, double PerSecond, double CpuPerAsk, AskResponse[] Replies);

    private static string Describe(string question, AskResponse reply) => string.Join('\t', question, reply.Answered ? "answered" : "declined",
        reply.Answer, reply.Confidence.ToString("0.00", CultureInfo.InvariantCulture), reply.Evidence, reply.Message,
        string.Join(" | ", reply.Citations.Select(c => $"{c.ArticleId.ToString(CultureInfo.InvariantCulture)} {c.Title}")));

    /// <summary>Asks every question once with <paramref name="concurrency"/> in flight.</summary>
    private static async Task<Run> RunAsync(Contracts.V1.QuestionAnswering.QuestionAnsweringClient qa, string[] questions, int concurrency, CancellationToken cancellationToken)
    {
        var answered = 0;
        var latencies = new double[questions.Length];
        var replies = new AskResponse[questions.Length];
        var issued = -1;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref issued)) < questions.Length)
            {
                var started = Stopwatch.GetTimestamp();
                var reply = await qa.AskAsync(new AskRequest { Question = questions[i] }, cancellationToken: cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                replies[i] = reply;
                if (reply.Answered)
                {
                    Interlocked.Increment(ref answered);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuPerAsk = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, questions.Length);
        Array.Sort(latencies);
        return questions.Length == 0
            ? new Run(0, 0, 0, 0, 0, replies)
            : new Run(answered, Percentile(latencies, 0.50), Percentile(latencies, 0.99), questions.Length / seconds, cpuPerAsk, replies);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
