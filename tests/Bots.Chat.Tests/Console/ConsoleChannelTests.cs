using Bots.Chat.Commands;
using Bots.Chat.Console;
using Bots.Chat.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Tests.Console;

public class ConsoleChannelTests
{
    [Fact]
    public async Task Question_IsAnsweredAsPlainTextWithSources()
    {
        var output = await RunAsync("When did Abbas visit Moscow?\n");

        Assert.Contains("12–14 August 2024", output);
        Assert.Contains("1. Abbas <arrives> in Moscow & meets \"Putin\" — Global Times, 13 Aug 2024, https://www.globaltimes.cn/", output);
    }

    [Fact]
    public async Task EndOfInput_EndsTheConsoleQuietly()
    {
        // RunAsync checks the channel ended without an exception: a faulted hosted service would stop the host.
        var output = await RunAsync("/help\n");

        Assert.Contains("/ask <question>", output);
    }

    [Fact]
    public async Task Off_ReadsNothing()
    {
        var output = await RunAsync("/help\n", on: false);

        Assert.Equal("", output);
    }

    private static async Task<string> RunAsync(string input, bool on = true)
    {
        var options = Options.Create(new ChatOptions { Console = on });
        var handler = new CommandHandler(
            new StandInBackends(),
            new UserRateLimiter(10, TimeProvider.System),
            new ConversationMemory(TimeProvider.System),
            options,
            NullLogger<CommandHandler>.Instance);
        var writer = new StringWriter();
        using var channel = new ConsoleChannel(handler, options, NullLogger<ConsoleChannel>.Instance, null, new StringReader(input), writer);

        await channel.StartAsync(CancellationToken.None);
        await channel.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(channel.ExecuteTask.IsCompletedSuccessfully);
        return writer.ToString();
    }
}
