using Bots.ArticleStore.Ingest;
using Bots.Testing;

namespace Bots.ArticleStore.Tests.Ingest;

/// <summary>Each seed cleaned WITHOUT its manifest: the rules must find titles, dates and junk on their own.</summary>
public sealed class SeedCleaningTests
{
    private static CleanedText Seed(string prefix)
    {
        var file = Directory.GetFiles(RepoPaths.Seeds, prefix + "_*.txt").Single();
        return TextCleaner.Clean(File.ReadAllText(file));
    }

    private static string Body(CleanedText cleaned) => string.Join("\n", cleaned.Paragraphs);

    [Fact]
    public void RtRepublication_DropsTeaserAndContributorLine_KeepsSourceFromTeaser()
    {
        var cleaned = Seed("000");

        Assert.Equal("Putin convenes with Abbas: Exploring the resilience of the Russia-Palestine alliance", cleaned.Title);
        Assert.Equal("RT", cleaned.Source);
        Assert.DoesNotContain("Read Full Article", Body(cleaned));
        Assert.DoesNotContain("contributed to this report", Body(cleaned));
        Assert.StartsWith("East Jerusalem views Moscow as an essential ally", cleaned.Paragraphs[0]);
        Assert.EndsWith("rather than charting a path toward a clear and hopeful future.", cleaned.Paragraphs[^1]);
        Assert.Contains("who visited Moscow from August 12 to 14 for the first time since 2021.", Body(cleaned));
    }

    [Fact]
    public void UntitledRewrite_HasNoTitleLine_AndKeepsEveryParagraph()
    {
        var cleaned = Seed("001");

        Assert.Null(cleaned.Title);
        Assert.Equal(9, cleaned.Paragraphs.Count);
        Assert.StartsWith("The Palestinian leader, Mahmoud Abbas, is currently in Moscow", cleaned.Paragraphs[0]);
        Assert.Contains("\"Moscow has no desire to see Israel support Ukraine in their conflict,\" Katz added.", Body(cleaned));
    }

    [Fact]
    public void GlobalTimes_DropsSectionLabelAndDateLine_KeepsOneCaption()
    {
        var cleaned = Seed("002");

        Assert.Equal("Abbas meets Putin in Moscow to discuss Middle East crisis", cleaned.Title);
        Assert.Equal("2024-08-13T23:14:00", cleaned.Published?.ToIso());
        var body = Body(cleaned);
        Assert.DoesNotContain("CHINA", body);
        Assert.DoesNotContain("Published:", body);
        Assert.DoesNotContain("Photo: VCG", body);
        Assert.Single(cleaned.Paragraphs, p => p.Contains("Novo-Ogaryovo presidential residence", StringComparison.Ordinal));
        Assert.StartsWith("Russia's President Vladimir Putin (right) meets Palestinian President Mahmoud Abbas", cleaned.Paragraphs[0]);
        Assert.EndsWith("boosting unity within different factions in Palestine.", cleaned.Paragraphs[^1]);
    }

    [Fact]
    public void Wikipedia_DropsCitationMarksReferencesAndLicence_KeepsSourceAndUrl()
    {
        var cleaned = Seed("003");

        Assert.Equal("Palestine–Russia relations", cleaned.Title);
        Assert.Equal("Wikipedia", cleaned.Source);
        Assert.Equal("https://en.wikipedia.org/wiki/Palestine%E2%80%93Russia_relations", cleaned.Url);
        var body = Body(cleaned);
        Assert.DoesNotMatch(@"\[\d+\]", body);
        Assert.DoesNotContain("[citation needed]", body);
        Assert.DoesNotContain("References", body);
        Assert.DoesNotContain("Retrieved", body);
        Assert.DoesNotContain("See also", body);
        Assert.DoesNotContain("Share this article", body);
        Assert.DoesNotContain("Quick Facts", body);
        Assert.DoesNotContain("CC BY-SA", body);
        Assert.DoesNotContain("Bilateral relations", body);
        Assert.StartsWith("The bilateral relations between the State of Palestine and Russia", cleaned.Paragraphs[0]);
        Assert.Contains("\"lead [sic] to multiple deaths among civilians.\"", body);
        Assert.EndsWith("were similar to Israel's stated goals of defeating Hamas and extremism in Gaza.", cleaned.Paragraphs[^1]);
    }

    [Fact]
    public void Syndicated_DropsShareRowsAppealsAndLinkLists_KeepsOriginalSource()
    {
        var cleaned = Seed("004");

        Assert.Equal("What's behind Russia's \"soft power\" moves on Israel-Palestine?", cleaned.Title);
        Assert.Equal("Al Jazeera", cleaned.Source);
        var body = Body(cleaned);
        Assert.DoesNotContain("Share on", body);
        Assert.DoesNotContain("Donate", body);
        Assert.DoesNotContain("independent journalism", body);
        Assert.DoesNotContain("Support us", body);
        Assert.DoesNotContain("Don't Miss", body);
        Assert.DoesNotContain("Trump", body);
        Assert.DoesNotContain("9,595", body);
        Assert.DoesNotContain("originally appeared", body);
        Assert.StartsWith("Palestinian leader Mahmoud Abbas is in Moscow", cleaned.Paragraphs[0]);
        Assert.Contains("since 2021 The pair", cleaned.Paragraphs[0]);
        Assert.Contains("The Iran factor", cleaned.Paragraphs);
        Assert.EndsWith("Will Russia have the ability to act in a way that determines the conflict?\"", cleaned.Paragraphs[^1]);
    }
}
