using System.ComponentModel.DataAnnotations;

namespace Bots.Hosting;

/// <summary>The `Bots` configuration section shared by every process.</summary>
public sealed class BotsOptions
{
    public const string Section = "Bots";

    /// <summary>Port of the gRPC endpoint (HTTP/2; h2c unless a certificate is configured).</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 50051;

    /// <summary>Port of the HTTP/1.1 endpoint: webhooks, /healthz, /metrics.</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 8080;

    /// <summary>Address both endpoints bind to. Defaults to loopback, or to every interface inside a container.</summary>
    public string? ListenAddress { get; set; }

    public string DataDir { get; set; } = "./data";

    public string SeedsDir { get; set; } = "./seeds";

    /// <summary>PostgreSQL connection string; when set the article store uses PostgreSQL instead of SQLite.</summary>
    public string? Postgres { get; set; }

    /// <summary>Redis connection string; when set answers and summaries are cached in Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>When set, every gRPC call but health checks must carry `authorization: Bearer &lt;key&gt;`.</summary>
    public string? ApiKey { get; set; }

    /// <summary>PEM or PFX certificate for TLS on the gRPC endpoint.</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>Private key (PEM) for <see cref="TlsCertificate"/>, or the PFX password.</summary>
    public string? TlsKey { get; set; }

    /// <summary>Largest request body accepted on the public HTTP endpoint, in bytes.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxHttpRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Requests a minute one client address may make to the public HTTP endpoints (the chat webhooks). Telegram and
    /// Discord deliver every user's messages from a few addresses, so this is sized for a busy bot, not one person.
    /// </summary>
    [Range(1, 1_000_000)]
    public int HttpRequestsPerMinute { get; set; } = 6_000;
}
