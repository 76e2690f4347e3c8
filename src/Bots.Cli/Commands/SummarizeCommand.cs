using System.CommandLine;
using Bots.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Cli.Commands;

/// <summary>`bots summarize`: an article summary, a topic summary or a timeline from a running Summarizer service.</summary>
public sealed class SummarizeCommand : ICliCommand
{
    public string Parent => "";

    public Command Build()
    {
        var address = new Option<string>("--address") { Description = "the Summarizer's gRPC address", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOTS_SUMMARIZER") ?? "http://127.0.0.1:50051" };
        var article = new Option<long>("--article") { Description = "summarise the stored article with this id" };
        var topic = new Option<string?>("--topic") { Description = "summarise what the articles say about this" };
        var timeline = new Option<string?>("--timeline") { Description = "list the dated events about this, in date order" };
        var max = new Option<int>("--max") { Description = "sentences (1..20) or events (1..100); 0 for the default" };
        var source = new Option<string?>("--source") { Description = "topic summary: only articles from this source" };
        var after = new Option<string?>("--after") { Description = "topic summary: published on or after this ISO date" };
        var before = new Option<string?>("--before") { Description = "topic summary: published on or before this ISO date" };
        var command = new Command("summarize", "summaries and timelines with citations, from the Summarizer service");
        foreach (var option in new Option[] { address, article, topic, timeline, max, source, after, before })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var chosen = (result.GetValue(article) != 0 ? 1 : 0) + (result.GetValue(topic) is null ? 0 : 1) + (result.GetValue(timeline) is null ? 0 : 1);
            if (chosen != 1)
            {
                Console.Error.WriteLine("give exactly one of --article ID, --topic TEXT or --timeline TEXT");
                return 2;
            }
            using var channel = GrpcChannel.ForAddress(result.GetValue(address)!);
            var client = new Contracts.V1.Summarizer.SummarizerClient(channel);
            try
            {
                if (result.GetValue(timeline) is { } query)
                {
                    var response = await client.TimelineAsync(new TimelineRequest { Query = query, MaxEvents = result.GetValue(max) }, cancellationToken: cancellationToken);
                    foreach (var e in response.Events)
                    {
                        Console.WriteLine($"{e.Date,-10}  {e.Description}");
                        Console.WriteLine($"            ({e.DateText}; {e.Citation.Source}, {e.Citation.Title}, {e.Citation.Published})");
                    }
                    return 0;
                }
                var summary = result.GetValue(topic) is { } text
                    ? await client.SummarizeTopicAsync(new SummarizeTopicRequest
                    {
                        Query = text,
                        MaxSentences = result.GetValue(max),
                        Source = result.GetValue(source) ?? "",
                        PublishedAfter = result.GetValue(after) ?? "",
                        PublishedBefore = result.GetValue(before) ?? "",
                    }, cancellationToken: cancellationToken)
                    : await client.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = result.GetValue(article), MaxSentences = result.GetValue(max) }, cancellationToken: cancellationToken);
                foreach (var sentence in summary.Sentences)
                {
                    Console.WriteLine($"{sentence.Text} [{sentence.CitationIndex + 1}]");
                }
                for (var i = 0; i < summary.Citations.Count; i++)
                {
                    var c = summary.Citations[i];
                    Console.WriteLine($"[{i + 1}] {c.Source}: {c.Title} ({c.Published}) {c.Url}".TrimEnd());
                }
                return 0;
            }
            catch (RpcException e)
            {
                Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        });
        return command;
    }
}
