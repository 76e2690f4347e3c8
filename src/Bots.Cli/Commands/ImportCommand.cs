using System.CommandLine;
using Bots.ArticleStore;
using Bots.ArticleStore.Ingest;
using Bots.ArticleStore.Storage;
using Bots.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Cli.Commands;

/// <summary>
/// `bots import PATH...`: files, folders and globs of text, HTML and JSON/JSONL articles. With
/// --address the articles go through a running store's ImportArticles stream; without it they
/// are written straight into the local store (Bots:DataDir, or Bots:Postgres).
/// </summary>
public sealed class ImportCommand : ICliCommand
{
    public string Parent => "";

    public Command Build()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or globs (e.g. seeds/*.txt) to import", Arity = ArgumentArity.OneOrMore };
        var address = new Option<string?>("--address") { Description = "URL of a running article store (e.g. http://127.0.0.1:50051); omitted: write to the local store" };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "Local store folder (without --address)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Bots__DataDir") ?? "./data",
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string for the local store (without --address)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Bots__Postgres"),
        };
        var command = new Command("import", "Import articles into the article store, printing one line per article");
        command.Arguments.Add(paths);
        command.Options.Add(address);
        command.Options.Add(dataDir);
        command.Options.Add(postgres);
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var tally = new Tally();
            var target = result.GetValue(address);
            if (!string.IsNullOrWhiteSpace(target))
            {
                await ImportRemoteAsync(target, result.GetValue(paths)!, tally, cancellationToken);
            }
            else
            {
                await ImportLocalAsync(result.GetValue(dataDir)!, result.GetValue(postgres), result.GetValue(paths)!, tally, cancellationToken);
            }
            Console.WriteLine($"{tally.Created} added, {tally.Existing} already stored, {tally.Linked} linked to an earlier story, {tally.Failed} refused");
            return tally.Failed > 0 ? 1 : 0;
        });
        return command;
    }

    private static async Task ImportLocalAsync(string dataDir, string? postgres, string[] paths, Tally tally, CancellationToken cancellationToken)
    {
        var options = new ArticleStoreOptions { DataDir = dataDir, Postgres = postgres };
        options.Validate();
        await using IArticleRepository repository = string.IsNullOrWhiteSpace(postgres)
            ? new SqliteArticleRepository(options.DatabasePath)
            : new PostgresArticleRepository(postgres);
        await repository.InitializeAsync(cancellationToken);
        var library = new ArticleLibrary(repository, new ArticleIngestor(options.MaxBodyBytes));
        await foreach (var item in ArticleImporter.ImportAsync(library, paths, cancellationToken))
        {
            tally.Print(item.Origin, item.Outcome?.Id ?? 0, item.Outcome?.DuplicateOf ?? 0, item.Outcome?.Created ?? false, item.Outcome?.Title ?? "", item.Error);
        }
    }

    private static async Task ImportRemoteAsync(string address, string[] paths, Tally tally, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new Contracts.V1.ArticleStore.ArticleStoreClient(channel);
        using var call = client.ImportArticles(cancellationToken: cancellationToken);
        var origins = new List<string>();
        var sending = Task.Run(async () =>
        {
            foreach (var (input, origin, error) in ArticleImporter.ReadAll(paths))
            {
                if (input is null)
                {
                    lock (tally)
                    {
                        tally.Print(origin, 0, 0, false, "", error);
                    }
                    continue;
                }
                lock (origins)
                {
                    origins.Add(origin);
                }
                await call.RequestStream.WriteAsync(new AddArticleRequest
                {
                    Title = input.Title,
                    Body = input.Body,
                    Source = input.Source,
                    Url = input.Url,
                    Published = input.Published,
                    Format = input.Format,
                });
            }
            await call.RequestStream.CompleteAsync();
        }, cancellationToken);
        try
        {
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var item = call.ResponseStream.Current;
                string origin;
                lock (origins)
                {
                    origin = item.Index < origins.Count ? origins[item.Index] : $"item {item.Index}";
                }
                lock (tally)
                {
                    tally.Print(origin, item.Id, item.DuplicateOf, item.Created, item.Title, item.Error.Length > 0 ? item.Error : null);
                }
            }
            await sending;
        }
        catch (RpcException e)
        {
            throw new InvalidOperationException($"the article store at {address} failed the import: {e.Status.StatusCode}: {e.Status.Detail}", e);
        }
    }

    private sealed class Tally
    {
        public int Created;
        public int Existing;
        public int Linked;
        public int Failed;

        public void Print(string origin, long id, long duplicateOf, bool created, string title, string? error)
        {
            if (error is not null)
            {
                Failed++;
                Console.WriteLine($"refused  {origin}: {error}");
            }
            else if (!created)
            {
                Existing++;
                Console.WriteLine($"exists   {origin} → #{id} \"{title}\"");
            }
            else if (duplicateOf != 0)
            {
                Created++;
                Linked++;
                Console.WriteLine($"added    {origin} → #{id} \"{title}\" (same story as #{duplicateOf})");
            }
            else
            {
                Created++;
                Console.WriteLine($"added    {origin} → #{id} \"{title}\"");
            }
        }
    }
}
