using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bots.Contracts.V1;
using Bots.StandIns;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Cli.Load;

/// <summary>
/// Drives open-loop load at the system: gRPC Ask calls and chat messages (Telegram updates through getUpdates,
/// signed Discord interactions) arrive at fixed rates whether or not earlier ones have been answered, as users'
/// requests do. Every request ends as succeeded, failed (gRPC status, HTTP status, or an error reply) or lost
/// (a chat message with no reply within the timeout).
/// </summary>
internal sealed class LoadDriver : IDisposable
{
    private readonly LoadSystem _system;
    private readonly LoadSettings _settings;
    private readonly LoadQuestions _questions;
    private readonly GrpcChannel _channel;
    private readonly Contracts.V1.QuestionAnswering.QuestionAnsweringClient _qa;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentDictionary<long, TaskCompletionSource<TelegramBotApiStandIn.SentMessage>> _telegramWaiting = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _discordWaiting = new(StringComparer.Ordinal);
    private long _nextChat = 9_000_000_000;

    public LoadDriver(LoadSystem system, LoadSettings settings, LoadQuestions questions)
    {
        _system = system;
        _settings = settings;
        _questions = questions;
        // No client retries: a request the system failed must be counted, not hidden by a second attempt.
        _channel = GrpcChannel.ForAddress(system.QuestionAnsweringAddress, new GrpcChannelOptions { RetryPolicy = null });
        _qa = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(_channel);
        system.Telegram.MessageSent = reply =>
        {
            if (_telegramWaiting.TryRemove(reply.ChatId, out var waiting))
            {
                waiting.TrySetResult(reply);
            }
        };
        system.Discord.InteractionMessageAccepted = (interactionToken, message) =>
        {
            if (_discordWaiting.TryRemove(interactionToken, out var waiting))
            {
                waiting.TrySetResult(message);
            }
        };
    }

    private bool DrivesChat => _system.ChatHttpAddress is not null && _settings.ChatMessagesPerSecond > 0;

    /// <summary>
    /// Untimed load at the run's rates, so that JIT, connection set-up and cold caches stay out of the figures: for
    /// <see cref="LoadSettings.Warmup"/>, then (with <see cref="LoadSettings.MaxWarmup"/>) in rounds until no service's
    /// JIT compiles many methods a round. Returns how long it ran and the most methods a service compiled in the last round.
    /// </summary>
    public async Task<(TimeSpan Duration, double LastRoundJitMethods)> WarmUpAsync(CancellationToken cancellationToken)
    {
        var warmedUp = _settings.Warmup;
        if (warmedUp > TimeSpan.Zero)
        {
            await RunPhaseAsync(warmedUp, NewTallies(), null, cancellationToken);
        }

        var lastRound = double.NaN;
        while (_settings.MaxWarmup is { } max && warmedUp + _settings.WarmupRound <= max)
        {
            var before = await ScrapeAsync(cancellationToken);
            await RunPhaseAsync(_settings.WarmupRound, NewTallies(), null, cancellationToken);
            warmedUp += _settings.WarmupRound;
            var after = await ScrapeAsync(cancellationToken);
            lastRound = before.Zip(after, (b, a) => b is null || a is null ? 0 : a.JitMethods - b.JitMethods).DefaultIfEmpty(0).Max();
            if (lastRound < _settings.JitSettledMethods)
            {
                break;
            }
        }

        return (warmedUp, lastRound);
    }

    /// <summary>The measured run; <paramref name="progress"/> gets a line every five seconds.</summary>
    public Task<LoadReport> RunAsync(TextWriter? progress, CancellationToken cancellationToken) =>
        MeasureAsync(
            _settings.AskConcurrency > 0
                ? string.Create(CultureInfo.InvariantCulture, $"offered: {_settings.AskConcurrency} asks in flight (closed loop) + {(DrivesChat ? _settings.ChatMessagesPerSecond : 0):0.#} chat messages/s for {_settings.Duration.TotalSeconds:0.#} s")
                : string.Create(CultureInfo.InvariantCulture, $"offered: {_settings.AsksPerSecond:0.#} asks/s + {(DrivesChat ? _settings.ChatMessagesPerSecond : 0):0.#} chat messages/s for {_settings.Duration.TotalSeconds:0.#} s (open loop)"),
            tallies => RunPhaseAsync(_settings.Duration, tallies, progress, cancellationToken),
            cancellationToken);

    /// <summary>Asks one at a time: what an ask costs on its own, with no queue anywhere, to set against the loaded figures.</summary>
    public Task<LoadReport> ProbeAsync(int asks, CancellationToken cancellationToken) =>
        MeasureAsync(
            string.Create(CultureInfo.InvariantCulture, $"one ask at a time, {asks} asks (nothing queued: the cost of an ask on its own)"),
            async tallies =>
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < asks; i++)
                {
                    await AskAsync(_questions.Next(), Stopwatch.GetTimestamp(), tallies[0], cancellationToken);
                }

                return start;
            },
            cancellationToken);

    /// <summary>
    /// Waits until the started services are idle (under 5% of a core for a second), at most <paramref name="limit"/>:
    /// a caller that gave up does not stop the work it started, and that work must not be billed to what follows.
    /// Returns how long they kept working.
    /// </summary>
    public async Task<TimeSpan> SettleAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var before = _system.Processes.Sum(p => p.CpuTime.TotalSeconds);
        while (_system.Processes.Count > 0 && clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = _system.Processes.Sum(p => p.CpuTime.TotalSeconds);
            if (now - before < 0.05)
            {
                return clock.Elapsed - TimeSpan.FromSeconds(1);
            }

            before = now;
        }

        return clock.Elapsed;
    }

    private async Task<LoadReport> MeasureAsync(string description, Func<RequestTally[], Task<long>> phase, CancellationToken cancellationToken)
    {
        var cpuBefore = _system.Processes.Select(p => p.CpuTime).ToList();
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var loadBefore = LoadReport.LoadAverage();
        var metricsBefore = await ScrapeAsync(cancellationToken);
        var tallies = NewTallies();
        var start = await phase(tallies);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var metricsAfter = await ScrapeAsync(cancellationToken);
        var scraped = _system.Processes
            .Select((p, i) => (p, Before: metricsBefore[i], After: metricsAfter[i]))
            .Where(m => m.Before is not null && m.After is not null)
            .ToList();
        var server = scraped.SelectMany(m => ServerTimings.Between(m.p.Project, m.Before!, m.After!)).ToList();
        var runtime = scraped.Select(m => ServerTimings.RuntimeBetween(m.p.Project, m.Before!, m.After!)).ToList();
        var cpu = _system.Processes
            .Select((p, i) => new ProcessCpu(p.Project, (p.CpuTime - cpuBefore[i]).TotalSeconds, p.PeakWorkingSetBytes / 1048576.0))
            .Append(new ProcessCpu("generator", (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0))
            .ToList();
        return new LoadReport(
            description,
            tallies.Where(t => t.Sent > 0 || t.Kind == Kinds.Ask).Select(t => t.Report(start)).ToList(),
            elapsed,
            cpu,
            server,
            runtime,
            loadBefore,
            LoadReport.LoadAverage());
    }

    private async Task<ServerTimings.Snapshot?[]> ScrapeAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_system.Processes.Select(p => ServerTimings.ScrapeAsync(_http, p.HttpAddress, cancellationToken)));

    public void Dispose()
    {
        _channel.Dispose();
        _http.Dispose();
    }

    private static RequestTally[] NewTallies() => [new(Kinds.Ask), new(Kinds.Telegram), new(Kinds.Discord)];

    /// <summary>Sends on schedule for <paramref name="duration"/>, then waits until every request has an outcome; returns the start time.</summary>
    private async Task<long> RunPhaseAsync(TimeSpan duration, RequestTally[] tallies, TextWriter? progress, CancellationToken cancellationToken)
    {
        var closedLoop = _settings.AskConcurrency > 0;
        var asks = closedLoop ? 0 : (long)Math.Round(_settings.AsksPerSecond * duration.TotalSeconds);
        var chats = DrivesChat ? (long)Math.Round(_settings.ChatMessagesPerSecond * duration.TotalSeconds) : 0;
        var inFlight = new Outstanding();
        var start = Stopwatch.GetTimestamp();
        if (closedLoop)
        {
            // Each reader asks its next question as soon as the last one is answered, until the phase ends.
            foreach (var _ in Enumerable.Range(0, _settings.AskConcurrency))
            {
                inFlight.Add(Task.Run(async () =>
                {
                    while (Stopwatch.GetElapsedTime(start) < duration)
                    {
                        await AskAsync(_questions.Next(), Stopwatch.GetTimestamp(), tallies[0], cancellationToken);
                    }
                }));
            }
        }
        var nextProgress = 5.0;
        long sentAsks = 0, sentChats = 0;
        while (sentAsks < asks || sentChats < chats)
        {
            var askDue = sentAsks < asks ? sentAsks / _settings.AsksPerSecond : double.MaxValue;
            var chatDue = sentChats < chats ? sentChats / _settings.ChatMessagesPerSecond : double.MaxValue;
            var due = Math.Min(askDue, chatDue);
            var wait = due - Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (wait > 0.001)
            {
                // Timers fire late by up to a millisecond or so; requests that fell due meanwhile go out at once below,
                // each timed from its own due time.
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            }

            var scheduled = start + (long)(due * Stopwatch.Frequency);
            var question = _questions.Next();
            if (askDue <= chatDue && !closedLoop)
            {
                sentAsks++;
                inFlight.Add(AskAsync(question, scheduled, tallies[0], cancellationToken));
            }
            else
            {
                // Alternate the channels: even messages go to Telegram, odd ones to Discord.
                inFlight.Add(sentChats++ % 2 == 0
                    ? TelegramAsync(question, scheduled, tallies[1])
                    : DiscordAsync(question, scheduled, tallies[2], cancellationToken));
            }

            if (progress is not null && due >= nextProgress)
            {
                nextProgress += 5;
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {due,4:0} s: sent {tallies.Sum(t => t.Sent)}, answered {tallies.Sum(t => t.Finished)}, waiting {tallies.Sum(t => t.Sent - t.Finished)}"));
            }
        }

        await inFlight.AllFinishedAsync();
        return start;
    }

    /// <summary>
    /// The requests of a phase that have not finished. Finished ones are let go: a list of every request's task kept
    /// them all, with what they captured, until the phase ended. A request that threw (not a counted failure, a
    /// fault of the run) makes the phase throw once all have finished, as Task.WhenAll did.
    /// </summary>
    private sealed class Outstanding
    {
        private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // One for the sender, released when it has sent everything: until then no number of finished requests ends the phase.
        private int _count = 1;
        private Exception? _fault;

        public void Add(Task request)
        {
            Interlocked.Increment(ref _count);
            request.ContinueWith(
                static (finished, state) =>
                {
                    var outstanding = (Outstanding)state!;
                    if (finished.Exception is { } fault)
                    {
                        Interlocked.CompareExchange(ref outstanding._fault, fault.InnerExceptions.Count == 1 ? fault.InnerException! : fault, null);
                    }

                    outstanding.Release();
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        public async Task AllFinishedAsync()
        {
            Release();
            await _drained.Task;
            if (_fault is { } fault)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
            }
        }

        private void Release()
        {
            if (Interlocked.Decrement(ref _count) == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task AskAsync(string question, long scheduled, RequestTally tally, CancellationToken cancellationToken)
    {
        tally.CountSent();
        try
        {
            var response = await _qa.AskAsync(
                new AskRequest { Question = question },
                deadline: DateTime.UtcNow + _settings.AskDeadline,
                cancellationToken: cancellationToken);
            if (response.Answered ? response.Answer.Length > 0 : response.Message.Length > 0)
            {
                tally.Succeed(scheduled);
            }
            else
            {
                tally.Fail("empty reply");
            }
        }
        catch (RpcException e)
        {
            tally.Fail(e.StatusCode.ToString());
        }
    }

    private async Task TelegramAsync(string question, long scheduled, RequestTally tally)
    {
        var chatId = Interlocked.Increment(ref _nextChat);
        var waiting = new TaskCompletionSource<TelegramBotApiStandIn.SentMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _telegramWaiting[chatId] = waiting;
        tally.CountSent();
        _system.Telegram.SendUserMessage(chatId, question);
        if (await ReplyWithinTimeoutAsync(waiting.Task, scheduled) is not { } reply)
        {
            _telegramWaiting.TryRemove(chatId, out _);
            tally.Lose();
            return;
        }

        // An answer or a decline leads with its headline in bold; apologies and rate-limit notices are plain lines.
        if (reply.Text.StartsWith("<b>", StringComparison.Ordinal))
        {
            tally.Succeed(scheduled);
        }
        else
        {
            tally.Fail("error reply");
        }
    }

    private async Task DiscordAsync(string question, long scheduled, RequestTally tally, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextChat).ToString(CultureInfo.InvariantCulture);
        var token = "load-interaction-" + id;
        var followUp = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _discordWaiting[token] = followUp;
        var body = DiscordInteractionSigner.Interaction(id, token, id, "ask", "question", question);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_system.ChatHttpAddress!, "/discord/interactions"))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Signature-Ed25519", _system.DiscordSigner.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        tally.CountSent();
        JsonObject? message;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_settings.ReplyTimeout);
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                _discordWaiting.TryRemove(token, out _);
                tally.Fail($"HTTP {(int)response.StatusCode}");
                return;
            }

            var interactionResponse = JsonNode.Parse(text)?.AsObject();
            message = interactionResponse?["type"]?.GetValue<int>() switch
            {
                4 => interactionResponse["data"]?.AsObject(),
                // Deferred: the answer arrives as an edit of the original response.
                5 => await ReplyWithinTimeoutAsync(followUp.Task, scheduled),
                _ => null,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            message = null;
        }
        catch (HttpRequestException e)
        {
            _discordWaiting.TryRemove(token, out _);
            tally.Fail("HTTP " + (e.HttpRequestError.ToString()));
            return;
        }

        _discordWaiting.TryRemove(token, out _);
        if (message is null)
        {
            tally.Lose();
        }
        else if (message["embeds"] is JsonArray { Count: > 0 })
        {
            tally.Succeed(scheduled);
        }
        else
        {
            // Answers and declines are embeds; errors are plain (ephemeral) text.
            tally.Fail("error reply");
        }
    }

    private async Task<T?> ReplyWithinTimeoutAsync<T>(Task<T> reply, long scheduled)
        where T : class
    {
        var left = _settings.ReplyTimeout - Stopwatch.GetElapsedTime(scheduled);
        if (left > TimeSpan.Zero)
        {
            await Task.WhenAny(reply, Task.Delay(left));
        }

        return reply.IsCompletedSuccessfully ? reply.Result : null;
    }

    private static class Kinds
    {
        public const string Ask = "gRPC Ask";
        public const string Telegram = "Telegram message";
        public const string Discord = "Discord /ask";
    }
}
