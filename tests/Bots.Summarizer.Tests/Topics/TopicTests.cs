using Bots.Summarizer.Articles;
using Bots.Summarizer.Topics;

namespace Bots.Summarizer.Tests.Topics;

public class TopicTests
{
    [Fact]
    public void Formulations_IncludeTheQueryItsContentWordsAndItsNames()
    {
        var formulations = TopicRetrieval.Formulations("What happened when Abbas visited Moscow?");

        Assert.Equal("What happened when Abbas visited Moscow?", formulations[0]);
        Assert.Contains("Abbas visited Moscow", formulations);
        Assert.Contains("Abbas", formulations);
        Assert.Contains("Moscow", formulations);
    }

    [Fact]
    public void Filter_AfterLaterThanBefore_IsRefused()
    {
        var error = Assert.Throws<SummaryRequestException>(() => TopicRetrieval.Filter(null, "2024-08-14", "2024-08-01"));

        Assert.Contains("published_after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_AcceptsIsoDatesAndDateTimes()
    {
        var filter = TopicRetrieval.Filter(" RT ", "2024-08-01", "2024-08-14T23:59:59Z");

        Assert.Equal("RT", filter.Source);
    }

    [Fact]
    public async Task Summarize_SameStoryFromTwoSources_CitesBothAndRepeatsNoSentence()
    {
        var source = new InMemoryArticleSource();
        const string shared = "Palestinian President Mahmoud Abbas met Russian President Vladimir Putin in Moscow on Tuesday.";
        source.Add("Abbas in Moscow", shared + "\nThe two leaders discussed the war in Gaza and humanitarian aid.\nAbbas thanked Russia for its support.", "Global Times", published: "2024-08-13");
        source.Add("Putin hosts Abbas", shared + "\nPutin said Russia was watching the catastrophe in Gaza with great pain.\nThe meeting lasted three hours at Novo-Ogaryovo.", "Anadolu", published: "2024-08-13");
        var summarizer = new TopicSummarizer(new TopicRetrieval(source));

        var summary = await summarizer.SummarizeAsync(new TopicRequest("Abbas Putin Moscow meeting", 4), CancellationToken.None);

        Assert.Equal(1, summary.Sentences.Count(s => s.Text == shared));
        Assert.Equal(2, summary.Sentences.Select(s => summary.Citations[s.CitationIndex].Source).Distinct().Count());
    }

    [Fact]
    public async Task Find_ArticlesMarkedAsDuplicates_CountAsOneStory()
    {
        var source = new InMemoryArticleSource();
        var first = source.Add("Abbas in Moscow", "Abbas met Putin in Moscow to discuss Gaza.", "Al Jazeera");
        source.Add("Abbas in Moscow (rewritten)", "Abbas held talks with Putin in Moscow about Gaza.", "", duplicateOf: first);

        var found = await new TopicRetrieval(source).FindAsync("Abbas Moscow", TopicFilter.None, 10, CancellationToken.None);

        Assert.Single(found);
    }

    [Fact]
    public async Task Find_CopiesTheStoreDidNotLink_CountAsOneStory()
    {
        var source = new InMemoryArticleSource();
        const string body = "Abbas met Putin in Moscow on Tuesday to discuss the war in Gaza and aid for Palestinians, officials said.";
        source.Add("Abbas in Moscow", body, "Agency");
        source.Add("Abbas visits Moscow", body + " Read more.", "Aggregator");

        var found = await new TopicRetrieval(source).FindAsync("Abbas Moscow", TopicFilter.None, 10, CancellationToken.None);

        Assert.Single(found);
    }
}
