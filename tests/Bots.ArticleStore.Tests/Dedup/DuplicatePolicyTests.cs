using Bots.ArticleStore.Dedup;

namespace Bots.ArticleStore.Tests.Dedup;

public sealed class DuplicatePolicyTests
{
    [Fact]
    public void IsSameStory_LinksTheAlJazeeraPieceAndItsRewrite()
    {
        var original = SeedArticles.Prepared("004").Fingerprint;
        var rewrite = SeedArticles.Prepared("001").Fingerprint;

        Assert.True(DuplicatePolicy.IsSameStory(rewrite, original, out var containment), $"containment {containment:F3}");
    }

    [Theory]
    [InlineData("000", "002")]
    [InlineData("000", "001")]
    [InlineData("000", "003")]
    [InlineData("000", "004")]
    [InlineData("001", "002")]
    [InlineData("001", "003")]
    [InlineData("002", "003")]
    [InlineData("002", "004")]
    [InlineData("003", "004")]
    public void IsSameStory_DoesNotLinkDifferentReportsOnTheSameEvent(string a, string b)
    {
        var first = SeedArticles.Prepared(a).Fingerprint;
        var second = SeedArticles.Prepared(b).Fingerprint;

        Assert.False(DuplicatePolicy.IsSameStory(first, second, out var containment), $"containment {containment:F3}");
    }

    [Fact]
    public void Fingerprint_RoundTripsThroughBytes()
    {
        var fingerprint = SeedArticles.Prepared("003").Fingerprint;

        var copy = ArticleFingerprint.FromBytes(fingerprint.ToBytes());

        Assert.Equal(fingerprint.Sample, copy.Sample);
        Assert.Equal(1.0, fingerprint.Containment(copy, out _));
    }

    [Fact]
    public void Containment_CountsSharedShinglesOverTheSmallerSample()
    {
        static ArticleFingerprint Of(params uint[] sample) => ArticleFingerprint.FromBytes(sample.SelectMany(BitConverter.GetBytes).ToArray());
        var small = Of(1, 3, 5, 7);
        var large = Of(0, 3, 4, 5, 8, 9, uint.MaxValue);

        var containment = small.Containment(large, out var shared);

        Assert.Equal(2, shared);
        Assert.Equal(0.5, containment);
        Assert.Equal(0.5, large.Containment(small, out _));
        Assert.Equal(0, Of().Containment(large, out _));
    }
}
