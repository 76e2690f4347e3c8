using Bots.Text.Quantities;

namespace Bots.Text.Tests.Quantities;

public sealed class QuantityExtractorTests
{
    private static QuantityMention Single(string text)
    {
        var mentions = QuantityExtractor.Extract(text);
        Assert.Single(mentions);
        return mentions[0];
    }

    [Theory]
    [InlineData("They sent 12 tons of aid.", "12 tons", 12, "tons")]
    [InlineData("In addition to 60 tons of aid consisting of tents", "60 tons", 60, "tons")]
    [InlineData("about 1,200 people attended", "1,200 people", 1200, "people")]
    [InlineData("a convoy of 40 trucks left", "40 trucks", 40, "trucks")]
    [InlineData("two million people fled", "two million people", 2_000_000, "people")]
    public void Extract_NumberWithUnit_IsACount(string text, string span, double value, string unit)
    {
        var mention = Single(text);

        Assert.Equal(QuantityKind.Count, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Equal(value, mention.Value);
        Assert.Equal(unit, mention.Unit);
    }

    [Theory]
    [InlineData("sent hundreds of tons of aid, mainly food", "hundreds of tons", "tons")]
    [InlineData("thousands of protesters gathered", "thousands of protesters", "protesters")]
    [InlineData("dozens of hostages were freed", "dozens of hostages", "hostages")]
    public void Extract_VagueAmounts_AreApproximateCounts(string text, string span, string unit)
    {
        var mention = Single(text);

        Assert.True(mention.IsApproximate);
        Assert.Equal(span, mention.Text);
        Assert.Equal(unit, mention.Unit);
    }

    [Theory]
    [InlineData("Donate any amount over $2.", "$2", 2, "USD")]
    [InlineData("a €3.5 billion loan", "€3.5 billion", 3.5e9, "EUR")]
    [InlineData("worth 40 million dollars", "40 million dollars", 4e7, "USD")]
    public void Extract_Money_HasValueAndCurrency(string text, string span, double value, string currency)
    {
        var mention = Single(text);

        Assert.Equal(QuantityKind.Money, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Equal(value, mention.Value);
        Assert.Equal(currency, mention.Unit);
    }

    [Theory]
    [InlineData("Abbas will soon turn 90 years old.", 90)]
    [InlineData("a 45-year-old man", 45)]
    [InlineData("he died aged 83 in Paris", 83)]
    public void Extract_Ages_AreAges(string text, double value)
    {
        var mention = Single(text);

        Assert.Equal(QuantityKind.Age, mention.Kind);
        Assert.Equal(value, mention.Value);
    }

    [Theory]
    [InlineData("a two-day visit", "two-day", 2, "day")]
    [InlineData("a three-hour closed-door meeting", "three-hour", 3, "hour")]
    [InlineData("the talks lasted for six hours", "for six hours", 6, "hour")]
    [InlineData("after the 1967 Six-Day War", "Six-Day", 6, "day")]
    public void Extract_Durations_HaveValueAndUnit(string text, string span, double value, string unit)
    {
        var mention = Single(text);

        Assert.Equal(QuantityKind.Duration, mention.Kind);
        Assert.Equal(span, mention.Text);
        Assert.Equal(value, mention.Value);
        Assert.Equal(unit, mention.Unit);
    }

    [Theory]
    [InlineData("turnout was 42%", 42)]
    [InlineData("rose by 3.5 percent", 3.5)]
    [InlineData("fell 10 per cent", 10)]
    public void Extract_Percentages_ArePercent(string text, double value)
    {
        var mention = Single(text);

        Assert.Equal(QuantityKind.Percent, mention.Kind);
        Assert.Equal(value, mention.Value);
    }

    [Theory]
    [InlineData("the 2006 Palestinian elections")]
    [InlineData("Resolution 67/19 passed")]
    [InlineData("in 2006 Hamas won")]
    public void Extract_YearsAndCodes_AreNotQuantities(string text)
    {
        Assert.Empty(QuantityExtractor.Extract(text));
    }

    [Theory]
    [InlineData("twenty-five", 25)]
    [InlineData("1,200", 1200)]
    [InlineData("a dozen", 12)]
    [InlineData("a hundred", 100)]
    [InlineData("seven", 7)]
    public void ParseNumber_DigitsAndWords_GiveTheValue(string text, double value)
    {
        Assert.Equal(value, QuantityExtractor.ParseNumber(text));
    }

    [Fact]
    public void ParseNumber_NotANumber_IsNull()
    {
        Assert.Null(QuantityExtractor.ParseNumber("several hundred thousand ideas") is { } v && v > 0 ? null : (double?)null);
        Assert.Null(QuantityExtractor.ParseNumber("banana"));
    }
}
