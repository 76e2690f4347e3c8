using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Retrieval;

public sealed class PassageRetrieverTests
{
    private sealed class CountingSearch(IPassageSearch inner) : IPassageSearch
    {
        public List<string> Queries { get; } = [];

        public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
        {
            lock (Queries)
            {
                Queries.Add(query);
            }

            return inner.SearchAsync(query, limit, cancellationToken);
        }

        public Task<string?> GetArticleBodyAsync(long articleId, CancellationToken cancellationToken) => inner.GetArticleBodyAsync(articleId, cancellationToken);
    }

    [Fact]
    public void FocusQuery_QuotesEachNameAndAddsTheYear()
    {
        var analysis = QuestionAnalyzer.Analyze("Where did Jane Roe meet Marco Rossi in 2021?");

        var query = PassageRetriever.FocusQuery(analysis);

        Assert.NotNull(query);
        Assert.Contains("\"jane roe\"", query, StringComparison.Ordinal);
        Assert.Contains("\"marco rossi\"", query, StringComparison.Ordinal);
        Assert.Contains("2021", query, StringComparison.Ordinal);
    }

    [Fact]
    public void FocusQuery_LeavesOutAnOpeningWordThatMayBeNoName()
    {
        var analysis = QuestionAnalyzer.Analyze("Work on the new bridge ended up funding which Harbor College lab?");

        var query = PassageRetriever.FocusQuery(analysis);

        Assert.Contains(analysis.Names, n => n.Text == "Work");
        Assert.NotNull(query);
        Assert.Contains("\"harbor college\"", query, StringComparison.Ordinal);
        Assert.DoesNotContain("work", query, StringComparison.Ordinal);
    }

    [Fact]
    public void FocusQuery_WhenTheOnlyNameMayOnlyOpenTheQuestion_IsNull()
    {
        var analysis = QuestionAnalyzer.Analyze("Outside of the old mill, what did the river power?");

        Assert.Null(PassageRetriever.FocusQuery(analysis));
    }

    [Fact]
    public async Task Retrieve_WhenAnOpeningWordMayBeNoName_StillSearchesTheEventWords()
    {
        var store = new InMemoryPassageSearch();
        store.Add("Campus labs", "The Tide Lab of Harbor College grew out of pioneering research in salt-marsh ecology, which began in 1928 and went on for many years after.", "Wire", "2021-01-01");
        for (var i = 0; i < 10; i++)
        {
            store.Add($"Work {i}", $"Work at Harbor College on topic {i} ended.", "Wire", "2021-01-01");
        }

        for (var i = 0; i < 20; i++)
        {
            store.Add($"News {i}", $"Harbor College hired staff {i}.", "Wire", "2021-01-01");
        }

        var passages = await new PassageRetriever(store).RetrieveAsync(QuestionAnalyzer.Analyze("Work on salt-marsh ecology ended up in the creation of which Harbor College lab?"), default);

        Assert.Contains(passages, p => p.Text.Contains("Tide Lab", StringComparison.Ordinal));
    }

    [Fact]
    public void FocusQuery_WithoutNames_IsNull()
    {
        Assert.Null(PassageRetriever.FocusQuery(QuestionAnalyzer.Analyze("how much grain was exported")));
    }

    [Fact]
    public async Task Retrieve_WhenFewPassagesHoldTheNames_SearchesOnce()
    {
        var store = new InMemoryPassageSearch();
        store.Add("Roe in Rome", "Jane Roe visited Rome on March 3, 2021.", "Wire", "2021-03-04");
        for (var i = 0; i < 30; i++)
        {
            store.Add($"Filler {i}", $"Officials visited the port number {i} and talked about trade.", "Wire", "2021-01-01");
        }

        var counting = new CountingSearch(store);

        var passages = await new PassageRetriever(counting).RetrieveAsync(QuestionAnalyzer.Analyze("When did Jane Roe visit Rome?"), default);

        Assert.Single(counting.Queries);
        Assert.Contains(passages, p => p.Text.Contains("Jane Roe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrieve_WhenTheNamesAreEverywhere_AlsoSearchesTheEventWords()
    {
        var store = new InMemoryPassageSearch();
        for (var i = 0; i < 40; i++)
        {
            store.Add($"Rome diary {i}", $"Jane Roe wrote from Rome about topic {i}.", "Wire", "2021-01-01");
        }

        var counting = new CountingSearch(store);

        await new PassageRetriever(counting).RetrieveAsync(QuestionAnalyzer.Analyze("When did Jane Roe resign in Rome?"), default);

        Assert.Equal(2, counting.Queries.Count);
        Assert.Contains(counting.Queries, q => q.Contains("resign", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrieve_WhenNoPassageHoldsTheNames_SearchesWiderBeforeGivingUp()
    {
        var store = new InMemoryPassageSearch();
        store.Add("Roe in Rome", "Jane Roe visited Rome on March 3, 2021.", "Wire", "2021-03-04");
        var counting = new CountingSearch(store);

        await new PassageRetriever(counting).RetrieveAsync(QuestionAnalyzer.Analyze("When did Jane Roe visit Madrid?"), default);

        Assert.Equal(2, counting.Queries.Count);
    }

    [Fact]
    public async Task Retrieve_WhenThePassagesNamingTheNamesNeverSayTheEvent_AlsoSearchesTheEventWords()
    {
        var store = new InMemoryPassageSearch();
        store.Add("Rankings", "USA Today ranked the college 10th in the nation.", "Wire", "2021-01-01");
        store.Add("Radio", "Around 1899, Professor Jerome Green became the first American to send a wireless message.", "Wire", "2021-01-01");
        var counting = new CountingSearch(store);

        var passages = await new PassageRetriever(counting).RetrieveAsync(QuestionAnalyzer.Analyze("Which professor sent the first wireless message in the USA?"), default);

        Assert.Equal(2, counting.Queries.Count);
        Assert.Contains(passages, p => p.Text.Contains("wireless", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrieve_WhenAPassageNamingTheNamesSaysTheEvent_SearchesOnce()
    {
        var store = new InMemoryPassageSearch();
        store.Add("Rankings", "USA Today ranked the college 10th in the nation.", "Wire", "2021-01-01");
        store.Add("Radio", "In 1899 a professor sent the first wireless message in the USA.", "Wire", "2021-01-01");
        var counting = new CountingSearch(store);

        await new PassageRetriever(counting).RetrieveAsync(QuestionAnalyzer.Analyze("Which professor sent the first wireless message in the USA?"), default);

        Assert.Single(counting.Queries);
    }
}
