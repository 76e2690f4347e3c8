using System.CommandLine;
using System.Globalization;
using Bots.Summarizer.Articles;
using Bots.Summarizer.Evaluation;
using Bots.Summarizer.Summaries;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots eval summaries`: ROUGE of the article summariser against reference extractive summaries, next to
/// Lead-k and plain TextRank on the same stored sentences.
/// </summary>
public sealed class EvalSummariesCommand : ICliCommand
{
    // The weights were tuned on these categories; the others are the check.
    private static readonly HashSet<string> TuningCategories = new(StringComparer.OrdinalIgnoreCase) { "business", "entertainment" };

    public string Parent => "eval";

    public Command Build()
    {
        var dir = new Option<string?>("--dir") { Description = "corpus folder with article/CATEGORY/NNN.txt and summary/CATEGORY/NNN.txt (default: ../shared/data/bbc-summary beside the repository)" };
        var noStem = new Option<bool>("--no-stem") { Description = "score without Porter stemming (ROUGE-1.5.5 without -m)" };
        var command = new Command("summaries", "ROUGE-1/2/L F of article summaries vs Lead-k and TextRank");
        command.Options.Add(dir);
        command.Options.Add(noStem);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var directory = result.GetValue(dir) ?? SharedData.Find(Path.Combine("data", "bbc-summary"));
            if (directory is null || !Directory.Exists(directory))
            {
                Console.Error.WriteLine($"corpus not found ({directory ?? "../shared/data/bbc-summary"}); pass --dir");
                return 2;
            }
            return await RunAsync(directory, !result.GetValue(noStem), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string directory, bool stem, CancellationToken cancellationToken)
    {
        var corpus = SummaryCorpus.Load(directory);
        if (corpus.Count == 0)
        {
            Console.Error.WriteLine($"no article with a reference summary under {directory}");
            return 2;
        }

        // Each article goes into a store and is read back by id, as the service reads it.
        var store = new InMemoryArticleSource();
        var stored = new Dictionary<ReferenceArticle, IReadOnlyList<DocumentSentence>>();
        foreach (var article in corpus)
        {
            var id = store.Add(article.Title, article.Body, source: "BBC", url: $"bbc-summary/{article.Category}/{article.Name}");
            var read = await store.GetArticleAsync(id, cancellationToken) ?? throw new InvalidOperationException($"article {id} was not stored");
            stored[article] = ArticleSummarizer.BodySentences(read);
        }

        var rouge = new Rouge(stem);
        var evaluation = new SummaryEvaluation(rouge, new SentenceRanker());
        Console.WriteLine($"{corpus.Count} articles from {directory}");
        Console.WriteLine($"ROUGE F1, mean over articles; tokens lower-cased, split on non-alphanumerics, {(stem ? "Porter-stemmed when longer than 3 characters (ROUGE-1.5.5 -m)" : "not stemmed")}, stop words kept; ROUGE-L summary-level (union LCS).");
        Console.WriteLine("Each summary has as many sentences as its reference.");
        Print("all", evaluation.Run(corpus, a => stored[a]));

        var tuning = corpus.Where(a => TuningCategories.Contains(a.Category)).ToList();
        var check = corpus.Where(a => !TuningCategories.Contains(a.Category)).ToList();
        if (tuning.Count > 0 && check.Count > 0)
        {
            Print("tuned on (business, entertainment)", evaluation.Run(tuning, a => stored[a]));
            Print("held out (other categories)", evaluation.Run(check, a => stored[a]));
        }
        return 0;
    }

    private static void Print(string label, IReadOnlyList<RougeTotals> totals)
    {
        Console.WriteLine();
        Console.WriteLine($"{label} ({totals[0].Articles} articles)");
        Console.WriteLine($"  {"system",-10} {"ROUGE-1",8} {"ROUGE-2",8} {"ROUGE-L",8}");
        foreach (var total in totals)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total.System,-10} {total.Rouge1,8:F4} {total.Rouge2,8:F4} {total.RougeL,8:F4}"));
        }
    }
}
