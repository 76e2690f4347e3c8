using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bots.Summarizer.Articles;
using Bots.Summarizer.Evaluation;
using Bots.Summarizer.Summaries;
using Bots.Summarizer.Topics;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots bench summary`: latency of an article summary of a 1,000-word article (target p50 ≤ 20 ms) and of a
/// topic summary over 50 articles (target p50 ≤ 200 ms), in process, on real BBC news text.
/// </summary>
public sealed class BenchSummaryCommand : ICliCommand
{
    private const int ArticleWords = 1000;
    private const int TopicArticles = 50;

    public string Parent => "bench";

    public Command Build()
    {
        var dir = new Option<string?>("--dir") { Description = "BBC News Summary folder for the text (default: ../shared/data/bbc-summary beside the repository)" };
        var iterations = new Option<int>("--iterations") { Description = "timed runs of each case", DefaultValueFactory = _ => 200 };
        var command = new Command("summary", "article summary (1,000 words) and topic summary (50 articles) latency, p50/p95");
        command.Options.Add(dir);
        command.Options.Add(iterations);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var directory = result.GetValue(dir) ?? SharedData.Find(Path.Combine("data", "bbc-summary"));
            if (directory is null || !Directory.Exists(directory))
            {
                Console.Error.WriteLine($"corpus not found ({directory ?? "../shared/data/bbc-summary"}); pass --dir");
                return 2;
            }
            var runs = result.GetValue(iterations);
            if (runs < 1)
            {
                Console.Error.WriteLine("--iterations must be at least 1");
                return 2;
            }
            await RunAsync(SummaryCorpus.Load(directory), runs, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(IReadOnlyList<ReferenceArticle> corpus, int runs, CancellationToken cancellationToken)
    {
        var long1000 = LongArticle(corpus);
        var words = long1000.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var summarizer = new ArticleSummarizer(new InMemoryArticleSource(), new SentenceRanker());
        var article = Measure(runs, () => summarizer.Summarize(long1000, 3));
        Print($"article summary, {words} words, {DocumentSentence.Split(long1000.Body).Count} sentences, 3 sentences out", article, 20);

        var store = new InMemoryArticleSource();
        var ids = corpus.Select(a => store.Add(a.Title, a.Body, source: $"source-{a.Category}", published: "2005-01-01")).ToList();
        var found = new List<TopicArticle>();
        for (var i = 0; i < TopicArticles && i < ids.Count; i++)
        {
            var stored = await store.GetArticleAsync(ids[i], cancellationToken);
            found.Add(new TopicArticle(stored!, 1.0 / (i + 1), i, ""));
        }
        const string query = "government plans for the economy and growth";
        var topic = Measure(runs, () => TopicSummarizer.Summarize(query, found, 5));
        Print($"topic summary over {found.Count} articles ({found.Sum(f => f.Article.Body.Length) / 1024} KiB), 5 sentences out", topic, 200);

        var options = new TopicOptions { MaxArticles = TopicArticles, PassagesPerSearch = 100 };
        var topics = new TopicSummarizer(new TopicRetrieval(store, options), options);
        var request = new TopicRequest(query, 5);
        var endToEnd = Measure(runs, () => topics.SummarizeAsync(request, cancellationToken).GetAwaiter().GetResult());
        Print($"topic summary with search of {store.Count} in-memory articles (up to {TopicArticles} read)", endToEnd, 200);
    }

    // Real news text: articles of one category joined until the body reaches 1,000 words.
    private static SourceArticle LongArticle(IReadOnlyList<ReferenceArticle> corpus)
    {
        var lines = new List<string>();
        var count = 0;
        foreach (var article in corpus)
        {
            foreach (var line in article.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (count >= ArticleWords)
                {
                    break;
                }
                lines.Add(line);
                count += line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            }
        }
        return new SourceArticle(1, corpus[0].Title, string.Join("\n", lines), "BBC", "", "2005-01-01", 0);
    }

    private static double[] Measure<T>(int runs, Func<T> action)
    {
        for (var i = 0; i < Math.Min(20, runs); i++)
        {
            action();
        }
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static void Print(string label, double[] sorted, double targetP50)
    {
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var p50 = At(0.50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: p50 {p50:F2} ms, p95 {At(0.95):F2} ms, max {sorted[^1]:F2} ms over {sorted.Length} runs; target p50 <= {targetP50} ms: {(p50 <= targetP50 ? "met" : "MISSED")}"));
    }
}
