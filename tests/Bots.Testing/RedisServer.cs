using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace Bots.Testing;

/// <summary>What the test server demands of its clients.</summary>
public sealed record RedisServerOptions
{
    /// <summary>requirepass: the default user's password.</summary>
    public string? Password { get; init; }

    /// <summary>An ACL user with full rights (Redis 6+), as (name, password).</summary>
    public (string User, string Password)? AclUser { get; init; }

    /// <summary>Serve TLS only, with a fresh self-signed certificate for "localhost" (see <see cref="RedisServer.Certificate"/>).</summary>
    public bool Tls { get; init; }
}

/// <summary>
/// A real redis-server on a free loopback port in a temporary folder, for integration tests. It can be killed,
/// paused and restarted on the same port to test outages. When redis-server is missing, StartAsync throws a clear
/// message; tests marked <see cref="RedisFactAttribute"/> are skipped instead unless CI=true.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly string _configPath;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private RedisServer(string directory, int port, RedisServerOptions options, X509Certificate2? certificate)
    {
        Directory = directory;
        Port = port;
        Options = options;
        Certificate = certificate;
        _configPath = Path.Combine(directory, "redis.conf");
    }

    public static string? ExecutablePath { get; } = ExternalTool.Find("/usr/bin/redis-server") ?? ExternalTool.Find("redis-server");

    public static bool IsAvailable => ExecutablePath is not null;

    public string Directory { get; }

    public int Port { get; }

    public RedisServerOptions Options { get; }

    /// <summary>The server's self-signed certificate when started with TLS.</summary>
    public X509Certificate2? Certificate { get; }

    public string EndPoint => $"127.0.0.1:{Port}";

    /// <summary>A StackExchange.Redis-style connection string with the options' credentials.</summary>
    public string ConnectionString
    {
        get
        {
            var text = new StringBuilder(Options.Tls ? $"localhost:{Port},ssl=true" : EndPoint);
            if (Options.AclUser is { } acl)
            {
                text.Append(",user=").Append(acl.User).Append(",password=").Append(acl.Password);
            }
            else if (Options.Password is not null)
            {
                text.Append(",password=").Append(Options.Password);
            }
            return text.ToString();
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The Redis server is not running.");

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (ExecutablePath is null)
        {
            throw new InvalidOperationException(
                "redis-server is not installed (looked in /usr/bin and on PATH); install it with `apt-get install redis-server redis-tools`.");
        }
        options ??= new RedisServerOptions();
        Exception? last = null;
        // Another process may take the free port between probing and binding it; a new port fixes that.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("bots-redis-").FullName;
            var certificate = options.Tls ? WriteCertificate(directory) : null;
            var server = new RedisServer(directory, FreePort.Next(), options, certificate);
            server.WriteConfig();
            try
            {
                await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (InvalidOperationException ex) when (attempt < 2)
            {
                last = ex;
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
        throw last!;
    }

    /// <summary>SIGKILL: the server vanishes mid-conversation, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts the server again on the same port (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await KillAsync().ConfigureAwait(false);
        _process?.Dispose();
        _process = null;
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGSTOP: the server keeps its connections but answers nothing, like a hung or overloaded one.</summary>
    public void Pause() => Signal(SigStop);

    public void Resume() => Signal(SigCont);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Signal(SigCont);
        }
        await KillAsync().ConfigureAwait(false);
        _process?.Dispose();
        Certificate?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void WriteConfig()
    {
        var config = new StringBuilder()
            .AppendLine("bind 127.0.0.1")
            .AppendLine(Options.Tls ? "port 0" : $"port {Port}")
            .AppendLine($"dir {Quote(Directory)}")
            .AppendLine("save \"\"")
            .AppendLine("appendonly no")
            .AppendLine("daemonize no")
            .AppendLine("logfile \"\"")
            .AppendLine("loglevel notice")
            .AppendLine("enable-debug-command local");
        if (Options.Tls)
        {
            config.AppendLine($"tls-port {Port}")
                .AppendLine($"tls-cert-file {Path.Combine(Directory, "cert.pem")}")
                .AppendLine($"tls-key-file {Path.Combine(Directory, "key.pem")}")
                .AppendLine($"tls-ca-cert-file {Path.Combine(Directory, "cert.pem")}")
                .AppendLine("tls-auth-clients no");
        }
        if (Options.Password is not null)
        {
            config.AppendLine($"requirepass {Quote(Options.Password)}");
        }
        if (Options.AclUser is { } acl)
        {
            config.AppendLine($"user {Quote(acl.User)} on {Quote(">" + acl.Password)} ~* &* +@all");
        }
        File.WriteAllText(_configPath, config.ToString());
    }

    // redis.conf splits lines like a shell: quote values so spaces and quotes survive.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(ExecutablePath!, _configPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Directory,
            },
            EnableRaisingEvents = true,
        };
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_log)
            {
                _log.AppendLine(e.Data);
            }
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"redis-server exited during start-up (port {Port}):{Environment.NewLine}{Log()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await KillAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"redis-server did not become ready within 15 s:{Environment.NewLine}{Log()}");
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private void Signal(int signal)
    {
        if (_process is { HasExited: false } process && NativeMethods.kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to redis-server (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    private static X509Certificate2 WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int kill(int pid, int sig);
    }
}

/// <summary>
/// A fact that needs a real redis-server: skipped when it is not installed, except under CI=true, where the
/// test runs and fails with the fixture's message so a missing dependency is never mistaken for a pass.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.IsAvailable && !ExternalTool.InCi)
        {
            Skip = "redis-server is not installed (set CI=true to make this a failure).";
        }
    }
}
