using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading.Channels;
using Bots.Chat.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Telegram;

/// <summary>Runs the Telegram bot: start-up calls (getMe, setMyCommands, webhook set or removed), then long
/// polling or the webhook queue. Updates of one chat are answered in order; different chats in parallel.</summary>
public sealed class TelegramChannel(
    TelegramBotClient client,
    TelegramUpdateHandler updateHandler,
    UpdateLedger ledger,
    IOptions<TelegramOptions> options,
    ILogger<TelegramChannel> logger) : BackgroundService
{
    private static readonly string[] AllowedUpdates = ["message"];
    private const int MaxConcurrentUpdates = 16;
    private const int MaxUnansweredUpdates = 1_000;
    private readonly Channel<Update> _webhookQueue = Channel.CreateBounded<Update>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _concurrency = new(MaxConcurrentUpdates);
    private readonly ConcurrentDictionary<long, Task> _chatTails = new();
    private readonly object _tailsGate = new();

    /// <summary>Queues an update received on the webhook; false when the queue is full (Telegram will retry).</summary>
    public bool Accept(Update update) => _webhookQueue.Writer.TryWrite(update);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Telegram is off: set Telegram:BotToken (e.g. the Telegram__BotToken environment variable) to turn it on.");
            return;
        }

        try
        {
            await StartWithRetriesAsync(settings, stoppingToken);
            if (settings.IsWebhook)
            {
                await foreach (var update in _webhookQueue.Reader.ReadAllAsync(stoppingToken))
                {
                    Dispatch(update, stoppingToken);
                }
            }
            else
            {
                await PollAsync(settings, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            logger.LogCritical("Telegram refused the bot token ({Description}); the Telegram channel is off. Check Telegram:BotToken.", e.Message);
        }
        catch (Exception e)
        {
            // Never take the other channels and services down with this one.
            logger.LogCritical(e, "The Telegram channel stopped");
        }

        await WaitForInFlightAsync();
    }

    private async Task StartWithRetriesAsync(TelegramOptions settings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(settings, cancellationToken);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException || e is ApiRequestException { ErrorCode: not (401 or 404) })
            {
                var wait = TelegramRetry.Backoff(Math.Min(attempt + 4, 6));
                logger.LogError("Telegram start-up failed ({Reason}); trying again in {Seconds:0} s", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private async Task StartAsync(TelegramOptions settings, CancellationToken cancellationToken)
    {
        var me = await WithRetryAsync(client.GetMeAsync, "getMe", cancellationToken);
        updateHandler.Me = me;
        var commands = ChatCommands.All.Select(c => new BotCommand { Command = c.Name, Description = c.Description }).ToList();
        await WithRetryAsync(ct => client.SetMyCommandsAsync(commands, ct), "setMyCommands", cancellationToken);
        if (settings.IsWebhook)
        {
            await WithRetryAsync(
                ct => client.SetWebhookAsync(settings.WebhookUrl!, settings.WebhookSecret, AllowedUpdates, cancellationToken: ct),
                "setWebhook",
                cancellationToken);
            logger.LogInformation("Telegram is on as @{Username}, receiving updates on the webhook", me.Username);
        }
        else
        {
            // getUpdates is refused while a webhook is set, e.g. after running in webhook mode before.
            await WithRetryAsync(ct => client.DeleteWebhookAsync(false, ct), "deleteWebhook", cancellationToken);
            logger.LogInformation("Telegram is on as @{Username}, long polling from update {Offset}", me.Username, ledger.NextOffset);
        }
    }

    private async Task PollAsync(TelegramOptions settings, CancellationToken cancellationToken)
    {
        // Received before a restart but not answered: journaled, and already confirmed to Telegram.
        foreach (var update in ledger.Unfinished())
        {
            Dispatch(update, cancellationToken);
        }

        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Back-pressure: with this many received and unanswered, take no more until some are answered
            // (Telegram keeps them for a day), so a flood cannot grow the journal and the task list without bound.
            var room = MaxUnansweredUpdates - ledger.Unanswered;
            if (room <= 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
                continue;
            }

            Update[] updates;
            try
            {
                updates = await client.GetUpdatesAsync(ledger.NextOffset, Math.Min(100, room), settings.PollTimeoutSeconds, AllowedUpdates, cancellationToken);
                failures = 0;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)), cancellationToken);
                continue;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                logger.LogError("Telegram getUpdates conflict: {Description}. Is another instance polling with this token?", e.Message);
                await Task.Delay(TelegramRetry.Backoff(Math.Min(++failures, 6)), cancellationToken);
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException || e is ApiRequestException { ErrorCode: >= 500 })
            {
                var wait = TelegramRetry.Backoff(Math.Min(++failures, 6));
                logger.LogWarning("Telegram getUpdates failed ({Reason}); retrying in {Seconds:0.0} s", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            // Journaled before the next getUpdates confirms them, which then waits for new messages at once
            // while these are answered concurrently.
            foreach (var update in ledger.Receive(updates))
            {
                Dispatch(update, cancellationToken);
            }
        }
    }

    /// <summary>Starts answering an update after the earlier ones of its chat, unless it is handled or in hand already.</summary>
    private void Dispatch(Update update, CancellationToken cancellationToken)
    {
        if (!ledger.TryBegin(update.UpdateId))
        {
            return;
        }

        var chatId = update.Message?.Chat.Id ?? 0;
        lock (_tailsGate)
        {
            var previous = _chatTails.GetValueOrDefault(chatId) ?? Task.CompletedTask;
            var next = RunAfterAsync(previous, update, cancellationToken);
            _chatTails[chatId] = next;
            _ = next.ContinueWith(
                t =>
                {
                    lock (_tailsGate)
                    {
                        if (_chatTails.TryGetValue(chatId, out var tail) && tail == t)
                        {
                            _chatTails.TryRemove(chatId, out _);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task RunAfterAsync(Task previous, Update update, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await _concurrency.WaitAsync(cancellationToken);
            try
            {
                await updateHandler.HandleAsync(update, cancellationToken);
            }
            finally
            {
                _concurrency.Release();
            }

            ledger.Complete(update.UpdateId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not answered: offered again after the restart.
            ledger.Abandon(update.UpdateId);
        }
        catch (Exception e)
        {
            // Delivery failed for good (or a bug): record it so one poison update cannot block the chat forever.
            logger.LogError(e, "Telegram update {UpdateId} in chat {ChatId} could not be answered", update.UpdateId, update.Message?.Chat.Id);
            ledger.Complete(update.UpdateId);
        }
    }

    private async Task WaitForInFlightAsync()
    {
        Task[] tails;
        lock (_tailsGate)
        {
            tails = [.. _chatTails.Values];
        }

        await Task.WhenAll(tails).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task<T> WithRetryAsync<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken) =>
        TelegramRetry.RunAsync(call, what, logger, cancellationToken, retryTimeouts: true);

    private async Task WithRetryAsync(Func<CancellationToken, Task> call, string what, CancellationToken cancellationToken) =>
        await TelegramRetry.RunAsync(
            async ct =>
            {
                await call(ct);
                return true;
            },
            what,
            logger,
            cancellationToken,
            retryTimeouts: true);
}
