using Bots.Contracts.V1;
using V1 = Bots.Contracts.V1;
using Bots.StandIns;
using Bots.Testing;
using Grpc.Net.Client;

namespace Bots.Host.Tests.EndToEnd;

/// <summary>
/// The system as deployed: the store, question answering, the summariser and the chat front end as
/// four operating-system processes on loopback, finding each other through Services:* addresses.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class FourProcessTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("bots-e2e-");
    private readonly List<ServiceProcess> _processes = [];
    private TelegramBotApiStandIn? _telegram;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task TelegramQuestion_AcrossFourProcesses_IsAnsweredWithItsSource_ThenApologisesWhenAnsweringStops()
    {
        _telegram = await TelegramBotApiStandIn.StartAsync();
        var store = await StartAsync("Bots.ArticleStore", new()
        {
            ["Bots:DataDir"] = Path.Combine(_data.FullName, "store"),
            ["Bots:SeedsDir"] = RepoPaths.Seeds,
        });
        await WaitForSeedsAsync(store.GrpcAddress);
        var questionAnswering = await StartAsync("Bots.QuestionAnswering", new() { ["Services:ArticleStore"] = store.GrpcAddress });
        var summarizer = await StartAsync("Bots.Summarizer", new() { ["Services:ArticleStore"] = store.GrpcAddress });
        await StartAsync("Bots.Chat", new()
        {
            ["Bots:DataDir"] = Path.Combine(_data.FullName, "chat"),
            ["Services:ArticleStore"] = store.GrpcAddress,
            ["Services:QuestionAnswering"] = questionAnswering.GrpcAddress,
            ["Services:Summarizer"] = summarizer.GrpcAddress,
            ["Telegram:BotToken"] = _telegram.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
        });

        _telegram.SendUserMessage(chatId: 4242, "When did Abbas visit Moscow?");
        var answer = (await _telegram.WaitForMessagesAsync(m => m.ChatId == 4242, timeout: TimeSpan.FromSeconds(60)))[0];

        Assert.Contains("August", answer.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("RT|Global Times|Al Jazeera|Wikipedia", answer.VisibleText);

        questionAnswering.Kill();
        _telegram.SendUserMessage(chatId: 4242, "Who won the Palestinian elections in 2006?");
        var replies = await _telegram.WaitForMessagesAsync(m => m.ChatId == 4242, count: 2, timeout: TimeSpan.FromSeconds(60));

        Assert.Contains("Sorry", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("answer", replies[1].VisibleText, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<ServiceProcess> StartAsync(string project, Dictionary<string, string> settings)
    {
        var process = await ServiceProcess.StartAsync(project, settings);
        _processes.Add(process);
        return process;
    }

    private static async Task WaitForSeedsAsync(string address)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var store = new V1.ArticleStore.ArticleStoreClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await store.GetStatsAsync(new GetStatsRequest())).ArticleCount < 5)
        {
            Assert.True(DateTime.UtcNow < deadline, "the seeds were not imported within 60 s");
            await Task.Delay(200);
        }
    }
}

/// <summary>Tests that start several service processes run one at a time: the machine has two cores.</summary>
[CollectionDefinition(nameof(ProcessTests), DisableParallelization = true)]
public sealed class ProcessTests;
