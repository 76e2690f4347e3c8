using Bots.Contracts.V1;
using Bots.Text;
using Bots.Text.Dates;
using Grpc.Core;

namespace Bots.Summarizer.Tests.Grpc;

/// <summary>The Summarizer over gRPC against the real article store holding the seeds.</summary>
public sealed class SummarizerServiceTests(SeededServices services) : IClassFixture<SeededServices>
{
    private const string VisitQuery = "What happened when Abbas visited Moscow?";

    [Fact]
    public async Task SummarizeTopic_AbbasMoscowVisit_MentionsBothLeaders()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = VisitQuery });

        Assert.Contains("Abbas", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Putin", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeTopic_AbbasMoscowVisit_HasNoTwoSentencesSharingMostOfTheirWords()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = VisitQuery, MaxSentences = 8 });

        var words = summary.Sentences.Select(s => (IReadOnlySet<string>)Tokenizer.Words(s.Text).Where(w => !StopWords.Contains(w)).ToHashSet()).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                Assert.True(Similarity.Containment(words[i], words[j]) < 0.7,
                    $"\"{summary.Sentences[i].Text}\" and \"{summary.Sentences[j].Text}\" share most of their words");
            }
        }
    }

    [Fact]
    public async Task SummarizeTopic_AbbasMoscowVisit_CitesAtLeastTwoSources()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = VisitQuery });

        var sources = summary.Sentences.Select(s => summary.Citations[s.CitationIndex].Source).Distinct().ToList();
        Assert.True(sources.Count >= 2, $"sources: {string.Join(", ", sources)}");
    }

    [Fact]
    public async Task SummarizeTopic_EachSentenceComesFromTheArticleItCites()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = VisitQuery });

        Assert.NotEmpty(summary.Sentences);
        foreach (var sentence in summary.Sentences)
        {
            var citation = summary.Citations[sentence.CitationIndex];
            var article = await services.Store.GetArticleAsync(new GetArticleRequest { Id = citation.ArticleId });
            Assert.Contains(sentence.Text, TextNormalizer.Normalize(article.Body), StringComparison.Ordinal);
            Assert.Equal(article.Title, citation.Title);
        }
    }

    [Fact]
    public async Task SummarizeTopic_RespectsMaxSentences()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = "Russia Palestine", MaxSentences = 2 });

        Assert.Equal(2, summary.Sentences.Count);
    }

    [Fact]
    public async Task SummarizeTopic_WithASourceFilter_CitesOnlyThatSource()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = VisitQuery, Source = "Global Times" });

        Assert.NotEmpty(summary.Citations);
        Assert.All(summary.Citations, c => Assert.Equal("Global Times", c.Source));
    }

    [Fact]
    public async Task SummarizeTopic_AboutSomethingNoArticleMentions_IsEmpty()
    {
        var summary = await services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = "quantum chromodynamics lattice" });

        Assert.Empty(summary.Sentences);
        Assert.Equal("", summary.Text);
    }

    [Fact]
    public async Task SummarizeArticle_ReturnsSentencesOfThatArticleInOrder()
    {
        var article = await FindArticleAsync("Global Times");

        var summary = await services.Summarizer.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = article.Id });

        Assert.Equal(3, summary.Sentences.Count);
        var body = TextNormalizer.Normalize(article.Body);
        var positions = summary.Sentences.Select(s => body.IndexOf(s.Text, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(article.Id, Assert.Single(summary.Citations).ArticleId);
    }

    [Fact]
    public async Task Timeline_RussiaPalestine_IsInDateOrder()
    {
        var timeline = await services.Summarizer.TimelineAsync(new TimelineRequest { Query = "Russia Palestine relations" });

        Assert.True(timeline.Events.Count >= 10, $"only {timeline.Events.Count} events");
        var starts = timeline.Events.Select(e => Start(e.Date)).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public async Task Timeline_RussiaPalestine_SpansTheSovietEraToTheAugust2024Meeting()
    {
        var timeline = await services.Summarizer.TimelineAsync(new TimelineRequest { Query = "Russia Palestine relations" });

        Assert.Contains(timeline.Events, e => Start(e.Date).Year < 1991);
        var meeting = Assert.Single(timeline.Events, e => e.Description.Contains("met with Russian President Vladimir Putin in Moscow", StringComparison.Ordinal));
        Assert.Equal("2024-08-13", meeting.Date);
        Assert.Equal("Global Times", meeting.Citation.Source);
    }

    [Fact]
    public async Task Timeline_DatesMatchTheTextTheyWereReadFrom()
    {
        var timeline = await services.Summarizer.TimelineAsync(new TimelineRequest { Query = "Russia Palestine relations", MaxEvents = 100 });

        var recognition = Assert.Single(timeline.Events, e => e.DateText == "May 17, 1948");
        Assert.Equal("1948-05-17", recognition.Date);
        foreach (var e in timeline.Events)
        {
            Assert.Contains(e.DateText, e.Citation.Snippet, StringComparison.Ordinal);
            var mention = DateExtractor.Extract(e.DateText).FirstOrDefault();
            if (mention is { From: { } from } && !mention.YearInferred && !mention.IsRelative)
            {
                Assert.StartsWith(from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Date, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Timeline_RespectsMaxEvents()
    {
        var timeline = await services.Summarizer.TimelineAsync(new TimelineRequest { Query = "Russia Palestine relations", MaxEvents = 3 });

        Assert.Equal(3, timeline.Events.Count);
    }

    [Fact]
    public async Task SummarizeArticle_UnknownId_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.SummarizeArticleAsync(new SummarizeArticleRequest { ArticleId = 987654 }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("987654", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(-1)]
    public async Task SummarizeArticle_MaxSentencesOutOfRange_IsInvalidArgumentNamingTheBound(int maxSentences)
    {
        var article = await FindArticleAsync("Global Times");

        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.SummarizeArticleAsync(
            new SummarizeArticleRequest { ArticleId = article.Id, MaxSentences = maxSentences }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("max_sentences must be between 1 and 20", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeArticle_ZeroId_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.SummarizeArticleAsync(new SummarizeArticleRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("article_id", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SummarizeTopic_EmptyQuery_IsInvalidArgument(string query)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.SummarizeTopicAsync(new SummarizeTopicRequest { Query = query }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("query", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeTopic_MaxSentencesOutOfRange_IsInvalidArgumentNamingTheBound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.SummarizeTopicAsync(
            new SummarizeTopicRequest { Query = VisitQuery, MaxSentences = 50 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("20", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeTopic_UnparseableDate_IsInvalidArgumentNamingTheField()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.SummarizeTopicAsync(
            new SummarizeTopicRequest { Query = VisitQuery, PublishedAfter = "last Tuesday" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("published_after", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_EmptyQuery_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.TimelineAsync(new TimelineRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Timeline_MaxEventsOutOfRange_IsInvalidArgumentNamingTheBound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => services.Summarizer.TimelineAsync(
            new TimelineRequest { Query = "Russia", MaxEvents = 101 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("max_events must be between 1 and 100", error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<Article> FindArticleAsync(string source)
    {
        var list = await services.Store.ListArticlesAsync(new ListArticlesRequest { Source = source });
        return await services.Store.GetArticleAsync(new GetArticleRequest { Id = list.Articles[0].Id });
    }

    private static DateOnly Start(string iso) => iso.Length switch
    {
        4 => new DateOnly(int.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), 1, 1),
        7 => DateOnly.ParseExact(iso + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
