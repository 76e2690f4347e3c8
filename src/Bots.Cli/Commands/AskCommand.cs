using System.CommandLine;
using Bots.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Cli.Commands;

/// <summary>`bots ask --address URL "question"`: asks the question-answering service and prints the answer and its sources.</summary>
public sealed class AskCommand : ICliCommand
{
    public string Parent => "";

    public Command Build()
    {
        var address = new Option<string>("--address") { Description = "The QuestionAnswering service (or the all-in-one host)", DefaultValueFactory = _ => "http://127.0.0.1:50051" };
        var apiKey = new Option<string?>("--api-key") { Description = "Sent as 'authorization: Bearer <key>' (default: env Bots__ApiKey)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Bots__ApiKey") };
        var timeout = new Option<double>("--timeout") { Description = "Deadline in seconds", DefaultValueFactory = _ => 30 };
        var question = new Argument<string>("question") { Description = "The question, e.g. \"When did Abbas visit Moscow?\"" };
        var command = new Command("ask", "Ask a question about the stored articles and print the answer with its sources");
        command.Options.Add(address);
        command.Options.Add(apiKey);
        command.Options.Add(timeout);
        command.Arguments.Add(question);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            if (!CliChannels.TryCreate(result.GetValue(address), out var channel))
            {
                return 2;
            }

            using var _ = channel;
            var client = new Bots.Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);
            try
            {
                var response = await client.AskAsync(
                    new AskRequest { Question = result.GetValue(question)! },
                    CliChannels.Headers(result.GetValue(apiKey)),
                    DateTime.UtcNow.AddSeconds(result.GetValue(timeout)),
                    cancellationToken);
                Print(response);
                return 0;
            }
            catch (RpcException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        });
        return command;
    }

    private static void Print(AskResponse response)
    {
        if (!response.Answered)
        {
            Console.WriteLine("No answer found in the stored articles.");
        }
        else
        {
            Console.WriteLine(response.Answer);
            if (response.Evidence.Length > 0)
            {
                Console.WriteLine($"  \"{response.Evidence}\"");
            }

            Console.WriteLine($"  confidence {response.Confidence:0.00}");
        }

        if (response.Citations.Count > 0)
        {
            Console.WriteLine("Sources:");
            var number = 1;
            foreach (var citation in response.Citations)
            {
                var published = citation.Published.Length > 0 ? ", " + citation.Published : "";
                var url = citation.Url.Length > 0 ? " <" + citation.Url + ">" : "";
                Console.WriteLine($"  [{number++}] {citation.Title} — {citation.Source}{published}{url}");
            }
        }
    }
}
