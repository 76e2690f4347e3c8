using Bots.Chat.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Console;

/// <summary>Chat on stdin/stdout with the same command handler: on when stdin is a terminal or Chat:Console is
/// true. The end of input ends only this channel, never the services.</summary>
public sealed class ConsoleChannel(
    CommandHandler handler,
    IOptions<ChatOptions> options,
    ILogger<ConsoleChannel> logger,
    IHostApplicationLifetime? lifetime = null,
    TextReader? input = null,
    TextWriter? output = null) : BackgroundService
{
    private const string UserKey = "console:local";

    /// <summary>Whether the console channel should run for these settings.</summary>
    public static bool IsOn(ChatOptions options) => options.Console ?? !System.Console.IsInputRedirected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsOn(options.Value))
        {
            logger.LogDebug("Console chat is off: stdin is not a terminal (set Chat:Console=true to force it)");
            return;
        }

        // Let the host finish starting (and log) before the first prompt.
        if (lifetime is not null)
        {
            await WhenStartedAsync(lifetime, stoppingToken);
        }

        var reader = input ?? System.Console.In;
        var writer = output ?? System.Console.Out;
        await writer.WriteLineAsync("Ask me about the news (for example: When did Abbas visit Moscow?). /help lists the commands.");
        while (!stoppingToken.IsCancellationRequested)
        {
            await writer.WriteAsync("> ");
            await writer.FlushAsync(stoppingToken);
            string? line;
            try
            {
                line = await reader.ReadLineAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null)
            {
                logger.LogInformation("Console input ended; the services keep running");
                return;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var reply = await handler.HandleAsync(ChatRequest.Parse(UserKey, line, out _), stoppingToken);
            await writer.WriteLineAsync(ConsoleRenderer.Render(reply));
            await writer.WriteLineAsync();
        }
    }

    private static async Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task;

        // The console logger writes on its own thread: give the start-up lines a moment to appear first.
        await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
