using System.Globalization;
using Bots.ArticleStore;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Retrieval;
using Bots.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bots.QuestionAnswering.Tests.Grpc;

/// <summary>
/// Overload: questions beyond the service's capacity wait their turn within their timeout, newest first; when the
/// queue is full the oldest waiting one is refused, and the service's own timeout reaches the caller as DEADLINE_EXCEEDED wherever it struck.
/// </summary>
public sealed class AdmissionTests
{
    [Fact]
    public async Task Ask_WhenAllTurnsAreTakenAndNoneMayWait_IsRefusedAtOnceWithResourceExhausted()
    {
        var search = new GatedSearch();
        await using var qa = await SlowQa.StartAsync(search, maxConcurrent: 1, maxQueued: 0, timeoutMs: 10_000);
        var first = await HoldATurnAsync(qa, search);

        var refused = await Assert.ThrowsAsync<RpcException>(() => qa.Ask("Who repaired the bridge?"));
        search.Open();
        var answered = await first;

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("try again shortly", refused.Status.Detail, StringComparison.Ordinal);
        Assert.False(answered.Answered);
    }

    [Fact]
    public async Task Ask_WaitingForATurn_IsAnsweredWhenOneFrees()
    {
        var search = new GatedSearch();
        await using var qa = await SlowQa.StartAsync(search, maxConcurrent: 1, maxQueued: 10, timeoutMs: 10_000);
        var first = await HoldATurnAsync(qa, search);
        var second = qa.Ask("Who repaired the bridge?");
        await Task.Delay(200);
        var searchedWhileFirstHeld = search.Queries;

        search.Open();
        await Task.WhenAll(first, second);

        Assert.DoesNotContain(searchedWhileFirstHeld, q => q.Contains("bridge", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(search.Queries, q => q.Contains("bridge", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ask_WhenSeveralWait_TheNewestGetsTheNextTurn()
    {
        var search = new GatedSearch();
        await using var qa = await SlowQa.StartAsync(search, maxConcurrent: 1, maxQueued: 10, timeoutMs: 10_000);
        var first = await HoldATurnAsync(qa, search);
        var older = qa.Ask("Who repaired the bridge?");
        await Eventually.WaitUntilAsync(() => qa.Waiting == 1);
        var newer = qa.Ask("Where did the ferry sink?");
        await Eventually.WaitUntilAsync(() => qa.Waiting == 2);

        search.Open();
        await Task.WhenAll(first, older, newer);

        var queries = search.Queries;
        var bridge = queries.ToList().FindIndex(q => q.Contains("bridge", StringComparison.OrdinalIgnoreCase));
        var ferry = queries.ToList().FindIndex(q => q.Contains("ferry", StringComparison.OrdinalIgnoreCase));
        Assert.True(ferry >= 0 && bridge > ferry, "the newer question should be searched first: " + string.Join(" | ", queries));
    }

    [Fact]
    public async Task Ask_WhenTheQueueIsFull_TheOldestWaitingIsRefusedToMakeRoomForTheNewest()
    {
        var search = new GatedSearch();
        await using var qa = await SlowQa.StartAsync(search, maxConcurrent: 1, maxQueued: 1, timeoutMs: 10_000);
        var first = await HoldATurnAsync(qa, search);
        var older = qa.Ask("Who repaired the bridge?");
        await Eventually.WaitUntilAsync(() => qa.Waiting == 1);

        var newer = qa.Ask("Where did the ferry sink?");
        var refused = await Assert.ThrowsAsync<RpcException>(() => older);
        search.Open();
        await Task.WhenAll(first, newer);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains(search.Queries, q => q.Contains("ferry", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(search.Queries, q => q.Contains("bridge", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ask_WhoseTimeRunsOutInAStoreCallOrInTheQueue_IsDeadlineExceeded()
    {
        var search = new GatedSearch();
        // Long enough for a cold first ask (JIT, lexicons) to reach its store call before its time runs out.
        await using var qa = await SlowQa.StartAsync(search, maxConcurrent: 1, maxQueued: 10, timeoutMs: 2_000);

        var inStoreCall = await HoldATurnAsync(qa, search);
        var inQueue = qa.Ask("Who repaired the bridge?");

        var storeCallTimedOut = await Assert.ThrowsAsync<RpcException>(() => inStoreCall);
        var queueTimedOut = await Assert.ThrowsAsync<RpcException>(() => inQueue);

        Assert.Equal(StatusCode.DeadlineExceeded, storeCallTimedOut.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, queueTimedOut.StatusCode);
        Assert.Contains("2000 ms", queueTimedOut.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>Asks a first question and returns once it holds a turn, stuck in its store call until the gate opens.</summary>
    private static async Task<Task<AskResponse>> HoldATurnAsync(SlowQa qa, GatedSearch search)
    {
        var held = qa.Ask("When did the harbour crane collapse?");
        await search.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return held;
    }

    /// <summary>A store whose searches wait at a gate, and report their cancellation as the gRPC client does (CANCELLED).</summary>
    private sealed class GatedSearch : IPassageSearch
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _queries = [];

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Queries
        {
            get
            {
                lock (_queries)
                {
                    return [.. _queries];
                }
            }
        }

        public void Open() => _gate.TrySetResult();

        public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
        {
            lock (_queries)
            {
                _queries.Add(query);
            }
            Entered.TrySetResult();
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."));
            }
            return [];
        }

        public Task<string?> GetArticleBodyAsync(long articleId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    /// <summary>QA (with the real store for its corpus version) whose passage search is <see cref="GatedSearch"/>.</summary>
    private sealed class SlowQa : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly GrpcChannel _channel;
        private readonly string _dataDir;

        private SlowQa(WebApplication app, GrpcChannel channel, string dataDir)
        {
            _app = app;
            _channel = channel;
            _dataDir = dataDir;
            Client = new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel);
        }

        public Contracts.V1.QuestionAnswering.QuestionAnsweringClient Client { get; }

        public Task<AskResponse> Ask(string question) => Client.AskAsync(new AskRequest { Question = question }).ResponseAsync;

        /// <summary>Questions waiting for a turn.</summary>
        public long Waiting => _app.Services.GetRequiredService<AnswerAdmission>().Waiting;

        public static async Task<SlowQa> StartAsync(GatedSearch search, int maxConcurrent, int maxQueued, int timeoutMs)
        {
            var grpcPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            var dataDir = Path.Combine(Path.GetTempPath(), "bots-qa-admission-" + Guid.NewGuid().ToString("N")[..12]);
            var builder = WebApplication.CreateBuilder(
            [
                $"--Bots:GrpcPort={grpcPort}",
                $"--Bots:HttpPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
                $"--Bots:DataDir={dataDir}",
                $"--Bots:SeedsDir={Path.Combine(dataDir, "no-seeds")}",
                $"--Services:ArticleStore=http://127.0.0.1:{grpcPort}",
                $"--QuestionAnswering:MaxConcurrentAnswers={maxConcurrent.ToString(CultureInfo.InvariantCulture)}",
                $"--QuestionAnswering:MaxQueuedAnswers={maxQueued.ToString(CultureInfo.InvariantCulture)}",
                $"--QuestionAnswering:TimeoutMilliseconds={timeoutMs.ToString(CultureInfo.InvariantCulture)}",
                "--Logging:LogLevel:Default=Warning",
            ]);
            builder.Services.AddSingleton<IPassageSearch>(search);
            builder.AddBotsDefaults("qa-admission-tests");
            builder.AddArticleStore();
            builder.AddQuestionAnswering();
            var app = builder.Build();
            app.MapBotsDefaults();
            app.MapArticleStore();
            app.MapQuestionAnswering();
            await app.StartAsync();
            return new SlowQa(app, GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}"), dataDir);
        }

        public async ValueTask DisposeAsync()
        {
            _channel.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Only a temporary folder is left behind.
            }
        }
    }
}
