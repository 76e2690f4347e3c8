using System.Net;
using Bots.Chat.Backends;
using Bots.Contracts.V1;
using Bots.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bots.Chat.Tests.Support;

/// <summary>Canned back-end behaviour defined by each test: what the question-answering, summariser and store
/// services answer. Served over real gRPC on a loopback port (the generated service bases, the Bots.Grpc server)
/// for the integration tests; the domain unit tests call the same behaviour in-process through
/// <see cref="INewsBackend"/>, translated exactly as the gRPC client translates statuses. A behaviour fails like a
/// service by throwing <see cref="RpcException"/>.</summary>
public sealed class StandInBackends : INewsBackend, IAsyncDisposable
{
    private WebApplication? _server;

    public Func<AskRequest, Task<AskResponse>> Ask { get; set; } = _ => Task.FromResult(Answers.Abbas());

    public Func<SummarizeTopicRequest, Task<Summary>> SummarizeTopic { get; set; } = _ => Task.FromResult(Answers.AbbasSummary());

    public Func<SummarizeArticleRequest, Task<Summary>> SummarizeArticle { get; set; } = _ => Task.FromResult(Answers.AbbasSummary());

    public Func<TimelineRequest, Task<TimelineResponse>> Timeline { get; set; } = _ => Task.FromResult(Answers.AbbasTimeline());

    public Func<long, Task<Article>> GetArticle { get; set; } = id => Task.FromResult(Answers.Article(id));

    public Func<Task<StoreStats>> GetStats { get; set; } = () => Task.FromResult(Answers.Stats());

    /// <summary>The store's corpus version; unset, the version <see cref="GetStats"/> reports.</summary>
    public Func<long>? CorpusVersion { get; set; }

    public Func<string, int, Task<IReadOnlyList<string>>> Suggest { get; set; } =
        (prefix, limit) => Task.FromResult<IReadOnlyList<string>>(
            Answers.Topics.Where(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList());

    /// <summary>Questions the question-answering stand-in received, in order.</summary>
    public List<AskRequest> Questions { get; } = [];

    /// <summary>The authorization header of each question received (null when absent), in order.</summary>
    public List<string?> QuestionAuthorizations { get; } = [];

    /// <summary>The gRPC address of all three stand-in services, once <see cref="StartAsync"/> ran.</summary>
    public string Address { get; private set; } = "";

    /// <summary>What a service answers when it cannot be reached.</summary>
    public static RpcException Down() => new(new Status(StatusCode.Unavailable, "Error connecting to subchannel."));

    /// <summary>Serves the stand-in services over gRPC (h2c) on a free loopback port.</summary>
    public async Task StartAsync()
    {
        if (_server is not null)
        {
            return;
        }

        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(port, address: IPAddress.Loopback));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        _server = builder.Build();
        _server.MapGrpcService<QuestionAnsweringStandIn>();
        _server.MapGrpcService<SummarizerStandIn>();
        _server.MapGrpcService<ArticleStoreStandIn>();
        await _server.StartAsync();
        Address = $"http://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }

    internal Task<AskResponse> RecordAsync(AskRequest request, string? authorization = null)
    {
        lock (Questions)
        {
            Questions.Add(request);
            QuestionAuthorizations.Add(authorization);
        }

        return Ask(request);
    }

    Task<AskResponse> INewsBackend.AskAsync(AskRequest request, CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.QuestionAnswering, () => RecordAsync(request));

    Task<Summary> INewsBackend.SummarizeTopicAsync(SummarizeTopicRequest request, CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.Summarizer, () => SummarizeTopic(request));

    Task<Summary> INewsBackend.SummarizeArticleAsync(SummarizeArticleRequest request, CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.Summarizer, () => SummarizeArticle(request));

    Task<TimelineResponse> INewsBackend.TimelineAsync(TimelineRequest request, CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.Summarizer, () => Timeline(request));

    Task<Article> INewsBackend.GetArticleAsync(long id, CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.ArticleStore, () => GetArticle(id));

    Task<StoreStats> INewsBackend.GetStatsAsync(CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.ArticleStore, GetStats);

    Task<IReadOnlyList<string>> INewsBackend.SuggestAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        InProcessAsync(BackendService.ArticleStore, () => Suggest(prefix, limit));

    private static async Task<T> InProcessAsync<T>(BackendService service, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw GrpcNewsBackend.Translate(service, e);
        }
    }

    private sealed class QuestionAnsweringStandIn(StandInBackends backends) : QuestionAnswering.QuestionAnsweringBase
    {
        public override Task<AskResponse> Ask(AskRequest request, ServerCallContext context) =>
            backends.RecordAsync(request, context.RequestHeaders.GetValue("authorization"));
    }

    private sealed class SummarizerStandIn(StandInBackends backends) : Summarizer.SummarizerBase
    {
        public override Task<Summary> SummarizeTopic(SummarizeTopicRequest request, ServerCallContext context) => backends.SummarizeTopic(request);

        public override Task<Summary> SummarizeArticle(SummarizeArticleRequest request, ServerCallContext context) => backends.SummarizeArticle(request);

        public override Task<TimelineResponse> Timeline(TimelineRequest request, ServerCallContext context) => backends.Timeline(request);
    }

    private sealed class ArticleStoreStandIn(StandInBackends backends) : ArticleStore.ArticleStoreBase
    {
        public override Task<Article> GetArticle(GetArticleRequest request, ServerCallContext context) => backends.GetArticle(request.Id);

        public override Task<StoreStats> GetStats(GetStatsRequest request, ServerCallContext context) => backends.GetStats();

        public override async Task<CorpusVersion> GetCorpusVersion(GetCorpusVersionRequest request, ServerCallContext context) =>
            new() { Version = backends.CorpusVersion is { } version ? version() : (await backends.GetStats()).Version };

        public override async Task<SuggestResponse> Suggest(SuggestRequest request, ServerCallContext context) =>
            new() { Suggestions = { await backends.Suggest(request.Prefix, request.Limit == 0 ? 25 : request.Limit) } };
    }
}

/// <summary>Canned service answers shaped like the real services' replies.</summary>
public static class Answers
{
    public static readonly string[] Topics =
    [
        "Abbas", "Abbas visit to Moscow", "Abu Dhabi", "Gaza ceasefire", "Moscow talks", "Putin", "Hamas", "Global Times",
    ];

    public static Citation GlobalTimes() => new()
    {
        ArticleId = 7,
        Title = "Abbas <arrives> in Moscow & meets \"Putin\"",
        Source = "Global Times",
        Url = "https://www.globaltimes.cn/page/202408/1317999.shtml?a=1&b=2",
        Published = "2024-08-13",
        Snippet = "Palestinian President Mahmoud Abbas is on a visit to Moscow from 12 to 14 August 2024.",
    };

    public static AskResponse Abbas() => new()
    {
        Answered = true,
        Answer = "12–14 August 2024",
        Evidence = "Palestinian President Mahmoud Abbas is on a visit to Moscow from 12 to 14 August 2024.",
        Citations = { GlobalTimes() },
        Confidence = 0.91,
        AnswerType = "date",
    };

    public static AskResponse Declined() => new()
    {
        Answered = false,
        Confidence = 0.1,
        Message = "No article mentions Elon Musk; the articles cover Middle East diplomacy in August 2024.",
    };

    public static Summary AbbasSummary() => new()
    {
        Text = "Abbas visited Moscow. He met Putin.",
        Citations = { GlobalTimes() },
        Sentences =
        {
            new SummarySentence { Text = "Palestinian President Mahmoud Abbas visited Moscow from 12 to 14 August 2024.", CitationIndex = 0 },
            new SummarySentence { Text = "He met Russian President Vladimir Putin to discuss the war in Gaza.", CitationIndex = 0 },
        },
    };

    /// <summary>A summary far longer than one Telegram message, of many distinct sentences.</summary>
    public static Summary LongSummary(int sentences = 80)
    {
        var summary = new Summary { Citations = { GlobalTimes() } };
        for (var i = 1; i <= sentences; i++)
        {
            summary.Sentences.Add(new SummarySentence
            {
                Text = $"Sentence number {i} explains one more detail of the long diplomatic visit, with enough words to matter here.",
                CitationIndex = 0,
            });
        }

        return summary;
    }

    public static TimelineResponse AbbasTimeline() => new()
    {
        Events =
        {
            new TimelineEvent { Date = "2024-08-12", DateText = "12 August", Description = "Abbas arrives in Moscow.", Citation = GlobalTimes() },
            new TimelineEvent { Date = "2024-08-13", DateText = "Tuesday", Description = "Abbas meets Putin in the Kremlin.", Citation = GlobalTimes() },
        },
    };

    public static Article Article(long id) => new()
    {
        Id = id,
        Title = "Abbas arrives in Moscow",
        Body = "Palestinian President Mahmoud Abbas arrived in Moscow on Monday. He will meet Putin.",
        Source = "Global Times",
        Url = "https://www.globaltimes.cn/page/202408/1317999.shtml",
        Published = "2024-08-13",
        WordCount = 15,
    };

    public static StoreStats Stats() => new()
    {
        ArticleCount = 120,
        PassageCount = 900,
        Version = 3,
        Sources = { new SourceCount { Source = "Global Times", Articles = 80 }, new SourceCount { Source = "BBC", Articles = 40 } },
        OldestPublished = "2024-08-01",
        NewestPublished = "2024-08-31",
        Recent =
        {
            new ArticleHeader { Id = 120, Title = "Ceasefire talks resume in Cairo", Source = "BBC", Published = "2024-08-31", Url = "https://www.bbc.co.uk/news/1" },
        },
    };
}
