using System.Globalization;
using System.Net.Security;
using System.Text;

namespace Bots.Caching.Redis;

/// <summary>
/// Where and how to connect, parsed from a connection string in either of the usual forms:
/// StackExchange.Redis's <c>host:port,password=...,ssl=true,user=...,defaultDatabase=N,connectTimeout=ms,syncTimeout=ms</c>
/// or a URI <c>redis://user:pass@host:port/db</c> (<c>rediss://</c> for TLS; options may follow as a query string).
/// </summary>
public sealed class RedisConfiguration
{
    public const int DefaultPort = 6379;
    public const int DefaultSslPort = 6380;

    public string Host { get; set; } = "localhost";

    /// <summary>The port; 0 means the default (6379, or 6380 with TLS, as StackExchange.Redis has it).</summary>
    public int Port { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public bool Ssl { get; set; }

    /// <summary>The name the server's certificate must carry; defaults to <see cref="Host"/>.</summary>
    public string? SslHost { get; set; }

    /// <summary>Extra certificate check (e.g. a private CA); null uses the system's trust store.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    public int DefaultDatabase { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a command may wait for its reply.</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of async commands; defaults to <see cref="SyncTimeout"/>.</summary>
    public TimeSpan? AsyncTimeout { get; set; }

    /// <summary>When false, ConnectAsync returns at once and the connection keeps trying in the background.</summary>
    public bool AbortOnConnectFail { get; set; } = true;

    /// <summary>Attempts ConnectAsync makes before it gives up (with <see cref="AbortOnConnectFail"/>).</summary>
    public int ConnectRetry { get; set; } = 3;

    public string? ClientName { get; set; }

    /// <summary>The first pause between reconnection attempts; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A connection whose oldest command has had no reply for this long is taken for dead and replaced;
    /// null means twice the async timeout, at least 10 s.
    /// </summary>
    public TimeSpan? DeadConnectionTimeout { get; set; }

    internal TimeSpan EffectiveDeadConnectionTimeout =>
        DeadConnectionTimeout ?? TimeSpan.FromTicks(Math.Max(EffectiveAsyncTimeout.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));

    /// <summary>The port connected to: <see cref="Port"/>, or the default for the transport.</summary>
    public int EffectivePort => Port != 0 ? Port : Ssl ? DefaultSslPort : DefaultPort;

    internal TimeSpan EffectiveAsyncTimeout => AsyncTimeout ?? SyncTimeout;

    /// <summary>Parses either connection string form; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static RedisConfiguration Parse(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The Redis connection string is empty.");
        }
        var result = new RedisConfiguration();
        if (text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            result.ParseUri(text);
        }
        else
        {
            result.ParseOptionList(text);
        }
        result.Validate();
        return result;
    }

    public RedisConfiguration Clone() => (RedisConfiguration)MemberwiseClone();

    /// <summary>The configuration in StackExchange.Redis form, password hidden, for logs.</summary>
    public override string ToString() => ToString(includePassword: false);

    public string ToString(bool includePassword)
    {
        var builder = new StringBuilder(FormatEndPoint());
        if (User is not null)
        {
            builder.Append(",user=").Append(User);
        }
        if (Password is not null)
        {
            builder.Append(",password=").Append(includePassword ? Password : "*****");
        }
        if (Ssl)
        {
            builder.Append(",ssl=true");
        }
        if (SslHost is not null)
        {
            builder.Append(",sslHost=").Append(SslHost);
        }
        if (DefaultDatabase != 0)
        {
            builder.Append(",defaultDatabase=").Append(DefaultDatabase);
        }
        builder.Append(CultureInfo.InvariantCulture, $",connectTimeout={(long)ConnectTimeout.TotalMilliseconds}");
        builder.Append(CultureInfo.InvariantCulture, $",syncTimeout={(long)SyncTimeout.TotalMilliseconds}");
        if (AsyncTimeout is { } asyncTimeout)
        {
            builder.Append(CultureInfo.InvariantCulture, $",asyncTimeout={(long)asyncTimeout.TotalMilliseconds}");
        }
        if (!AbortOnConnectFail)
        {
            builder.Append(",abortConnect=false");
        }
        if (ClientName is not null)
        {
            builder.Append(",name=").Append(ClientName);
        }
        return builder.ToString();
    }

    /// <summary>"host:port" ("[v6]:port"), as shown in messages.</summary>
    public string FormatEndPoint() =>
        (Host.Contains(':') ? $"[{Host}]" : Host) + ":" + EffectivePort.ToString(CultureInfo.InvariantCulture);

    private void ParseUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(text)}' is not a valid redis:// URI.");
        }
        Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase);
        Host = uri.Host.Trim('[', ']');
        Port = uri.IsDefaultPort || uri.Port < 0 ? 0 : uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            var user = colon < 0 ? uri.UserInfo : uri.UserInfo[..colon];
            var password = colon < 0 ? null : uri.UserInfo[(colon + 1)..];
            if (password is null)
            {
                // redis://secret@host is the password-only form redis-cli accepts.
                Password = Uri.UnescapeDataString(user);
            }
            else
            {
                User = user.Length == 0 ? null : Uri.UnescapeDataString(user);
                Password = Uri.UnescapeDataString(password);
            }
        }
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            DefaultDatabase = ParseInt("database (URI path)", path);
        }
        if (uri.Query.Length > 1)
        {
            foreach (var pair in uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    throw new FormatException($"The Redis URI option '{pair}' has no value.");
                }
                ApplyOption(Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]));
            }
        }
    }

    private void ParseOptionList(string text)
    {
        var endPoints = new List<string>();
        foreach (var rawPart in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }
            var eq = part.IndexOf('=');
            if (eq > 0)
            {
                ApplyOption(part[..eq].Trim(), part[(eq + 1)..].Trim());
            }
            else
            {
                endPoints.Add(part);
            }
        }
        switch (endPoints.Count)
        {
            case 0:
                throw new FormatException("The Redis connection string names no host (expected e.g. 'localhost:6379').");
            case > 1:
                throw new FormatException(
                    $"The Redis connection string names {endPoints.Count} endpoints; this client talks to one server (no cluster or sentinel).");
        }
        (Host, Port) = ParseEndPoint(endPoints[0]);
    }

    private static (string Host, int Port) ParseEndPoint(string endPoint)
    {
        string host;
        string? port = null;
        if (endPoint.StartsWith('['))
        {
            var close = endPoint.IndexOf(']');
            if (close < 0)
            {
                throw new FormatException($"The Redis endpoint '{endPoint}' has an unclosed '['.");
            }
            host = endPoint[1..close];
            var rest = endPoint[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest[1..] : throw new FormatException($"The Redis endpoint '{endPoint}' is malformed.");
            }
        }
        else
        {
            var colon = endPoint.LastIndexOf(':');
            if (colon >= 0 && endPoint.IndexOf(':') == colon)
            {
                host = endPoint[..colon];
                port = endPoint[(colon + 1)..];
            }
            else
            {
                // No colon, or a bare IPv6 address.
                host = endPoint;
            }
        }
        if (host.Length == 0)
        {
            throw new FormatException($"The Redis endpoint '{endPoint}' has no host.");
        }
        var portNumber = port is null ? 0 : ParseInt("port", port);
        if (port is not null && portNumber is < 1 or > 65535)
        {
            throw new FormatException($"The Redis port '{port}' is outside 1–65535.");
        }
        return (host, portNumber);
    }

    private void ApplyOption(string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "password":
                Password = value;
                break;
            case "user":
                User = value;
                break;
            case "ssl":
                Ssl = ParseBool(key, value);
                break;
            case "sslhost":
                SslHost = value;
                break;
            case "defaultdatabase":
            case "db":
                DefaultDatabase = ParseInt(key, value);
                break;
            case "connecttimeout":
                ConnectTimeout = ParseMilliseconds(key, value);
                break;
            case "synctimeout":
                SyncTimeout = ParseMilliseconds(key, value);
                break;
            case "asynctimeout":
                AsyncTimeout = ParseMilliseconds(key, value);
                break;
            case "abortconnect":
                AbortOnConnectFail = ParseBool(key, value);
                break;
            case "connectretry":
                ConnectRetry = ParseInt(key, value);
                break;
            case "name":
                ClientName = value;
                break;
            case "allowadmin":
            case "keepalive":
            case "resolvedns":
                // Accepted for compatibility with StackExchange.Redis strings; nothing here depends on them.
                break;
            default:
                throw new FormatException($"The Redis connection string option '{key}' is not supported.");
        }
    }

    private void Validate()
    {
        if (DefaultDatabase < 0)
        {
            throw new FormatException("The Redis database number must not be negative.");
        }
        if (ConnectTimeout <= TimeSpan.Zero || SyncTimeout <= TimeSpan.Zero || AsyncTimeout <= TimeSpan.Zero)
        {
            throw new FormatException("Redis timeouts must be positive numbers of milliseconds.");
        }
        if (ConnectRetry < 1)
        {
            throw new FormatException("The Redis connectRetry option must be at least 1.");
        }
    }

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"The Redis option '{key}' must be an integer, not '{value}'.");

    private static TimeSpan ParseMilliseconds(string key, string value) => TimeSpan.FromMilliseconds(ParseInt(key, value));

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var parsed)
            ? parsed
            : throw new FormatException($"The Redis option '{key}' must be true or false, not '{value}'.");

    private static string Redact(string uri)
    {
        var at = uri.IndexOf('@');
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? uri[..(scheme + 3)] + "*****" + uri[at..] : uri;
    }
}
