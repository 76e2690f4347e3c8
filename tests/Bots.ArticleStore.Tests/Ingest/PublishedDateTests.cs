using Bots.ArticleStore.Ingest;

namespace Bots.ArticleStore.Tests.Ingest;

public sealed class PublishedDateTests
{
    [Theory]
    [InlineData("2024-08-13", "2024-08-13")]
    [InlineData("2024-08-13T23:14:00+08:00", "2024-08-13T23:14:00+08:00")]
    [InlineData("2024-08-13T23:14:00.123Z", "2024-08-13T23:14:00Z")]
    [InlineData("Aug 13, 2024 11:14 PM", "2024-08-13T23:14:00")]
    [InlineData("August 13, 2024", "2024-08-13")]
    [InlineData("13 August 2024", "2024-08-13")]
    [InlineData("Tuesday, 13 August 2024 14:05 GMT", "2024-08-13T14:05:00Z")]
    [InlineData("Tue, 13 Aug 2024 23:14:00 +0000", "2024-08-13T23:14:00Z")]
    [InlineData("2024/08/13", "2024-08-13")]
    [InlineData("13.08.2024", "2024-08-13")]
    [InlineData("08/13/2024", "2024-08-13")]
    [InlineData("Published: 13th Aug 2024", "2024-08-13")]
    public void TryParse_ReadsCommonFormats(string text, string iso)
    {
        Assert.True(PublishedDate.TryParse(text, out var date));
        Assert.Equal(iso, date.ToIso());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    [InlineData("13 Smarch 2024")]
    [InlineData("2024-08-13T25:00")]
    [InlineData("Robert'); DROP TABLE articles;--")]
    public void TryParse_RefusesWhatIsNotADate(string text)
    {
        Assert.False(PublishedDate.TryParse(text, out _));
    }
}
