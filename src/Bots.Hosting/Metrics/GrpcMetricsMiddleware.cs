using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;

namespace Bots.Hosting.Metrics;

/// <summary>Counts gRPC calls by service, method and status code and times them.</summary>
internal sealed class GrpcMetricsMiddleware(RequestDelegate next)
{
    internal const string MeterName = "Bots.Grpc.Server";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("bots.grpc.server.requests", description: "gRPC calls handled, by service, method and status code.");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("bots.grpc.server.errors", description: "gRPC calls that ended with a status other than OK.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("bots.grpc.server.duration", unit: "s", description: "Time to handle a gRPC call.");

    public async Task InvokeAsync(HttpContext context)
    {
        if (!GrpcRequests.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var (service, method) = Split(context.Request.Path.Value);
            var code = GrpcRequests.StatusOf(context);
            var tags = new TagList { { "service", service }, { "method", method }, { "code", code } };
            Requests.Add(1, tags);
            if (code != "0")
            {
                Errors.Add(1, tags);
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "service", service }, { "method", method } });
        }
    }

    private const int MaxSeries = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string, string)> Seen = new(StringComparer.Ordinal);

    /// <summary>Service and method from the path; paths past a bound share one label so that callers cannot blow up the series count.</summary>
    private static (string Service, string Method) Split(string? path)
    {
        path ??= string.Empty;
        if (Seen.TryGetValue(path, out var known))
        {
            return known;
        }

        if (Seen.Count >= MaxSeries)
        {
            return ("other", "other");
        }

        var parts = path.Trim('/').Split('/', 2);
        var split = parts.Length == 2 ? (parts[0], parts[1]) : ("other", "other");
        Seen.TryAdd(path, split);
        return split;
    }
}
