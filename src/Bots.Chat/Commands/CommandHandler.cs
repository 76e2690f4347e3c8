using System.Globalization;
using Bots.Chat.Backends;
using Bots.Contracts.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Commands;

/// <summary>Turns a command from any channel into a channel-neutral reply. Never throws for back-end
/// failures: the reply then apologises and names what is down.</summary>
public sealed class CommandHandler(
    INewsBackend backend,
    UserRateLimiter rateLimiter,
    ConversationMemory memory,
    IOptions<ChatOptions> options,
    ILogger<CommandHandler> logger)
{
    private const int RecentShown = 5;

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return request.Command switch
            {
                ChatCommands.Start => Welcome(),
                ChatCommands.Help => Help(),
                ChatCommands.Ask => await AskAsync(request, cancellationToken),
                ChatCommands.Summary => await SummaryAsync(request, cancellationToken),
                ChatCommands.Timeline => await TimelineAsync(request, cancellationToken),
                ChatCommands.Sources => await SourcesAsync(cancellationToken),
                ChatCommands.Article => await ArticleAsync(request, cancellationToken),
                _ => ChatReply.Error($"I don't know the command /{request.Command}. Send /help to see what I can do."),
            };
        }
        catch (BackendException e)
        {
            // Expected when a service is down or busy: one line, the stack trace only when debugging.
            logger.LogWarning("Command /{Command} failed: {Reason}", request.Command, e.Message);
            logger.LogDebug(e, "Command /{Command} failure details", request.Command);
            return Apology(e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug must still get the reader an answer, never silence.
            logger.LogError(e, "Command /{Command} failed unexpectedly", request.Command);
            return ChatReply.Error("Sorry, something went wrong on my side while answering. Please try again; if it keeps happening, tell the operators.");
        }
    }

    /// <summary>Autocomplete for topics: store titles and entities starting with the prefix; empty when the store is down.</summary>
    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return await backend.SuggestAsync(prefix.Trim(), limit, cancellationToken);
        }
        catch (BackendException e)
        {
            logger.LogWarning(e, "Suggestions for {Prefix} failed", prefix);
            return [];
        }
    }

    public static ChatReply Welcome() => new()
    {
        Kind = ReplyKind.Text,
        Headline = "Hello! I answer questions about the news articles I have read, and cite where each answer comes from.",
        Lines =
        [
            new ReplyLine("Just ask, for example: When did Abbas visit Moscow?"),
            new ReplyLine("Send /help for everything else I can do."),
        ],
    };

    public static ChatReply Help() => new()
    {
        Kind = ReplyKind.Text,
        Headline = "What I can do",
        Lines =
        [
            .. ChatCommands.All.Select(c => new ReplyLine(
                c.Description,
                Label: c.Argument.Length == 0 ? $"/{c.Name}" : $"/{c.Name} <{c.Argument}>")),
            new ReplyLine("In a private chat any message is a question; in a group, use /ask or mention me."),
        ],
    };

    private async Task<ChatReply> AskAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var question = request.Argument;
        if (Admit(request, "/ask When did Abbas visit Moscow?", "question") is { } refused)
        {
            return refused;
        }

        var askRequest = new AskRequest { Question = question };
        if (memory.Recall(request.UserKey) is { } previous)
        {
            askRequest.PreviousQuestion = previous.Question;
            askRequest.PreviousAnswer = previous.Answer;
        }

        var response = await backend.AskAsync(askRequest, cancellationToken);
        if (!response.Answered || string.IsNullOrWhiteSpace(response.Answer))
        {
            var lines = new List<ReplyLine>();
            if (!string.IsNullOrWhiteSpace(response.Message))
            {
                lines.Add(new ReplyLine(response.Message.Trim()));
            }

            return await DeclineAsync("I could not find the answer in the articles I have read.", lines, cancellationToken);
        }

        memory.Remember(request.UserKey, question, response.Answer);
        var answerLines = new List<ReplyLine>();
        if (!string.IsNullOrWhiteSpace(response.Message))
        {
            answerLines.Add(new ReplyLine(response.Message.Trim()));
        }

        var alternatives = response.Alternatives.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (alternatives.Count > 0)
        {
            answerLines.Add(new ReplyLine("Other sources say: " + string.Join("; ", alternatives)));
        }

        return new ChatReply
        {
            Kind = ReplyKind.Answer,
            Headline = response.Answer.Trim(),
            Evidence = string.IsNullOrWhiteSpace(response.Evidence) ? null : response.Evidence.Trim(),
            Lines = answerLines,
            Sources = DistinctSources(response.Citations).Sources,
        };
    }

    private async Task<ChatReply> SummaryAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Argument;
        if (Admit(request, "/summary Abbas visit to Moscow", "topic") is { } refused)
        {
            return refused;
        }

        var summary = await backend.SummarizeTopicAsync(new SummarizeTopicRequest { Query = topic }, cancellationToken);
        var lines = SummaryLines(summary, out var sources);
        if (lines.Count == 0)
        {
            return await DeclineAsync($"I found nothing about “{topic}” in the articles.", [], cancellationToken);
        }

        return new ChatReply { Kind = ReplyKind.Summary, Headline = $"Summary: {topic}", Lines = lines, Sources = sources };
    }

    private async Task<ChatReply> TimelineAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Argument;
        if (Admit(request, "/timeline Gaza ceasefire talks", "topic") is { } refused)
        {
            return refused;
        }

        var timeline = await backend.TimelineAsync(new TimelineRequest { Query = topic }, cancellationToken);
        var (sources, indexOf) = DistinctSources(timeline.Events.Select(e => e.Citation).Where(c => c is not null));
        var lines = timeline.Events
            .Where(e => !string.IsNullOrWhiteSpace(e.Description))
            .Select(e => new ReplyLine(
                e.Description.Trim(),
                e.Citation is null ? null : indexOf(e.Citation),
                ReplyFormat.Date(string.IsNullOrWhiteSpace(e.Date) ? e.DateText : e.Date)))
            .ToList();
        if (lines.Count == 0)
        {
            return await DeclineAsync($"I found no dated events about “{topic}” in the articles.", [], cancellationToken);
        }

        return new ChatReply { Kind = ReplyKind.Timeline, Headline = $"Timeline: {topic}", Lines = lines, Sources = sources };
    }

    private async Task<ChatReply> SourcesAsync(CancellationToken cancellationToken)
    {
        var stats = await backend.GetStatsAsync(cancellationToken);
        var lines = new List<ReplyLine> { new(Coverage(stats)) };
        lines.AddRange(stats.Sources
            .OrderByDescending(s => s.Articles)
            .Select(s => new ReplyLine(Count(s.Articles, "article"), Label: s.Source)));
        if (stats.Recent.Count > 0)
        {
            lines.Add(new ReplyLine("Most recent articles (open one with /article <id>):"));
        }

        return new ChatReply
        {
            Kind = ReplyKind.Sources,
            Headline = "What I have read",
            Lines = lines,
            Sources = stats.Recent.Take(RecentShown).Select(FromHeader).ToList(),
        };
    }

    private async Task<ChatReply> ArticleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var text = request.Argument.TrimStart('#').Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return ChatReply.Error("Give the article's number, for example: /article 42. /sources lists recent articles with their numbers.");
        }

        if (CheckRate(request.UserKey) is { } limited)
        {
            return limited;
        }

        Article article;
        try
        {
            article = await backend.GetArticleAsync(id, cancellationToken);
        }
        catch (BackendException e) when (e.Failure == BackendFailure.NotFound)
        {
            return ChatReply.Error($"There is no article {id}. /sources lists recent articles with their numbers.");
        }

        var lines = new List<ReplyLine>();
        try
        {
            var summary = await backend.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = id }, cancellationToken);
            lines.AddRange(SummaryLines(summary, out _).Select(l => l with { Source = null }));
        }
        catch (BackendException e) when (e.Failure == BackendFailure.Unavailable)
        {
            lines.Add(new ReplyLine($"(No summary: {BackendException.DisplayName(e.Service)} is not reachable right now.)"));
        }

        if (lines.Count == 0)
        {
            lines.Add(new ReplyLine(ReplyFormat.Truncate(article.Body, 600)));
        }

        if (article.DuplicateOf != 0)
        {
            lines.Add(new ReplyLine($"The same story as article {article.DuplicateOf}."));
        }

        return new ChatReply
        {
            Kind = ReplyKind.Article,
            Headline = string.IsNullOrWhiteSpace(article.Title) ? $"Article {id}" : article.Title,
            Lines = lines,
            Sources = [new ReplySource(article.Title, article.Url, article.Source, article.Published)],
        };
    }

    /// <summary>A decline that still helps: the service's own note plus what the collection covers.</summary>
    private async Task<ChatReply> DeclineAsync(string headline, List<ReplyLine> lines, CancellationToken cancellationToken)
    {
        var sources = new List<ReplySource>();
        try
        {
            var stats = await backend.GetStatsAsync(cancellationToken);
            lines.Add(new ReplyLine(Coverage(stats)));
            sources.AddRange(stats.Recent.Take(RecentShown).Select(FromHeader));
        }
        catch (BackendException e)
        {
            // The decline itself is the answer; the coverage is a courtesy that may be missing.
            logger.LogInformation("Coverage unavailable for a declined request: {Detail}", e.Message);
        }

        lines.Add(new ReplyLine("Try /sources to see what I have read, or ask in other words."));
        return new ChatReply { Kind = ReplyKind.Declined, Headline = headline, Lines = lines, Sources = sources };
    }

    /// <summary>Null when the request may go to the services; otherwise the reply explaining why not.</summary>
    private ChatReply? Admit(ChatRequest request, string example, string what) =>
        CheckInput(request.Argument, example, what) ?? CheckRate(request.UserKey);

    private ChatReply? CheckInput(string value, string example, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ChatReply.Error($"Please add a {what}, for example: {example}");
        }

        var max = options.Value.MaxQuestionLength;
        return value.Length > max
            ? ChatReply.Error($"That {what} is {value.Length} characters long; please keep it under {max}.")
            : null;
    }

    private ChatReply? CheckRate(string userKey)
    {
        if (rateLimiter.TryAcquire(userKey, out var retryAfter))
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new ChatReply
        {
            Kind = ReplyKind.RateLimited,
            Lines =
            [
                new ReplyLine($"You have sent {options.Value.QuestionsPerMinute} questions in the last minute, which is my limit " +
                    $"so that everyone gets quick answers. Please ask again in {Count(seconds, "second")}."),
            ],
        };
    }

    private static ChatReply Apology(BackendException e)
    {
        var service = BackendException.DisplayName(e.Service);
        return ChatReply.Error(e.Failure switch
        {
            BackendFailure.Unavailable => $"Sorry, {service} is not reachable right now, so I cannot answer. Please try again in a minute.",
            BackendFailure.Rejected => $"{service} could not take that request: {e.Detail}",
            BackendFailure.NotFound => $"Sorry, {service} found nothing for that: {e.Detail}",
            _ => $"Sorry, {service} failed on this request. Please try again later; if it keeps failing, tell the operators.",
        });
    }

    private static List<ReplyLine> SummaryLines(Summary summary, out IReadOnlyList<ReplySource> sources)
    {
        var (distinct, indexOf) = DistinctSources(summary.Citations);
        sources = distinct;
        if (summary.Sentences.Count == 0)
        {
            return string.IsNullOrWhiteSpace(summary.Text) ? [] : [new ReplyLine(summary.Text.Trim())];
        }

        return summary.Sentences
            .Where(s => !string.IsNullOrWhiteSpace(s.Text))
            .Select(s => new ReplyLine(
                s.Text.Trim(),
                s.CitationIndex >= 0 && s.CitationIndex < summary.Citations.Count ? indexOf(summary.Citations[s.CitationIndex]) : null))
            .ToList();
    }

    /// <summary>One source per article, in first-cited order, with a lookup from citation to its 1-based number.</summary>
    private static (IReadOnlyList<ReplySource> Sources, Func<Citation, int> IndexOf) DistinctSources(IEnumerable<Citation> citations)
    {
        var sources = new List<ReplySource>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var citation in citations)
        {
            var key = Key(citation);
            if (!numbers.ContainsKey(key))
            {
                sources.Add(new ReplySource(citation.Title, citation.Url, citation.Source, citation.Published));
                numbers[key] = sources.Count;
            }
        }

        return (sources, c => numbers[Key(c)]);

        static string Key(Citation c) => c.ArticleId != 0 ? $"#{c.ArticleId}" : $"{c.Url}|{c.Title}";
    }

    private static ReplySource FromHeader(ArticleHeader h) =>
        new(string.IsNullOrWhiteSpace(h.Title) ? $"Article {h.Id}" : $"{h.Title} (#{h.Id})", h.Url, h.Source, h.Published);

    private static string Coverage(StoreStats stats)
    {
        if (stats.ArticleCount == 0)
        {
            return "I have not read any articles yet.";
        }

        var text = $"I have read {Count(stats.ArticleCount, "article")}";
        var publishers = stats.Sources.OrderByDescending(s => s.Articles).Select(s => s.Source).Where(s => s.Length > 0).ToList();
        if (publishers.Count > 0)
        {
            text += " from " + (publishers.Count <= 4
                ? string.Join(", ", publishers)
                : string.Join(", ", publishers.Take(4)) + $" and {publishers.Count - 4} more");
        }

        if (!string.IsNullOrWhiteSpace(stats.OldestPublished) && !string.IsNullOrWhiteSpace(stats.NewestPublished))
        {
            text += $", published {ReplyFormat.Date(stats.OldestPublished)} – {ReplyFormat.Date(stats.NewestPublished)}";
        }

        return text + ".";
    }

    private static string Count(int n, string noun) =>
        $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
