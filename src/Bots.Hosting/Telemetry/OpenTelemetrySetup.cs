using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bots.Hosting.Telemetry;

/// <summary>
/// Exports traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads
/// the standard OTEL_* variables itself). OpenTelemetry.Extensions.Hosting is not on the package
/// mirror, so the providers are built here and disposed with the host.
/// </summary>
internal static class OpenTelemetrySetup
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static bool IsEnabled => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable));

    public static void AddOtlpExport(IServiceCollection services, string serviceName)
    {
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        services.AddSingleton(_ => new TelemetryProviders(
            Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource("Bots.*", "Microsoft.AspNetCore", "System.Net.Http")
                .AddOtlpExporter()
                .Build(),
            Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter("Bots.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddOtlpExporter()
                .Build()));
        services.AddHostedService<TelemetryStarter>();
    }

    private sealed class TelemetryProviders(TracerProvider tracer, MeterProvider meter) : IDisposable
    {
        public void Dispose()
        {
            tracer.Dispose();
            meter.Dispose();
        }
    }

    /// <summary>Creates the providers at start-up (they are lazy singletons otherwise).</summary>
    private sealed class TelemetryStarter(TelemetryProviders providers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(providers);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
