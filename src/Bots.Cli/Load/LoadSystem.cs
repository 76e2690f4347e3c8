using Bots.Contracts.V1;
using Bots.StandIns;
using Grpc.Net.Client;

namespace Bots.Cli.Load;

/// <summary>
/// The four-process system under load: Bots.ArticleStore, Bots.QuestionAnswering, Bots.Summarizer and Bots.Chat as
/// separate processes finding each other through Services:* addresses (or already-running ones), and the stand-in
/// Telegram Bot API and Discord API the Chat process talks to.
/// </summary>
internal sealed class LoadSystem : IAsyncDisposable
{
    private readonly List<ServiceLauncher> _processes = [];
    private readonly DirectoryInfo? _dataDir;

    private LoadSystem(TelegramBotApiStandIn telegram, DiscordApiStandIn discord, DiscordInteractionSigner signer, DirectoryInfo? dataDir)
    {
        Telegram = telegram;
        Discord = discord;
        DiscordSigner = signer;
        _dataDir = dataDir;
    }

    public TelegramBotApiStandIn Telegram { get; }

    public DiscordApiStandIn Discord { get; }

    /// <summary>Signs the interactions the run posts to the Chat process, with the key whose public half Chat checks.</summary>
    public DiscordInteractionSigner DiscordSigner { get; }

    public string ArticleStoreAddress { get; private set; } = "";

    public string QuestionAnsweringAddress { get; private set; } = "";

    /// <summary>The Chat process's HTTP endpoint, or null when no chat traffic is driven.</summary>
    public Uri? ChatHttpAddress { get; private set; }

    /// <summary>The processes this run started (none when it connected to running ones).</summary>
    public IReadOnlyList<ServiceLauncher> Processes => _processes;

    public static async Task<LoadSystem> StartAsync(LoadSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var signer = new DiscordInteractionSigner(settings.DiscordPrivateKeyHex);
        var telegram = await TelegramBotApiStandIn.StartAsync(settings.TelegramToken, "news_bot", settings.TelegramApiPort, cancellationToken);
        var discord = await DiscordApiStandIn.StartAsync(DiscordInteractionSigner.ApplicationId, DiscordInteractionSigner.BotToken, settings.DiscordApiPort, cancellationToken);
        var system = new LoadSystem(telegram, discord, signer, settings.ConnectsToRunningServices ? null : Directory.CreateTempSubdirectory("bots-load-"));
        try
        {
            if (settings.ConnectsToRunningServices)
            {
                system.QuestionAnsweringAddress = settings.QuestionAnsweringAddress!;
                system.ArticleStoreAddress = settings.ArticleStoreAddress
                    ?? throw new ArgumentException("--store is needed with --qa: the corpus is imported through the store.");
                system.ChatHttpAddress = settings.ChatHttpAddress;
                log.WriteLine($"connecting to QA {system.QuestionAnsweringAddress}, store {system.ArticleStoreAddress}, chat {system.ChatHttpAddress?.ToString() ?? "(none: asks only)"}");
                log.WriteLine("note: the generated questions are the same every run; flush the answer cache (Redis, or restart QA) between runs, or a second run measures the cache");
                log.WriteLine($"stand-ins: Telegram:ApiBaseUrl={telegram.BaseUrl} (token {settings.TelegramToken}), Discord:ApiBaseUrl={discord.ApiBaseUrl}, Discord:PublicKey={signer.PublicKeyHex}");
            }
            else
            {
                await system.StartProcessesAsync(settings, log, cancellationToken);
            }

            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Imports <paramref name="count"/> generated articles through the store's ImportArticles stream.</summary>
    public async Task<StoreStats> ImportCorpusAsync(LoadCorpus corpus, int count, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(ArticleStoreAddress);
        var store = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
        if (count > 0)
        {
            using var call = store.ImportArticles(cancellationToken: cancellationToken);
            var sending = Task.Run(
                async () =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        await call.RequestStream.WriteAsync(corpus.NextArticle());
                    }

                    await call.RequestStream.CompleteAsync();
                },
                cancellationToken);
            var refused = new List<string>();
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                if (call.ResponseStream.Current.Error is { Length: > 0 } error)
                {
                    refused.Add(error);
                }
            }

            await sending;
            if (refused.Count > 0)
            {
                throw new InvalidOperationException($"The store refused {refused.Count} generated articles, e.g.: {refused[0]}");
            }
        }

        return await store.GetStatsAsync(new GetStatsRequest(), cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Chat first, so it does not log the other services going away as failures.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].DisposeAsync();
        }

        await Telegram.DisposeAsync();
        await Discord.DisposeAsync();
        try
        {
            _dataDir?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing the run for.
        }
    }

    private async Task StartProcessesAsync(LoadSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var seeds = settings.SeedsDir ?? (ServiceLauncher.RepositoryRoot() is { } root ? Path.Combine(root, "seeds") : "");
        var store = await StartAsync("Bots.ArticleStore", settings, new()
        {
            ["Bots:DataDir"] = Path.Combine(_dataDir!.FullName, "store"),
            ["Bots:SeedsDir"] = seeds,
        }, log, cancellationToken);
        ArticleStoreAddress = store.GrpcAddress;
        var questionAnswering = await StartAsync("Bots.QuestionAnswering", settings, new() { ["Services:ArticleStore"] = store.GrpcAddress }, log, cancellationToken);
        QuestionAnsweringAddress = questionAnswering.GrpcAddress;
        var summarizer = await StartAsync("Bots.Summarizer", settings, new() { ["Services:ArticleStore"] = store.GrpcAddress }, log, cancellationToken);
        var chat = await StartAsync("Bots.Chat", settings, new()
        {
            ["Bots:DataDir"] = Path.Combine(_dataDir.FullName, "chat"),
            ["Services:ArticleStore"] = store.GrpcAddress,
            ["Services:QuestionAnswering"] = questionAnswering.GrpcAddress,
            ["Services:Summarizer"] = summarizer.GrpcAddress,
            ["Telegram:BotToken"] = settings.TelegramToken,
            ["Telegram:ApiBaseUrl"] = Telegram.BaseUrl,
            ["Discord:PublicKey"] = DiscordSigner.PublicKeyHex,
            ["Discord:ApplicationId"] = DiscordInteractionSigner.ApplicationId,
            ["Discord:BotToken"] = DiscordInteractionSigner.BotToken,
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl,
            ["Chat:Console"] = "false",
        }, log, cancellationToken);
        ChatHttpAddress = chat.HttpAddress;
    }

    private async Task<ServiceLauncher> StartAsync(string project, LoadSettings settings, Dictionary<string, string> values, TextWriter log, CancellationToken cancellationToken)
    {
        var process = await ServiceLauncher.StartAsync(project, values, settings.ServicesDir, cancellationToken);
        _processes.Add(process);
        log.WriteLine($"started {project}: gRPC {process.GrpcAddress}, HTTP {process.HttpAddress}");
        return process;
    }
}
