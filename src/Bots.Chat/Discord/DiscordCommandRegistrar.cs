using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Discord;

/// <summary>Registers the slash commands at start-up (bulk overwrite, so removed commands disappear too) and
/// says in the log whether Discord is on.</summary>
public sealed class DiscordCommandRegistrar(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IOptions<ChatOptions> chatOptions,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Discord is off: set Discord:PublicKey to answer interactions on {Path}.", DiscordInteractions.Path);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.ApplicationId) || string.IsNullOrWhiteSpace(settings.BotToken))
        {
            logger.LogWarning(
                "Discord is on at {Path}, but the slash commands are not registered: set Discord:ApplicationId and Discord:BotToken.",
                DiscordInteractions.Path);
            return;
        }

        var scope = string.IsNullOrWhiteSpace(settings.GuildId) ? "globally" : $"in guild {settings.GuildId}";
        try
        {
            var commands = DiscordInteractions.Commands(chatOptions.Value.MaxQuestionLength);
            await rest.BulkOverwriteCommandsAsync(commands, stoppingToken);
            logger.LogInformation("Discord is on at {Path}; registered {Count} slash commands {Scope}", DiscordInteractions.Path, commands.Count, scope);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Discord slash command registration {Scope} failed; interactions still work for commands registered before", scope);
        }
    }
}
