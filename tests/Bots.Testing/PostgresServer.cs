using System.Diagnostics;

namespace Bots.Testing;

/// <summary>
/// A throw-away PostgreSQL server: initdb + pg_ctl in a temporary folder, listening on a free
/// loopback port, trust authentication, fsync off (tests need speed, not power-loss safety).
/// PostgreSQL refuses to run as root, so as root the server runs as the "postgres" (or "nobody")
/// user through runuser, with the folder handed to that user.
/// Use <see cref="StartOrSkipAsync"/>: null when the binaries are missing outside CI.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string binDir;
    private readonly string root;
    private readonly string? runAs;

    private PostgresServer(string binDir, string root, int port, string? runAs)
    {
        this.binDir = binDir;
        this.root = root;
        this.runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=15";

    public static string? FindBinaries()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("PG_BIN") };
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        }
        candidates.Add(Path.GetDirectoryName(ExternalTool.Find("initdb") ?? ""));
        return candidates.FirstOrDefault(d => !string.IsNullOrEmpty(d) && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>A running server, or null (test skipped) when PostgreSQL is not installed and CI is not set.</summary>
    public static async Task<PostgresServer?> StartOrSkipAsync()
    {
        var bin = FindBinaries();
        if (!ExternalTool.Require(bin is not null, "PostgreSQL (initdb, pg_ctl)", "apt-get install postgresql, or set PG_BIN to its bin folder"))
        {
            return null;
        }
        var root = Path.Combine(Path.GetTempPath(), "bots-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        string? runAs = null;
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            runAs = UserExists("postgres") ? "postgres" : "nobody";
            await RunAsync("chown", ["-R", runAs, root], null);
            await RunAsync("chmod", ["700", root], null);
        }
        var server = new PostgresServer(bin!, root, FreePort.Next(), runAs);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task StartAsync()
    {
        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], runAs);
        var options = $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(binDir, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start"], runAs);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var data = Path.Combine(root, "data");
            if (Directory.Exists(data))
            {
                await RunAsync(Path.Combine(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], runAs);
            }
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool UserExists(string user) => File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));

    private static async Task RunAsync(string program, IReadOnlyList<string> args, string? runAs)
    {
        var info = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (runAs is not null)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(runAs);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr} {await stdout}");
        }
    }
}
