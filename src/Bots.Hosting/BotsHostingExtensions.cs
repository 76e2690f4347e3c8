using System.Threading.RateLimiting;
using Bots.Hosting.Metrics;
using Bots.Hosting.Security;
using Bots.Hosting.Telemetry;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bots.Hosting;

/// <summary>What every Bots process shares: endpoints, gRPC, health, metrics, security, telemetry.</summary>
public static class BotsHostingExtensions
{
    /// <summary>The rate-limiting policy for public HTTP endpoints (webhooks).</summary>
    public const string PublicHttpPolicy = "public-http";

    public static WebApplicationBuilder AddBotsDefaults(this WebApplicationBuilder builder, string processName)
    {
        AddLoggingDefaults(builder.Configuration);
        var options = BindOptions(builder.Configuration);
        builder.Services.AddOptions<BotsOptions>()
            .Bind(builder.Configuration.GetSection(BotsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.WebHost.ConfigureKestrel(kestrel => KestrelEndpoints.Configure(kestrel, options));

        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton(_ => new PrometheusMetrics());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicHttpPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.HttpRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        if (OpenTelemetrySetup.IsEnabled)
        {
            OpenTelemetrySetup.AddOtlpExport(builder.Services, processName);
        }

        return builder;
    }

    /// <summary>Maps health (gRPC and /healthz), reflection and /metrics; every mapped gRPC service reports SERVING once started.</summary>
    public static WebApplication MapBotsDefaults(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BotsOptions>>().Value;

        // Listen from the start: measurements made before the first scrape must count.
        var metrics = app.Services.GetRequiredService<PrometheusMetrics>();
        app.UseMiddleware<GrpcMetricsMiddleware>();
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            app.UseMiddleware<ApiKeyMiddleware>(options.ApiKey);
        }

        app.UseRateLimiter();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();

        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        app.MapGet("/healthz", () => health.GetStatus(string.Empty) == HealthCheckResponse.Types.ServingStatus.Serving
            ? Results.Text("ok\n")
            : Results.Text("not serving\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", () => Results.Text(metrics.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        return app;
    }

    /// <summary>
    /// Quiet framework logs, and JSON lines inside containers; the lowest-precedence source, so
    /// appsettings, the environment or the command line still decide.
    /// </summary>
    private static void AddLoggingDefaults(ConfigurationManager configuration)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        };
        if (string.Equals(Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER"), "true", StringComparison.OrdinalIgnoreCase))
        {
            defaults["Logging:Console:FormatterName"] = "json";
        }

        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
    }

    /// <summary>Options read before the container is built, for Kestrel; a bad value stops start-up naming the key.</summary>
    private static BotsOptions BindOptions(IConfiguration configuration)
    {
        var options = new BotsOptions();
        try
        {
            configuration.GetSection(BotsOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(BotsOptions.Section, typeof(BotsOptions), [e.Message]);
        }

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(BotsOptions.Section, typeof(BotsOptions),
                results.Select(r => $"Bots:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        return options;
    }
}
