using Bots.Summarizer.Articles;

namespace Bots.Summarizer.Tests.Articles;

public class InMemoryArticleSourceTests
{
    [Fact]
    public async Task Search_RanksParagraphsMatchingMoreQueryTermsFirst()
    {
        var source = new InMemoryArticleSource();
        source.Add("Rates", "The bank raised interest rates.\nThe weather was fine.");
        source.Add("Rates again", "Interest rates and inflation rose as the bank raised interest rates again.");

        var hits = await source.SearchAsync(new PassageQuery("interest rates inflation", 10), CancellationToken.None);

        Assert.Equal(2, hits[0].ArticleId);
        Assert.DoesNotContain(hits, h => h.Text.Contains("weather", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_FiltersBySourceAndDate()
    {
        var source = new InMemoryArticleSource();
        source.Add("A", "Abbas visited Moscow.", source: "RT", published: "2024-08-13");
        source.Add("B", "Abbas visited Moscow again.", source: "Al Jazeera", published: "2021-11-23");

        var bySource = await source.SearchAsync(new PassageQuery("Abbas", 10, Source: "rt"), CancellationToken.None);
        var byDate = await source.SearchAsync(new PassageQuery("Abbas", 10, PublishedAfter: "2024-01-01"), CancellationToken.None);

        Assert.Equal("RT", Assert.Single(bySource).Source);
        Assert.Equal("2024-08-13", Assert.Single(byDate).Published);
    }

    [Fact]
    public async Task GetArticle_UnknownId_IsNull()
    {
        Assert.Null(await new InMemoryArticleSource().GetArticleAsync(42, CancellationToken.None));
    }
}
