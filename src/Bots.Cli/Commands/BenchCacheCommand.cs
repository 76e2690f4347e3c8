using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bots.Caching;
using Bots.Caching.Redis;
using Bots.Contracts.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots bench cache`: the cache's speed, each section a table of requests/s and latency percentiles.
/// Section 1 puts redis-benchmark's GET figures next to our client's GET on the same server in the same run.
/// Further sections (e.g. cached Ask over gRPC) are added as another Run…SectionAsync returning rows.
/// </summary>
public sealed class BenchCacheCommand : ICliCommand
{
    public string Parent => "bench";

    public Command Build()
    {
        var redisOption = new Option<string?>("--redis")
        {
            Description = "Redis connection string (Bots:Redis form); default: a private redis-server on a free port",
        };
        var requestsOption = new Option<int>("--requests") { Description = "GETs per client", DefaultValueFactory = _ => 100_000 };
        var concurrencyOption = new Option<int>("--concurrency") { Description = "Concurrent requests", DefaultValueFactory = _ => 32 };
        var sizeOption = new Option<int>("--value-size") { Description = "Bytes in the value read", DefaultValueFactory = _ => 256 };
        var command = new Command("cache", "Benchmark the Redis cache: redis-benchmark GET vs our client's GET on the same server");
        command.Options.Add(redisOption);
        command.Options.Add(requestsOption);
        command.Options.Add(concurrencyOption);
        command.Options.Add(sizeOption);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var requests = result.GetValue(requestsOption);
            var concurrency = result.GetValue(concurrencyOption);
            var size = result.GetValue(sizeOption);
            if (requests < 1 || concurrency < 1 || size < 0)
            {
                Console.Error.WriteLine("--requests and --concurrency must be at least 1, --value-size at least 0.");
                return 2;
            }
            await using var server = result.GetValue(redisOption) is { } given ? null : await PrivateRedisServer.StartAsync(cancellationToken);
            var config = RedisConfiguration.Parse(result.GetValue(redisOption) ?? server!.ConnectionString);
            config.SyncTimeout = TimeSpan.FromSeconds(30);
            var rows = await RunRedisGetSectionAsync(config, requests, concurrency, size, cancellationToken);
            PrintSection($"Redis GET on {config.FormatEndPoint()}: {requests:N0} requests, concurrency {concurrency}, {size}-byte value", rows);
            rows = await RunResponseCacheSectionAsync(config, requests, concurrency, cancellationToken);
            PrintSection($"ResponseCache hits (AskResponse) through RedisCache and the circuit breaker: {requests:N0} requests, concurrency {concurrency}", rows);
            var asks = Math.Min(requests, 20_000);
            rows = await RunCachedAskSectionAsync(config, asks, concurrency, cancellationToken);
            PrintSection($"Cached Ask over gRPC (store + QA in process, Redis cache): {asks:N0} asks, concurrency {concurrency}; targets: server p50 ≤ 1 ms, ≥ 5,000 asks/s", rows);
            return 0;
        });
        return command;
    }

    private sealed record BenchRow(string Name, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, string Note = "");

    private static async Task<IReadOnlyList<BenchRow>> RunRedisGetSectionAsync(RedisConfiguration config, int requests, int concurrency, int size, CancellationToken cancellationToken)
    {
        // redis-benchmark's GET reads this literal key; store a value so both clients read real bytes, not nil.
        const string key = "key:__rand_int__";
        await using var connection = await RedisConnection.ConnectAsync(config, cancellationToken: cancellationToken);
        var db = connection.GetDatabase();
        await db.StringSetAsync(key, new string('x', size), cancellationToken: cancellationToken);

        var rows = new List<BenchRow> { await RunRedisBenchmarkAsync(config, requests, concurrency, size, cancellationToken) };
        async Task GetAsync(CancellationToken ct)
        {
            if ((await db.StringGetAsync(key, ct)).IsNull)
            {
                throw new InvalidOperationException($"GET {key} returned nil during the benchmark.");
            }
        }
        await MeasureAsync("warm-up", GetAsync, Math.Min(requests, 10_000), concurrency, cancellationToken);
        rows.Add(await MeasureAsync("Bots.Caching client (1 multiplexed connection)", GetAsync, requests, concurrency, cancellationToken));
        return rows;
    }

    private static async Task<IReadOnlyList<BenchRow>> RunResponseCacheSectionAsync(RedisConfiguration config, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bots:Redis"] = config.ToString(includePassword: true),
            ["Bots:Cache:InstanceName"] = "bench:",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddBotsCache(settings).BuildServiceProvider();
        var cache = services.GetRequiredService<ResponseCache>();
        var answer = new AskResponse
        {
            Answered = true,
            Answer = "12–14 August 2024",
            Evidence = "Palestinian President Mahmoud Abbas arrived in Moscow on 12 August for a three-day visit.",
            Confidence = 0.92,
            Citations = { new Citation { Title = "Abbas visits Moscow", Source = "Global Times", Url = "https://example.org/abbas" } },
        };
        var question = QuestionNormalizer.Normalize("When did Abbas visit Moscow?");
        var computed = 0;
        async Task AskAsync(CancellationToken ct) =>
            await cache.GetOrCreateAsync("answer", question, "1", _ =>
            {
                Interlocked.Increment(ref computed);
                return Task.FromResult(answer);
            }, ct);
        await MeasureAsync("warm-up", AskAsync, Math.Min(requests, 10_000), concurrency, cancellationToken);
        var row = await MeasureAsync("ResponseCache.GetOrCreateAsync hit", AskAsync, requests, concurrency, cancellationToken);
        return [row with { Note = computed == 1 ? "" : $"({computed} computed: the cache missed)" }];
    }

    private static async Task<IReadOnlyList<BenchRow>> RunCachedAskSectionAsync(RedisConfiguration config, int asks, int concurrency, CancellationToken cancellationToken)
    {
        await using var system = await InProcessQaSystem.StartAsync(InProcessQaSystem.FindSeeds(), cancellationToken, [$"--Bots:Redis={config.ToString(includePassword: true)}"]);
        using var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress(system.Address);
        var qa = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);
        string[] questions = ["When did Abbas visit Moscow?", "Who won the Palestinian elections in 2006?", "Where did Lavrov meet Gulf Arab foreign ministers?", "Who is the Palestinian president?"];
        foreach (var question in questions)
        {
            await qa.AskAsync(new AskRequest { Question = question }, cancellationToken: cancellationToken);
        }

        // Server-side time: the service's own duration histogram, read as each call ends.
        var serverMs = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Bots.Grpc.Server" && instrument.Name == "bots.grpc.server.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "method" && (string?)tag.Value == "Ask")
                {
                    serverMs.Add(seconds * 1000);
                }
            }
        });
        listener.Start();
        var counter = -1;
        var row = await MeasureAsync("Ask over gRPC, cached (client-side)", async ct =>
        {
            var question = questions[(Interlocked.Increment(ref counter) & int.MaxValue) % questions.Length];
            if (!(await qa.AskAsync(new AskRequest { Question = question }, cancellationToken: ct)).Answered)
            {
                throw new InvalidOperationException($"'{question}' was not answered during the benchmark.");
            }
        }, asks, concurrency, cancellationToken);
        listener.Dispose();
        var server = serverMs.Order().ToArray();
        double At(double p) => server.Length == 0 ? double.NaN : server[Math.Min(server.Length - 1, (int)Math.Ceiling(p * server.Length) - 1)];
        return [row, new BenchRow("Ask, server-side (Bots.Grpc.Server duration)", row.RequestsPerSecond, At(0.50), At(0.95), At(0.99))];
    }

    private static async Task<BenchRow> MeasureAsync(string name, Func<CancellationToken, Task> operation, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new long[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(cancellationToken);
                latencies[index] = Stopwatch.GetTimestamp() - started;
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(requests - 1, (int)(p * requests))] * 1000.0 / Stopwatch.Frequency;
        return new BenchRow(name, requests / elapsed.TotalSeconds, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    private static async Task<BenchRow> RunRedisBenchmarkAsync(RedisConfiguration config, int requests, int concurrency, int size, CancellationToken cancellationToken)
    {
        const string name = "redis-benchmark -t get";
        var start = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-h", config.Host, "-p", config.EffectivePort.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", concurrency.ToString(CultureInfo.InvariantCulture), "-d", size.ToString(CultureInfo.InvariantCulture), "--dbnum", config.DefaultDatabase.ToString(CultureInfo.InvariantCulture), "-t", "get", "--csv" })
        {
            start.ArgumentList.Add(arg);
        }
        if (config.Password is not null)
        {
            start.ArgumentList.Add("-a");
            start.ArgumentList.Add(config.Password);
            if (config.User is not null)
            {
                start.ArgumentList.Add("--user");
                start.ArgumentList.Add(config.User);
            }
        }
        if (config.Ssl)
        {
            start.ArgumentList.Add("--tls");
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new BenchRow(name, double.NaN, double.NaN, double.NaN, double.NaN, "not installed (apt-get install redis-tools)");
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("\"GET\"", StringComparison.Ordinal));
            var fields = line?.Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            if (process.ExitCode != 0 || fields is not { Length: >= 7 })
            {
                return new BenchRow(name, double.NaN, double.NaN, double.NaN, double.NaN, $"failed: {errors.Trim()} {output.Trim()}".Trim());
            }
            double Field(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            return new BenchRow(name + $" ({concurrency} connections)", Field(1), Field(4), Field(5), Field(6));
        }
    }

    private static void PrintSection(string title, IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine(title);
        Console.WriteLine($"  {"client",-52} {"req/s",12} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.Name,-52} {row.RequestsPerSecond,12:N0} {row.P50Ms,8:0.000} {row.P95Ms,8:0.000} {row.P99Ms,8:0.000} {row.Note}").TrimEnd());
        }
        Console.WriteLine();
    }

    /// <summary>A throw-away redis-server for the run when no --redis is given.</summary>
    private sealed class PrivateRedisServer : IAsyncDisposable
    {
        private readonly Process _process;

        private PrivateRedisServer(Process process, int port)
        {
            _process = process;
            ConnectionString = $"127.0.0.1:{port}";
        }

        public string ConnectionString { get; }

        public static async Task<PrivateRedisServer> StartAsync(CancellationToken cancellationToken)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath() })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
            var server = new PrivateRedisServer(process, port);
            var config = RedisConfiguration.Parse(server.ConnectionString + ",connectTimeout=200,connectRetry=1");
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await (await RedisConnection.ConnectAsync(config, cancellationToken: cancellationToken)).DisposeAsync();
                    return server;
                }
                catch (RedisConnectionException) when (attempt < 50 && !process.HasExited)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
