using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;

namespace Bots.Cli.Commands;

/// <summary>`bots health --address URL [--service NAME]`: exits 0 when the service reports SERVING (for compose and k8s probes).</summary>
public sealed class HealthCommand : ICliCommand
{
    public string Parent => "";

    public Command Build()
    {
        var address = new Option<string>("--address") { Description = "The gRPC endpoint to check", DefaultValueFactory = _ => "http://127.0.0.1:50051" };
        var service = new Option<string>("--service") { Description = "Service name, e.g. bots.v1.ArticleStore (\"\" = the whole server)", DefaultValueFactory = _ => "" };
        var timeout = new Option<double>("--timeout") { Description = "Deadline in seconds", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Check a server with grpc.health.v1; exit code 0 only when SERVING");
        command.Options.Add(address);
        command.Options.Add(service);
        command.Options.Add(timeout);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            if (!CliChannels.TryCreate(result.GetValue(address), out var channel))
            {
                return 2;
            }

            using var _ = channel;
            var client = new Health.HealthClient(channel);
            try
            {
                var response = await client.CheckAsync(
                    new HealthCheckRequest { Service = result.GetValue(service) ?? "" },
                    deadline: DateTime.UtcNow.AddSeconds(result.GetValue(timeout)),
                    cancellationToken: cancellationToken);
                Console.WriteLine(response.Status.ToString().ToUpperInvariant() switch
                {
                    "SERVING" => "SERVING",
                    "NOTSERVING" => "NOT_SERVING",
                    "SERVICEUNKNOWN" => "SERVICE_UNKNOWN",
                    var other => other,
                });
                return response.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
            }
            catch (RpcException e)
            {
                await Console.Error.WriteLineAsync($"unhealthy: {e.StatusCode}: {e.Status.Detail}");
                return e.StatusCode == StatusCode.NotFound ? 3 : 2;
            }
        });
        return command;
    }
}
