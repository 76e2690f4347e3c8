using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bots.ArticleStore;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.QuestionAnswering;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots eval qa --questions FILE.jsonl`: asks every question over gRPC and judges the short answers as
/// ../shared/eval/README.md says (every group of alternatives must occur in the normalised answer;
/// unanswerable questions must be declined).
/// </summary>
public sealed class EvalQaCommand : ICliCommand
{
    public string Parent => "eval";

    public Command Build()
    {
        var questionsOption = new Option<FileInfo>("--questions") { Description = "Question file (JSON lines: q, all | unanswerable)", Required = true };
        var addressOption = new Option<string?>("--address") { Description = "QuestionAnswering gRPC address; default: a fresh in-process store and QA service over the seeds" };
        var seedsOption = new Option<DirectoryInfo?>("--seeds") { Description = "Seed articles for the in-process system; default: the repository's seeds folder" };
        var verboseOption = new Option<bool>("--verbose") { Description = "Print every question, answer and evidence" };
        var command = new Command("qa", "Judge question answering on a question set (exact rules of ../shared/eval/README.md)");
        command.Options.Add(questionsOption);
        command.Options.Add(addressOption);
        command.Options.Add(seedsOption);
        command.Options.Add(verboseOption);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var file = result.GetValue(questionsOption)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"--questions: {file.FullName} does not exist.");
                return 2;
            }

            var items = new List<JsonElement>();
            foreach (var (line, number) in File.ReadLines(file.FullName).Select((l, i) => (l, i + 1)).Where(p => !string.IsNullOrWhiteSpace(p.l)))
            {
                try
                {
                    var item = JsonDocument.Parse(line).RootElement;
                    if (!item.TryGetProperty("q", out _))
                    {
                        throw new JsonException("no \"q\"");
                    }

                    items.Add(item);
                }
                catch (JsonException e)
                {
                    Console.Error.WriteLine($"{file.Name}:{number}: not a question object ({e.Message}).");
                    return 2;
                }
            }

            await using var system = result.GetValue(addressOption) is null
                ? await InProcessQaSystem.StartAsync((result.GetValue(seedsOption)?.FullName) ?? InProcessQaSystem.FindSeeds(), cancellationToken)
                : null;
            using var channel = GrpcChannel.ForAddress(result.GetValue(addressOption) ?? system!.Address);
            var client = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);
            var verbose = result.GetValue(verboseOption);

            int answerable = 0, answerableRight = 0, unanswerable = 0, declined = 0;
            foreach (var item in items)
            {
                var question = item.GetProperty("q").GetString() ?? string.Empty;
                AskResponse reply;
                try
                {
                    reply = await client.AskAsync(new AskRequest { Question = question }, cancellationToken: cancellationToken);
                }
                catch (RpcException e)
                {
                    reply = new AskResponse { Answered = false, Message = $"{e.StatusCode}: {e.Status.Detail}" };
                }

                var isUnanswerable = item.TryGetProperty("unanswerable", out var u) && u.ValueKind == JsonValueKind.True;
                var right = isUnanswerable ? !reply.Answered : reply.Answered && Judge.Matches(item, reply.Answer);
                if (isUnanswerable)
                {
                    unanswerable++;
                    declined += right ? 1 : 0;
                }
                else
                {
                    answerable++;
                    answerableRight += right ? 1 : 0;
                }

                Console.WriteLine($"{(right ? "RIGHT" : "WRONG")}  {question}  →  {(reply.Answered ? reply.Answer : "(declined) " + reply.Message)}");
                if (verbose && reply.Answered)
                {
                    Console.WriteLine($"       evidence: {reply.Evidence}  [confidence {reply.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}]");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"answerable right:      {answerableRight}/{answerable} ({Percent(answerableRight, answerable)})");
            Console.WriteLine($"unanswerable declined: {declined}/{unanswerable} ({Percent(declined, unanswerable)})");
            Console.WriteLine($"overall:               {answerableRight + declined}/{items.Count} ({Percent(answerableRight + declined, items.Count)})");
            return 0;
        });
        return command;
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The judging rule of ../shared/eval/README.md.</summary>
    internal static class Judge
    {
        public static string Normalize(string answer)
        {
            var text = answer.ToLowerInvariant().Replace('’', '\'');
            text = Regex.Replace(text, "[,.;:!?()\"]", " ");
            return Regex.Replace(text, @"\s+", " ").Trim();
        }

        public static bool Matches(JsonElement item, string answer)
        {
            var normalized = Normalize(answer);
            return item.TryGetProperty("all", out var groups) && groups.ValueKind == JsonValueKind.Array
                && groups.EnumerateArray().All(group => group.EnumerateArray().Any(alternative => normalized.Contains(alternative.GetString() ?? "\u0000", StringComparison.Ordinal)));
        }
    }
}

/// <summary>
/// A fresh article store and question-answering service in this process, on free loopback ports, with its data in
/// a temporary folder that is deleted on dispose: what `eval` and `bench` use when no --address is given.
/// </summary>
internal sealed class InProcessQaSystem : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDir;

    private InProcessQaSystem(WebApplication app, string dataDir, int grpcPort)
    {
        this.app = app;
        this.dataDir = dataDir;
        Address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{grpcPort}");
    }

    public string Address { get; }

    public static async Task<InProcessQaSystem> StartAsync(string? seedsDir, CancellationToken cancellationToken, IReadOnlyList<string>? settings = null)
    {
        var grpcPort = FreePort();
        var httpPort = FreePort();
        var dataDir = Path.Combine(Path.GetTempPath(), "bots-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        string[] args =
        [
            $"--Bots:GrpcPort={grpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Bots:HttpPort={httpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Bots:DataDir={dataDir}",
            $"--Bots:SeedsDir={seedsDir ?? string.Empty}",
            $"--Services:ArticleStore=http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft=Warning",
            .. settings ?? [],
        ];
        var builder = WebApplication.CreateBuilder(args);
        builder.AddBotsDefaults("bots-eval");
        builder.AddArticleStore();
        builder.AddQuestionAnswering();
        var app = builder.Build();
        app.MapBotsDefaults();
        app.MapArticleStore();
        app.MapQuestionAnswering();
        await app.StartAsync(cancellationToken);
        return new InProcessQaSystem(app, dataDir, grpcPort);
    }

    /// <summary>The repository's seeds folder, looked for from the working folder upwards.</summary>
    public static string? FindSeeds()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bots.sln")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
