using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bots.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots eval squad --file FILE.json`: stores every SQuAD v1.1 paragraph as an article in a fresh store, asks every
/// question over gRPC and prints exact match and token F1 with the official normalisation (best over the gold answers;
/// a declined question scores 0).
/// </summary>
public sealed partial class EvalSquadCommand : ICliCommand
{
    public string Parent => "eval";

    public Command Build()
    {
        var fileOption = new Option<FileInfo>("--file") { Description = "SQuAD v1.1 JSON file", Required = true };
        var addressOption = new Option<string?>("--address") { Description = "gRPC address serving ArticleStore and QuestionAnswering (e.g. Bots.Host); default: a fresh in-process system. The store should be empty." };
        var limitOption = new Option<int>("--limit") { Description = "Ask at most this many questions (0 = all)", DefaultValueFactory = _ => 0 };
        var verboseOption = new Option<bool>("--verbose") { Description = "Print every question with its answer and the gold answers" };
        var paragraphsOption = new Option<string?>("--paragraphs") { Description = "Ask only the questions of these paragraphs (1-based, e.g. \"1-30\" to develop on and \"31-55\" to report on); every paragraph is stored either way" };
        var command = new Command("squad", "Open-book SQuAD v1.1 evaluation: EM and F1 over gRPC");
        command.Options.Add(fileOption);
        command.Options.Add(addressOption);
        command.Options.Add(limitOption);
        command.Options.Add(verboseOption);
        command.Options.Add(paragraphsOption);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var file = result.GetValue(fileOption)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"--file: {file.FullName} does not exist.");
                return 2;
            }

            List<(string Title, string Context, List<(string Question, List<string> Answers)> Questions)> paragraphs;
            try
            {
                paragraphs = Read(file.FullName);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine($"--file: {file.Name} is not SQuAD v1.1 JSON ({e.Message}).");
                return 2;
            }

            if (!TryParseRange(result.GetValue(paragraphsOption), paragraphs.Count, out var first, out var last))
            {
                Console.Error.WriteLine($"--paragraphs: expected a range like 1-30 within 1-{paragraphs.Count}.");
                return 2;
            }

            await using var system = result.GetValue(addressOption) is null ? await InProcessQaSystem.StartAsync(null, cancellationToken) : null;
            using var channel = GrpcChannel.ForAddress(result.GetValue(addressOption) ?? system!.Address);
            var store = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
            var qa = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);

            foreach (var (title, context, _) in paragraphs)
            {
                await store.AddArticleAsync(new AddArticleRequest { Title = title, Body = context, Source = "SQuAD" }, cancellationToken: cancellationToken);
            }

            var limit = result.GetValue(limitOption);
            var verbose = result.GetValue(verboseOption);
            double exact = 0, f1 = 0;
            int asked = 0, answered = 0;
            foreach (var (question, answers) in paragraphs.Skip(first - 1).Take(last - first + 1).SelectMany(p => p.Questions))
            {
                if (limit > 0 && asked >= limit)
                {
                    break;
                }

                string prediction;
                string why;
                var evidence = string.Empty;
                try
                {
                    var reply = await qa.AskAsync(new AskRequest { Question = question }, cancellationToken: cancellationToken);
                    prediction = reply.Answered ? reply.Answer : string.Empty;
                    evidence = reply.Evidence;
                    why = reply.Answered ? reply.Confidence.ToString("0.00", CultureInfo.InvariantCulture) : "declined: " + reply.Message;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
                {
                    prediction = string.Empty;
                    why = e.Status.Detail;
                }

                asked++;
                answered += prediction.Length > 0 ? 1 : 0;
                var em = answers.Max(gold => Normalize(prediction) == Normalize(gold) ? 1.0 : 0.0);
                var f = answers.Max(gold => TokenF1(prediction, gold));
                exact += em;
                f1 += f;
                if (verbose)
                {
                    Console.WriteLine($"{f.ToString("0.00", CultureInfo.InvariantCulture)}  {question}  →  {prediction}  | gold: {string.Join(" / ", answers.Distinct())}  [{why}]");
                    if (f < 1 && evidence.Length > 0)
                    {
                        // Tells a wrong sentence (ranking) from a wrong span in the right one (extraction).
                        var has = answers.Any(gold => Normalize(evidence).Contains(Normalize(gold), StringComparison.Ordinal));
                        Console.WriteLine($"      {(has ? "span" : "sentence")} miss; evidence: {evidence}");
                    }
                }
            }

            Console.WriteLine($"paragraphs stored: {paragraphs.Count}, questions of paragraphs {first}-{last} asked: {asked}, answered: {answered}");
            Console.WriteLine($"exact match: {(asked == 0 ? 0 : 100 * exact / asked).ToString("0.0", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"F1:          {(asked == 0 ? 0 : 100 * f1 / asked).ToString("0.0", CultureInfo.InvariantCulture)}");
            return 0;
        });
        return command;
    }

    private static bool TryParseRange(string? text, int count, out int first, out int last)
    {
        (first, last) = (1, count);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(parts.Length == 2 ? parts[1] : parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && first >= 1 && first <= last && last <= count;
    }

    /// <summary>The official SQuAD v1.1 normalisation: lower case, no punctuation, no articles, single spaces.</summary>
    public static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            // Python's string.punctuation: ASCII only.
            if (!(c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c))))
            {
                builder.Append(c);
            }
        }

        return string.Join(' ', Articles().Replace(builder.ToString(), " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Token-overlap F1 between a prediction and one gold answer, after normalisation.</summary>
    public static double TokenF1(string prediction, string gold)
    {
        var predicted = Normalize(prediction).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = Normalize(gold).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (predicted.Length == 0 || expected.Length == 0)
        {
            return predicted.Length == expected.Length ? 1 : 0;
        }

        var counts = expected.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var token in predicted)
        {
            if (counts.TryGetValue(token, out var n) && n > 0)
            {
                counts[token] = n - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / predicted.Length;
        var recall = (double)common / expected.Length;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<(string Title, string Context, List<(string Question, List<string> Answers)> Questions)> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var paragraphs = new List<(string, string, List<(string, List<string>)>)>();
        foreach (var article in document.RootElement.GetProperty("data").EnumerateArray())
        {
            var title = (article.TryGetProperty("title", out var t) ? t.GetString() : null)?.Replace('_', ' ') ?? "SQuAD";
            var index = 0;
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                index++;
                var questions = paragraph.GetProperty("qas").EnumerateArray()
                    .Select(qa => (qa.GetProperty("question").GetString() ?? string.Empty,
                        qa.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString() ?? string.Empty).ToList()))
                    .Where(q => q.Item2.Count > 0)
                    .ToList();
                paragraphs.Add(($"{title} ({index.ToString(CultureInfo.InvariantCulture)})", paragraph.GetProperty("context").GetString() ?? string.Empty, questions));
            }
        }

        return paragraphs;
    }

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex Articles();
}
