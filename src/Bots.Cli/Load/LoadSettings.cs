namespace Bots.Cli.Load;

/// <summary>What one `bots bench load` run offers the system, and where the system is.</summary>
internal sealed record LoadSettings
{
    /// <summary>Open-loop arrival rate of gRPC Ask calls (2 × the Q&amp;A target of 300 asks/s by default).</summary>
    public double AsksPerSecond { get; init; } = 600;

    /// <summary>
    /// When above 0, asks run closed loop instead: this many readers each ask again as soon as their answer comes
    /// (the shape of the Q&amp;A benchmark's "concurrency 8"), and <see cref="AsksPerSecond"/> is not used.
    /// </summary>
    public int AskConcurrency { get; init; }

    /// <summary>Arrival rate of chat messages, alternating Telegram updates and Discord interactions.</summary>
    public double ChatMessagesPerSecond { get; init; } = 20;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Untimed traffic before the measured window: JIT, connections, SQLite's page cache.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// When set, warm-up goes on past <see cref="Warmup"/> in rounds of <see cref="WarmupRound"/> while any service's JIT
    /// compiled <see cref="JitSettledMethods"/> methods or more in the last round, up to this much warm-up in all: tiered
    /// compilation recompiles hot code (instrumented, then optimised) for a while, and a measured window overlapping it
    /// bills the compiler and the slower code to the service. Null: <see cref="Warmup"/> only.
    /// </summary>
    public TimeSpan? MaxWarmup { get; init; }

    public TimeSpan WarmupRound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Methods compiled in a warm-up round below which a service's JIT counts as settled.</summary>
    public int JitSettledMethods { get; init; } = 50;

    /// <summary>Asks sent one at a time after the run, to show what one ask costs with nothing queued (0: none).</summary>
    public int ProbeAsks { get; init; } = 100;

    /// <summary>
    /// Which generated articles are stored and asked about (<see cref="LoadCorpus.Names"/>): by default `bots bench qa`'s,
    /// the workload the Q&amp;A target is set on, as this run offers twice that target.
    /// </summary>
    public string Corpus { get; init; } = "qa";

    /// <summary>Generated articles imported on top of the seeds before the run.</summary>
    public int Articles { get; init; } = 10_000;

    /// <summary>A chat message with no reply this long after it was sent counts as lost.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The deadline every Ask carries, as a real client's would.</summary>
    public TimeSpan AskDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Folder with the published services (&lt;dir&gt;/Bots.X/Bots.X.dll); null: the repository's build output.</summary>
    public string? ServicesDir { get; init; }

    /// <summary>The store's Bots:SeedsDir; null: the repository's seeds folder.</summary>
    public string? SeedsDir { get; init; }

    /// <summary>Set to drive already-running services instead of starting them (then also <see cref="ArticleStoreAddress"/>).</summary>
    public string? QuestionAnsweringAddress { get; init; }

    public string? ArticleStoreAddress { get; init; }

    /// <summary>The running Chat process's HTTP endpoint (Discord interactions); null: no chat traffic when connecting.</summary>
    public Uri? ChatHttpAddress { get; init; }

    /// <summary>Ports for the stand-in Telegram and Discord APIs (0: free ports), fixed when a running Chat process points at them.</summary>
    public int TelegramApiPort { get; init; }

    public int DiscordApiPort { get; init; }

    /// <summary>Ed25519 private key (hex) that signs the Discord interactions; null: a new one each run.</summary>
    public string? DiscordPrivateKeyHex { get; init; }

    public string TelegramToken { get; init; } = "7000000001:LOAD-test_token";

    public bool ConnectsToRunningServices => QuestionAnsweringAddress is not null;
}
