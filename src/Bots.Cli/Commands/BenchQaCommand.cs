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
    private static readonly string[] People = ["Anna Keller", "Omar Haddad", "Li Wei", "Maria Santos", "Ivan Petrov", "Grace Mensah", "Kenji Sato", "Lucas Moreau", "Fatima Zahra", "Jonas Berg"];
    private static readonly string[] Titles = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "spokesman"];
    private static readonly string[] Places = ["Berlin", "Nairobi", "Jakarta", "Lima", "Oslo", "Cairo", "Hanoi", "Warsaw", "Dakar", "Manila", "Ankara", "Seoul"];
    private static readonly string[] Topics = ["trade", "energy", "security", "climate", "health", "transport", "water", "education"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Questions =
    [
        "When did Abbas visit Moscow?",
        "Where did Putin meet Abbas on August 13, 2024?",
        "Who is the Palestinian president?",
        "How much aid did the Russian Emergencies Ministry send to Gaza?",
        "When did Abbas visit Tokyo?",
        "Where did Lavrov meet Gulf Arab foreign ministers?",
        "When did Anna Keller visit Nairobi?",
        "Who signed the energy agreement in Oslo?",
    ];

    public string Parent => "bench";

    public Command Build()
    {
        var addressOption = new Option<string?>("--address") { Description = "gRPC address serving ArticleStore and QuestionAnswering; default: a fresh in-process system" };
        var articlesOption = new Option<int>("--articles") { Description = "Generated articles to store before measuring", DefaultValueFactory = _ => 10_000 };
        var asksOption = new Option<int>("--asks") { Description = "Asks to measure", DefaultValueFactory = _ => 3_000 };
        var concurrencyOption = new Option<int>("--concurrency") { Description = "Concurrent asks", DefaultValueFactory = _ => 8 };
        var command = new Command("qa", "Benchmark Ask over gRPC: p50/p99 latency and asks/s with many articles stored");
        command.Options.Add(addressOption);
        command.Options.Add(articlesOption);
        command.Options.Add(asksOption);
        command.Options.Add(concurrencyOption);
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
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < articles)
                {
                    await store.AddArticleAsync(Generate(i), cancellationToken: cancellationToken);
                }
            }));
            var stats = await store.GetStatsAsync(new GetStatsRequest(), cancellationToken: cancellationToken);
            Console.WriteLine($"stored: {stats.ArticleCount:N0} articles, {stats.PassageCount:N0} passages (loading took {loading.Elapsed.TotalSeconds:0.0} s)");

            // Warm up connections, JIT and SQLite's page cache before measuring.
            for (var i = 0; i < 40; i++)
            {
                await qa.AskAsync(new AskRequest { Question = Questions[i % Questions.Length] }, cancellationToken: cancellationToken);
            }

            var latencies = new double[asks];
            var issued = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref issued)) < asks)
                {
                    var started = Stopwatch.GetTimestamp();
                    await qa.AskAsync(new AskRequest { Question = Questions[i % Questions.Length] }, cancellationToken: cancellationToken);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            var seconds = clock.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Ask over gRPC, uncached: {asks:N0} asks, concurrency {concurrency}: p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, {asks / seconds:0} asks/s"));
            Console.WriteLine("targets: p50 ≤ 10 ms, p99 ≤ 50 ms, ≥ 300 asks/s");
            return 0;
        });
        return command;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A deterministic, news-like article: who went where, when, about what, with an amount.</summary>
    private static AddArticleRequest Generate(int i)
    {
        var random = new Random(i);
        string Pick(string[] items) => items[random.Next(items.Length)];
        var person = Pick(People);
        var title = Pick(Titles);
        var place = Pick(Places);
        var topic = Pick(Topics);
        var month = Pick(Months);
        var day = random.Next(1, 28);
        var year = random.Next(1990, 2025);
        var amount = random.Next(2, 900);
        var body = string.Join("\n",
            $"{title} {person} visited {place} on {month} {day}, {year} for talks on {topic}.",
            $"During the two-day visit, {person} met local officials and signed a {topic} agreement worth ${amount} million.",
            $"Officials in {place} said {amount} tons of equipment would follow, and that talks would resume next year.",
            $"Analysts said the {topic} deal could shape relations for a decade. Story {i.ToString(CultureInfo.InvariantCulture)}.");
        return new AddArticleRequest
        {
            Title = $"{person} in {place}: {topic} talks ({i.ToString(CultureInfo.InvariantCulture)})",
            Body = body,
            Source = "Bench Wire",
            Published = new DateOnly(year, 1, 1).AddDays(random.Next(0, 360)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
