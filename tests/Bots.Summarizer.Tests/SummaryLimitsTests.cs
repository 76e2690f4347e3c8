namespace Bots.Summarizer.Tests;

public class SummaryLimitsTests
{
    [Fact]
    public void Sentences_ZeroMeansTheDefault() => Assert.Equal(3, SummaryLimits.Sentences(0, 3));

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void Sentences_WithinBounds_AreKept(int value) => Assert.Equal(value, SummaryLimits.Sentences(value, 3));

    [Theory]
    [InlineData(21)]
    [InlineData(-5)]
    public void Sentences_OutOfBounds_NameTheBound(int value)
    {
        var error = Assert.Throws<SummaryRequestException>(() => SummaryLimits.Sentences(value, 3));

        Assert.Equal(SummaryFailure.InvalidArgument, error.Failure);
        Assert.Contains("between 1 and 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_AboveOneHundred_AreRefused()
    {
        Assert.Throws<SummaryRequestException>(() => SummaryLimits.Events(101));
        Assert.Equal(20, SummaryLimits.Events(0));
    }

    [Fact]
    public void Query_IsTrimmed() => Assert.Equal("Abbas", SummaryLimits.Query("  Abbas \n"));

    [Fact]
    public void Query_TooLong_IsRefused()
    {
        var error = Assert.Throws<SummaryRequestException>(() => SummaryLimits.Query(new string('a', 1001)));

        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }
}
