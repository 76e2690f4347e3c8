using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots bench grpc`: small unary calls (grpc.health.v1.Health/Check) per second and p50/p99 latency on
/// loopback for our client → our server, grpcio client → our server and grpcio client → grpcio server.
/// </summary>
public sealed class BenchGrpcCommand : ICliCommand
{
    private const double TargetCallsPerSecond = 15_000;
    private const double TargetP99Milliseconds = 5;

    public string Parent => "bench";

    public Command Build()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds measured per scenario", DefaultValueFactory = _ => 5 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of warm-up before each measurement", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight", DefaultValueFactory = _ => 32 };
        var processes = new Option<int>("--python-processes") { Description = "Processes the grpcio client spreads its calls over (one GIL each)", DefaultValueFactory = _ => 2 };
        var python = new Option<string?>("--python") { Description = "python3 with grpcio (default: /usr/bin/python3, then python3 on PATH)" };
        var command = new Command("grpc", "Unary calls/s and p50/p99 on loopback: our client/server against grpcio");
        command.Options.Add(duration);
        command.Options.Add(warmup);
        command.Options.Add(concurrency);
        command.Options.Add(processes);
        command.Options.Add(python);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var settings = new Settings(
                TimeSpan.FromSeconds(result.GetValue(warmup)),
                TimeSpan.FromSeconds(result.GetValue(duration)),
                result.GetValue(concurrency),
                result.GetValue(processes),
                result.GetValue(python));
            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"gRPC unary benchmark: grpc.health.v1.Health/Check on loopback (h2c), concurrency {settings.Concurrency}, {settings.Duration.TotalSeconds:0.#} s after {settings.Warmup.TotalSeconds:0.#} s warm-up");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine();

        await using var ourServer = await OurServer.StartAsync(cancellationToken);
        var results = new List<(string Scenario, Result Result)>
        {
            ("our client   -> our server", await MeasureAsync(() => RunOurClientAsync(ourServer.Address, settings, cancellationToken), inProcess: true)),
        };
        Print(results[^1]);

        var pythonPath = settings.Python ?? FindPython();
        var script = FindScript();
        if (pythonPath is null || script is null)
        {
            Console.WriteLine($"grpcio scenarios skipped: {(pythonPath is null ? "python3 with grpcio not found (apt-get install python3-grpcio)" : "tools/bench/grpc_bench.py not found")}");
        }
        else
        {
            results.Add(("grpcio client -> our server", await MeasureAsync(() => RunPythonClientAsync(pythonPath, script, $"127.0.0.1:{ourServer.Port}", settings, cancellationToken), inProcess: true)));
            Print(results[^1]);
            await using var grpcioServer = await PythonServer.StartAsync(pythonPath, script, cancellationToken);
            results.Add(("grpcio client -> grpcio server", await RunPythonClientAsync(pythonPath, script, $"127.0.0.1:{grpcioServer.Port}", settings, cancellationToken)));
            Print(results[^1]);
            results.Add(("our client   -> grpcio server", await RunOurClientAsync($"http://127.0.0.1:{grpcioServer.Port}", settings, cancellationToken)));
            Print(results[^1]);
        }

        Console.WriteLine();
        var ours = results[0].Result;
        var meetsTarget = ours.CallsPerSecond >= TargetCallsPerSecond && ours.P99Milliseconds <= TargetP99Milliseconds;
        Console.WriteLine($"target (our client -> our server): >= {TargetCallsPerSecond:N0} calls/s and p99 <= {TargetP99Milliseconds} ms: {(meetsTarget ? "met" : "NOT met")}");
        if (results.Count >= 3)
        {
            var onOurs = results[1].Result.CallsPerSecond;
            var onGrpcio = results[2].Result.CallsPerSecond;
            Console.WriteLine($"same grpcio client, our server vs grpcio server: {onOurs:N0} vs {onGrpcio:N0} calls/s ({onOurs / onGrpcio:0.00}x)");
        }

        return 0;
    }

    private static void Print((string Scenario, Result Result) row)
    {
        var r = row.Result;
        var cost = r.CpuMicrosecondsPerCall is { } cpu
            ? $"   this process: {cpu,5:0.0} µs CPU, {r.BytesPerCall / 1024.0,5:0.0} KiB allocated per call"
            : "";
        Console.WriteLine($"{row.Scenario,-32} {r.CallsPerSecond,10:N0} calls/s   p50 {r.P50Milliseconds,6:0.00} ms   p99 {r.P99Milliseconds,6:0.00} ms   ({r.Calls:N0} calls){cost}");
    }

    /// <summary>Runs a scenario and adds what it cost this process (CPU, allocations) per call, a figure other load on the machine hardly changes.</summary>
    private static async Task<Result> MeasureAsync(Func<Task<Result>> scenario, bool inProcess)
    {
        if (!inProcess)
        {
            return await scenario();
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = await scenario();
        process.Refresh();
        var calls = Math.Max(1, result.TotalCalls);
        return result with
        {
            CpuMicrosecondsPerCall = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / calls,
            BytesPerCall = (GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)calls,
        };
    }

    private static async Task<Result> RunOurClientAsync(string address, Settings settings, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new Health.HealthClient(channel);
        var request = new HealthCheckRequest();
        await client.CheckAsync(request, cancellationToken: cancellationToken);

        var measureFrom = Stopwatch.GetTimestamp() + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(64 * 1024);
            var calls = 0L;
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= stopAt)
                {
                    break;
                }

                await client.CheckAsync(request);
                calls++;
                if (started >= measureFrom)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - started);
                }
            }

            return (latencies, calls);
        }, cancellationToken)).ToArray();

        var done = await Task.WhenAll(workers);
        var all = done.SelectMany(w => w.latencies).ToArray();
        Array.Sort(all);
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new Result(all.Length, all.Length / settings.Duration.TotalSeconds, Percentile(0.50), Percentile(0.99), done.Sum(w => w.calls));
    }

    private static async Task<Result> RunPythonClientAsync(string python, string script, string target, Settings settings, CancellationToken cancellationToken)
    {
        var start = PythonStart(python, script);
        foreach (var argument in new[]
        {
            "client", target,
            "--concurrency", settings.Concurrency.ToString(CultureInfo.InvariantCulture),
            "--duration", settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--warmup", settings.Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--processes", settings.PythonProcesses.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The grpcio client failed: {errors}");
        }

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return new Result(
            root.GetProperty("calls").GetInt64(),
            root.GetProperty("calls_per_second").GetDouble(),
            root.GetProperty("p50_ms").GetDouble(),
            root.GetProperty("p99_ms").GetDouble(),
            root.GetProperty("total_calls").GetInt64());
    }

    private static ProcessStartInfo PythonStart(string python, string script)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-u");
        start.ArgumentList.Add(script);
        start.Environment.Remove("http_proxy");
        start.Environment.Remove("https_proxy");
        start.Environment.Remove("grpc_proxy");
        return start;
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import grpc"]) { RedirectStandardError = true, RedirectStandardOutput = true });
                if (process is not null && process.WaitForExit(20_000) && process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    }

    private static string? FindScript()
    {
        foreach (var origin in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(origin); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tools", "bench", "grpc_bench.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private sealed record Settings(TimeSpan Warmup, TimeSpan Duration, int Concurrency, int PythonProcesses, string? Python);

    /// <summary>Calls counts the measured calls; TotalCalls includes warm-up, for per-call costs.</summary>
    private sealed record Result(long Calls, double CallsPerSecond, double P50Milliseconds, double P99Milliseconds, long TotalCalls)
    {
        public double? CpuMicrosecondsPerCall { get; init; }

        public double BytesPerCall { get; init; }
    }

    private sealed class OurServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OurServer(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public string Address => $"http://127.0.0.1:{Port}";

        public static async Task<OurServer> StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(0, address: IPAddress.Loopback));
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.MapGrpcHealthChecksService();
            await app.StartAsync(cancellationToken);
            var address = app.Urls.Select(u => new Uri(u)).First();
            return new OurServer(app, address.Port);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed class PythonServer : IAsyncDisposable
    {
        private readonly Process _process;

        private PythonServer(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public static async Task<PythonServer> StartAsync(string python, string script, CancellationToken cancellationToken)
        {
            var start = PythonStart(python, script);
            start.ArgumentList.Add("server");
            var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The grpcio server did not start: {line} {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            return new PythonServer(process, int.Parse(line.AsSpan(5), CultureInfo.InvariantCulture));
        }

        public async ValueTask DisposeAsync()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
