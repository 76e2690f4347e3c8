using System.Net;
using Bots.Chat.Backends;
using Bots.Chat.Commands;
using Bots.Chat.Console;
using Bots.Chat.Discord;
using Bots.Chat.Telegram;
using Bots.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bots.Chat;

public static class ChatServiceExtensions
{
    /// <summary>Registers the command handler, the back-end clients and the Telegram, Discord and console channels.
    /// Each channel stays off (and says so in the log) until configured.</summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section)).ValidateOnStart();
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new UserRateLimiter(
            sp.GetRequiredService<IOptions<ChatOptions>>().Value.QuestionsPerMinute,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<CommandHandler>();
        builder.AddChatBackends();

        // Telegram
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            return new TelegramBotClient(options.BotToken?.Trim() ?? "", CreateHttpClient(), options.ApiBaseUrl);
        });
        services.AddSingleton(sp => OpenLedger(sp.GetRequiredService<IOptions<TelegramOptions>>().Value, configuration));
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramChannel>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramChannel>());

        // Discord
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DiscordRestClient>(sp, CreateHttpClient()));
        services.AddSingleton<DiscordInteractions>();
        services.AddHostedService<DiscordCommandRegistrar>();

        // Console
        services.AddHostedService(sp => new ConsoleChannel(
            sp.GetRequiredService<CommandHandler>(),
            sp.GetRequiredService<IOptions<ChatOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ConsoleChannel>>(),
            sp.GetRequiredService<IHostApplicationLifetime>()));
        return builder;
    }

    /// <summary>Maps the public webhook endpoints: POST /telegram/webhook and POST /discord/interactions.</summary>
    public static WebApplication MapChat(this WebApplication app)
    {
        // Public endpoints: a flood from one address is turned away (429) before any body is read or verified.
        app.MapPost(TelegramWebhookEndpoint.Path, TelegramWebhookEndpoint.HandleAsync).DisableAntiforgery()
            .RequireRateLimiting(BotsHostingExtensions.PublicHttpPolicy);
        app.MapPost(DiscordInteractions.Path, (Microsoft.AspNetCore.Http.HttpContext context, DiscordInteractions interactions) =>
            interactions.HandleAsync(context)).DisableAntiforgery()
            .RequireRateLimiting(BotsHostingExtensions.PublicHttpPolicy);
        return app;
    }

    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler
        {
            // Pick up DNS changes of the API hosts.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            // Each call sets its own deadline; long polls need more than the default 100 s allows for.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private static UpdateLedger OpenLedger(TelegramOptions options, IConfiguration configuration)
    {
        if (!options.Enabled)
        {
            return UpdateLedger.InMemory();
        }

        // The bot id is the token's first part: one ledger per bot, so a new token starts afresh.
        var botId = options.BotToken!.Trim().Split(':')[0];
        var dataDir = configuration["Bots:DataDir"] is { Length: > 0 } dir ? dir : "data";
        return UpdateLedger.Open(Path.Combine(dataDir, "telegram", $"updates-{botId}.json"));
    }
}
