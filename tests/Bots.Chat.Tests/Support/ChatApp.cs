using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Chat.Tests.Support;

/// <summary>The chat application as Program.cs builds it (AddChat + MapChat), on a loopback port.</summary>
public sealed class ChatApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LogCapture _logs;

    private ChatApp(WebApplication app, LogCapture logs, string baseUrl)
    {
        _app = app;
        _logs = logs;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public IReadOnlyList<string> Logs => [.. _logs.Messages];

    /// <summary>Starts the app with the stand-in services as its back ends (over gRPC) unless
    /// <paramref name="settings"/> points Services:* elsewhere.</summary>
    public static async Task<ChatApp> StartAsync(StandInBackends backends, IDictionary<string, string?> settings, int port = 0)
    {
        await backends.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chat:Console"] = "false",
            ["Telegram:PollTimeoutSeconds"] = "5",
            ["Services:QuestionAnswering"] = backends.Address,
            ["Services:Summarizer"] = backends.Address,
            ["Services:ArticleStore"] = backends.Address,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var logs = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.AddChat();
        var app = builder.Build();
        app.MapChat();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChatApp(app, logs, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}

/// <summary>A temporary data directory, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bots-chat-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
