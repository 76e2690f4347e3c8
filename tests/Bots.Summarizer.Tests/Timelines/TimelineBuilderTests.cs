using Bots.Summarizer.Articles;
using Bots.Summarizer.Timelines;
using Bots.Summarizer.Topics;
using Bots.Text.Dates;

namespace Bots.Summarizer.Tests.Timelines;

public class TimelineBuilderTests
{
    private static IReadOnlyList<TimelineEvent> Build(string body, string published = "", int maxEvents = 20)
    {
        var article = new TopicArticle(new SourceArticle(1, "Russia and Palestine", body, "Test", "", published, 0), 1, 0, "");
        return TimelineBuilder.Build("Russia Palestine", [article], maxEvents);
    }

    [Fact]
    public void Build_PutsEventsInDateOrderWithIsoDates()
    {
        var events = Build("""
            Russia and Palestine signed a new aid agreement on 13 August 2024 in Moscow.
            The Soviet Union recognised the Palestine Liberation Organization in 1974 after long talks.
            A PLO embassy opened in Moscow in March 1981 with Soviet support for Palestine.
            """);

        Assert.Equal(["1974", "1981-03", "2024-08-13"], events.Select(e => e.Date));
    }

    [Fact]
    public void Build_ResolvesWeekdaysAgainstThePublicationDate()
    {
        var events = Build("Palestinian President Abbas met Russian President Putin in Moscow on Tuesday.", published: "2024-08-14");

        Assert.Equal("2024-08-13", Assert.Single(events).Date);
    }

    [Fact]
    public void Build_IgnoresDatesThatOnlyBoundTheEvent()
    {
        var events = Build("Abbas visited Moscow for the first time since 2021 to meet Russian leaders about Palestine.");

        Assert.Empty(events);
    }

    [Fact]
    public void Build_KeepsTheDateTextAndCitesTheSentence()
    {
        var e = Assert.Single(Build("The Soviet Union recognised the Palestine Liberation Organization in 1974 after long talks."));

        Assert.Equal("1974", e.DateText);
        Assert.Equal("The Soviet Union recognised the Palestine Liberation Organization in 1974 after long talks.", e.Citation.Snippet);
    }

    [Fact]
    public void Build_RespectsMaxEvents()
    {
        var events = Build("Russia aided Palestine in 1970.\nRussia aided Palestine again in 1980 with new loans.\nRussia aided Palestine in 1990 with food and medicine.", maxEvents: 2);

        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Build_WithoutDates_IsEmpty()
    {
        Assert.Empty(Build("Russia and Palestine have close ties and talk often about peace."));
    }

    [Fact]
    public void IsoDate_FollowsThePrecision()
    {
        var mentions = DateExtractor.Extract("On 13 August 2024, in March 1981, in 1974 and in the 1970s.");

        Assert.Equal(["2024-08-13", "1981-03", "1974", "1970"], mentions.Select(TimelineBuilder.IsoDate));
    }

    [Fact]
    public void Describe_RemovesCitationMarksAndShortensLongSentences()
    {
        Assert.Equal("A PLO embassy opened in Moscow.", TimelineBuilder.Describe("A PLO embassy opened in Moscow.[9]"));
        var description = TimelineBuilder.Describe(string.Join(' ', Enumerable.Repeat("word", 100)));
        Assert.True(description.Length <= 221);
        Assert.EndsWith("\u2026", description, StringComparison.Ordinal);
    }
}
