using System.CommandLine;
using System.Globalization;
using Bots.Cli.Load;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots bench load`: the four-process system (store, question answering, summariser, chat as separate processes,
/// never Bots.Host) under open-loop load: uncached gRPC asks at a fixed rate (2 × the Q&amp;A target by default) and a
/// stream of Telegram messages and signed Discord interactions through loopback stand-ins of both APIs. Prints
/// throughput, p50/p99 per kind, errors and lost messages; exits 1 when any request failed or was lost.
/// </summary>
public sealed class BenchLoadCommand : ICliCommand
{
    public string Parent => "bench";

    public Command Build()
    {
        var defaults = new LoadSettings();
        var rate = new Option<double>("--rate") { Description = "gRPC asks per second, open loop (2 × the Q&A target of 300/s)", DefaultValueFactory = _ => defaults.AsksPerSecond };
        var concurrency = new Option<int>("--concurrency") { Description = "Asks in flight, closed loop, instead of --rate (16 is 2 × the Q&A benchmark's concurrency of 8)", DefaultValueFactory = _ => defaults.AskConcurrency };
        var chatRate = new Option<double>("--chat-rate") { Description = "Chat messages per second, alternating Telegram and Discord", DefaultValueFactory = _ => defaults.ChatMessagesPerSecond };
        var duration = new Option<double>("--duration") { Description = "Seconds of measured load", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of untimed load first (drained before measuring)", DefaultValueFactory = _ => defaults.Warmup.TotalSeconds };
        var maxWarmup = new Option<double>("--max-warmup") { Description = "Seconds of warm-up at most: past --warmup it goes on in 5 s rounds until no service's JIT compiles 50 methods a round (tiered compilation settled)", DefaultValueFactory = _ => 90 };
        var probe = new Option<int>("--probe") { Description = "Asks sent one at a time after the run, to show what one ask costs with nothing queued", DefaultValueFactory = _ => defaults.ProbeAsks };
        var corpus = new Option<string>("--corpus") { Description = "Articles stored and questions asked: qa (`bots bench qa`'s, the workload of the Q&A target) or news (`bots bench store`'s long articles)", DefaultValueFactory = _ => defaults.Corpus };
        corpus.AcceptOnlyFromAmong(LoadCorpus.Names);
        var articles = new Option<int>("--articles") { Description = "Generated articles imported on top of the seeds", DefaultValueFactory = _ => defaults.Articles };
        var replyTimeout = new Option<double>("--reply-timeout") { Description = "Seconds after which a chat message without a reply counts as lost", DefaultValueFactory = _ => defaults.ReplyTimeout.TotalSeconds };
        var deadline = new Option<double>("--ask-deadline") { Description = "gRPC deadline of each ask, in seconds", DefaultValueFactory = _ => defaults.AskDeadline.TotalSeconds };
        var services = new Option<string?>("--services") { Description = "Folder of published services (<dir>/Bots.X/Bots.X.dll); default: the repository's build output" };
        var seeds = new Option<string?>("--seeds") { Description = "The store's seeds folder; default: the repository's seeds" };
        var qa = new Option<string?>("--qa") { Description = "Drive a running QuestionAnswering at this gRPC address instead of starting the processes (needs --store)" };
        var store = new Option<string?>("--store") { Description = "The running ArticleStore's gRPC address (the corpus is imported there)" };
        var chat = new Option<string?>("--chat") { Description = "The running Chat process's HTTP address; it must use the stand-ins below" };
        var telegramPort = new Option<int>("--telegram-api-port") { Description = "Port of the stand-in Telegram Bot API (0: free port)" };
        var discordPort = new Option<int>("--discord-api-port") { Description = "Port of the stand-in Discord API (0: free port)" };
        var discordKey = new Option<string?>("--discord-private-key") { Description = "Ed25519 private key (64 hex digits) signing the interactions; its public key is printed" };
        var command = new Command("load", "Load the four-process system with open-loop gRPC asks and chat messages; print throughput, p50/p99, errors and lost messages");
        foreach (var option in new Option[] { rate, concurrency, chatRate, duration, warmup, maxWarmup, probe, corpus, articles, replyTimeout, deadline, services, seeds, qa, store, chat, telegramPort, discordPort, discordKey })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            if (result.GetValue(chat) is { } given && HttpAddress(given) is null)
            {
                Console.Error.WriteLine("error: --chat must be the Chat process's http(s) address, e.g. http://127.0.0.1:8080.");
                return 2;
            }

            var settings = new LoadSettings
            {
                AsksPerSecond = result.GetValue(rate),
                AskConcurrency = result.GetValue(concurrency),
                ChatMessagesPerSecond = result.GetValue(chatRate),
                Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                Warmup = TimeSpan.FromSeconds(result.GetValue(warmup)),
                MaxWarmup = TimeSpan.FromSeconds(result.GetValue(maxWarmup)),
                Corpus = result.GetValue(corpus)!,
                Articles = result.GetValue(articles),
                ProbeAsks = result.GetValue(probe),
                ReplyTimeout = TimeSpan.FromSeconds(result.GetValue(replyTimeout)),
                AskDeadline = TimeSpan.FromSeconds(result.GetValue(deadline)),
                ServicesDir = result.GetValue(services),
                SeedsDir = result.GetValue(seeds),
                QuestionAnsweringAddress = result.GetValue(qa),
                ArticleStoreAddress = result.GetValue(store),
                ChatHttpAddress = HttpAddress(result.GetValue(chat)),
                TelegramApiPort = result.GetValue(telegramPort),
                DiscordApiPort = result.GetValue(discordPort),
                DiscordPrivateKeyHex = result.GetValue(discordKey),
            };
            if (Problem(settings) is { } problem)
            {
                Console.Error.WriteLine("error: " + problem);
                return 2;
            }

            var report = await RunAsync(settings, Console.Out, cancellationToken);
            return report.AllSucceeded ? 0 : 1;
        });
        return command;
    }

    /// <summary>Starts (or connects to) the system, imports the corpus, warms up, runs the measured load and the
    /// one-at-a-time probe, and prints both reports to <paramref name="log"/>; returns the load's.</summary>
    internal static async Task<LoadReport> RunAsync(LoadSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        await using var system = await LoadSystem.StartAsync(settings, log, cancellationToken);
        var corpus = LoadCorpus.Create(settings.Corpus, settings.Articles);
        var stats = await system.ImportCorpusAsync(corpus, settings.Articles, cancellationToken);
        log.WriteLine($"store: {stats.ArticleCount:N0} articles, {stats.PassageCount:N0} passages (seeds + {settings.Articles:N0} generated: {corpus.Description})");
        log.WriteLine("asks: every question is asked once, so none is served by the answer cache");
        using var driver = new LoadDriver(system, settings, new LoadQuestions(corpus));
        var (warmedUp, lastRoundJit) = await driver.WarmUpAsync(cancellationToken);
        await driver.SettleAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var jit = double.IsNaN(lastRoundJit)
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" (until the JIT settled: the last {settings.WarmupRound.TotalSeconds:0.#} s compiled at most {lastRoundJit:0} methods in a service)");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warmed up for {warmedUp.TotalSeconds:0.#} s{jit}; measuring for {settings.Duration.TotalSeconds:0.#} s"));
        var report = await driver.RunAsync(log, cancellationToken);
        report.Print(log);
        foreach (var process in system.Processes)
        {
            foreach (var (message, count) in process.LoggedErrors.Take(5))
            {
                log.WriteLine($"logged by {process.Project} since it started ({count}×): {message}");
            }
        }

        if (settings.ProbeAsks > 0)
        {
            var busy = await driver.SettleAsync(TimeSpan.FromSeconds(300), cancellationToken);
            log.WriteLine();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"after the last reply the services kept working for {busy.TotalSeconds:0} s (requests whose callers had given up, queued chat updates)"));
            (await driver.ProbeAsync(settings.ProbeAsks, cancellationToken)).Print(log);
        }

        return report;
    }

    private static Uri? HttpAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static string? Problem(LoadSettings settings) =>
        settings switch
        {
            { AsksPerSecond: < 0 } or { ChatMessagesPerSecond: < 0 } or { AskConcurrency: < 0 } => "--rate, --concurrency and --chat-rate must be 0 or more.",
            { AsksPerSecond: 0, AskConcurrency: 0, ChatMessagesPerSecond: 0 } => "--rate, --concurrency or --chat-rate must be above 0.",
            _ when settings.Duration <= TimeSpan.Zero || settings.Warmup < TimeSpan.Zero => "--duration must be above 0 and --warmup 0 or more.",
            _ when settings.ReplyTimeout <= TimeSpan.Zero || settings.AskDeadline <= TimeSpan.Zero => "--reply-timeout and --ask-deadline must be above 0.",
            { Articles: < 0 } or { ProbeAsks: < 0 } => "--articles and --probe must be 0 or more.",
            { QuestionAnsweringAddress: not null, ArticleStoreAddress: null } => "--qa needs --store: the corpus is imported through the store.",
            { DiscordPrivateKeyHex: { Length: not 64 } } => "--discord-private-key must be 64 hex digits.",
            { QuestionAnsweringAddress: { } address } when !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") =>
                "--qa must be an http(s) address such as http://127.0.0.1:50051.",
            _ => null,
        };
}
