using System.Globalization;
using Bots.Hosting;
using Microsoft.Extensions.Configuration.Memory;

namespace Bots.Host;

/// <summary>In the all-in-one process the services find each other on this process's own gRPC port.</summary>
internal static class LocalServices
{
    public static WebApplicationBuilder UseThisProcessForServices(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.GetValue($"{BotsOptions.Section}:{nameof(BotsOptions.GrpcPort)}", new BotsOptions().GrpcPort);
        var tls = !string.IsNullOrWhiteSpace(builder.Configuration[$"{BotsOptions.Section}:{nameof(BotsOptions.TlsCertificate)}"]);
        var self = string.Create(CultureInfo.InvariantCulture, $"{(tls ? "https" : "http")}://{(tls ? "localhost" : "127.0.0.1")}:{port}");

        // Lowest precedence: anything set in appsettings, the environment or the command line wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Services:ArticleStore"] = self,
                ["Services:QuestionAnswering"] = self,
                ["Services:Summarizer"] = self,
            },
        });
        return builder;
    }
}
