using Bots.Text.Dates;

namespace Bots.Text.Tests.Dates;

public sealed class DateExtractorTests
{
    private static readonly DateOnly Published = new(2024, 8, 13); // a Tuesday

    private static DateMention Single(string text, DateOnly? reference = null)
    {
        var mentions = DateExtractor.Extract(text, reference);
        Assert.Single(mentions);
        return mentions[0];
    }

    [Theory]
    [InlineData("It happened on August 13, 2024.", "August 13, 2024", 2024, 8, 13)]
    [InlineData("It happened on 13 August 2024.", "13 August 2024", 2024, 8, 13)]
    [InlineData("Signed on Aug. 13, 2024 in Paris", "Aug. 13, 2024", 2024, 8, 13)]
    [InlineData("On March 19 2010, the Quartet met.", "March 19 2010", 2010, 3, 19)]
    [InlineData("the 5th of November, 1605", "5th of November, 1605", 1605, 11, 5)]
    [InlineData("Tuesday, 3 September 2019 was busy", "Tuesday, 3 September 2019", 2019, 9, 3)]
    [InlineData("stored 2024-08-13T23:14:00Z", "2024-08-13T23:14:00Z", 2024, 8, 13)]
    [InlineData("due 2021-02-28.", "2021-02-28", 2021, 2, 28)]
    public void Extract_FullDates_ResolveToTheDay(string text, string span, int year, int month, int day)
    {
        var mention = Single(text);

        Assert.Equal(span, mention.Text);
        Assert.Equal(new DateOnly(year, month, day), mention.From);
        Assert.Equal(mention.From, mention.To);
        Assert.Equal(DatePrecision.Day, mention.Precision);
        Assert.False(mention.YearInferred);
    }

    [Fact]
    public void Extract_MonthDayWithoutYear_TakesTheYearOfThePublicationDate()
    {
        var mention = Single("On August 5, the president met the visiting secretary.", Published);

        Assert.Equal(new DateOnly(2024, 8, 5), mention.From);
        Assert.True(mention.YearInferred);
        Assert.Equal("5 August 2024", mention.Describe());
    }

    [Fact]
    public void Extract_MonthDayWithoutYear_TakesTheYearOfAnEarlierFullDateInTheText()
    {
        var mentions = DateExtractor.Extract("After the raid on May 31, 2010, he spoke. On June 8, Putin condemned the acts.", Published);

        Assert.Equal(2, mentions.Count);
        Assert.Equal(new DateOnly(2010, 6, 8), mentions[1].From);
        Assert.Equal("June 8", mentions[1].Text);
    }

    [Fact]
    public void Extract_BareYearEarlierInText_DoesNotOverrideThePublicationYear()
    {
        var mentions = DateExtractor.Extract("For the first time since 2021 he came. On August 5, they met.", Published);

        Assert.Equal(new DateOnly(2024, 8, 5), mentions[^1].From);
    }

    [Fact]
    public void Extract_MonthDayMonthsAfterPublication_IsReadAsLastYear()
    {
        var mention = Single("On December 20, the deal was signed.", new DateOnly(2024, 1, 10));

        Assert.Equal(new DateOnly(2023, 12, 20), mention.From);
    }

    [Fact]
    public void Extract_MonthDayWithNoYearAnywhere_KeepsComponentsWithoutRange()
    {
        var mention = Single("The talks resumed on March 19.");

        Assert.Null(mention.From);
        Assert.Equal(3, mention.Month);
        Assert.Equal(19, mention.Day);
        Assert.Equal("19 March", mention.Describe());
    }

    [Theory]
    [InlineData("He visited Moscow from August 12 to 14 for the first time.", "from August 12 to 14", 12, 14)]
    [InlineData("The summit ran 12–14 August 2024 in Kazan.", "12–14 August 2024", 12, 14)]
    [InlineData("The summit ran August 12-14, 2024.", "August 12-14, 2024", 12, 14)]
    [InlineData("between August 3 and 9 the talks went on", "between August 3 and 9", 3, 9)]
    public void Extract_DayRanges_ResolveToBothEnds(string text, string span, int firstDay, int lastDay)
    {
        var mention = Single(text, Published);

        Assert.Equal(span, mention.Text);
        Assert.True(mention.IsRange);
        Assert.Equal(new DateOnly(2024, 8, firstDay), mention.From);
        Assert.Equal(new DateOnly(2024, 8, lastDay), mention.To);
    }

    [Fact]
    public void Describe_DayRangeInOneMonth_WritesItCompactly()
    {
        var mention = Single("He visited Moscow from August 12 to 14.", Published);

        Assert.Equal("12–14 August 2024", mention.Describe());
    }

    [Fact]
    public void Extract_RangeAcrossMonths_ResolvesBothMonths()
    {
        var mention = Single("The festival ran from August 30 to September 2, 2023.");

        Assert.Equal(new DateOnly(2023, 8, 30), mention.From);
        Assert.Equal(new DateOnly(2023, 9, 2), mention.To);
    }

    [Fact]
    public void Extract_TwoSeparateDaysJoinedByAnd_AreNotARange()
    {
        var mentions = DateExtractor.Extract("They met on August 3, 2024 and 9 people died.", Published);

        Assert.Single(mentions);
        Assert.False(mentions[0].IsRange);
    }

    [Theory]
    [InlineData("Between 1956 and 1990, relations were tense.", 1956, 1990)]
    [InlineData("from 1917 to 1958 the union grew", 1917, 1958)]
    [InlineData("the Gaza War (2008–09) was criticised", 2008, 2009)]
    [InlineData("The Muslim world, 1917–1958, Seattle", 1917, 1958)]
    public void Extract_YearRanges_SpanBothYears(string text, int from, int to)
    {
        var mention = Single(text);

        Assert.True(mention.IsRange);
        Assert.Equal(new DateOnly(from, 1, 1), mention.From);
        Assert.Equal(new DateOnly(to, 12, 31), mention.To);
        Assert.Equal($"{from}–{to}", mention.Describe());
    }

    [Fact]
    public void Extract_AndBetweenYearsWithoutBetween_IsTwoYears()
    {
        var mentions = DateExtractor.Extract("They met in 1990 and 1991.");

        Assert.Equal(2, mentions.Count);
    }

    [Theory]
    [InlineData("in the spring of 1990", "spring", 1990, 3)]
    [InlineData("In the summer of 1974 a PLO embassy was opened", "summer", 1974, 6)]
    [InlineData("a deal reached in autumn 2015", "autumn", 2015, 9)]
    public void Extract_Seasons_ResolveToTheirMonths(string text, string season, int year, int month)
    {
        var mention = Single(text);

        Assert.Equal(DatePrecision.Season, mention.Precision);
        Assert.Equal(new DateOnly(year, month, 1), mention.From);
        Assert.Equal($"{season} {year}", mention.Describe());
    }

    [Theory]
    [InlineData("By the 1970s, Soviet influence waned.", 1970, 1979, "the 1970s")]
    [InlineData("when communism collapsed in the early 1990s.", 1990, 1993, "early 1990s")]
    [InlineData("in the late 1960s", 1996 - 30, 1969, "late 1960s")]
    public void Extract_Decades_ResolveToTheirYears(string text, int from, int to, string described)
    {
        var mention = Single(text);

        Assert.Equal(DatePrecision.Decade, mention.Precision);
        Assert.Equal(from, mention.From!.Value.Year);
        Assert.Equal(to, mention.To!.Value.Year);
        Assert.Equal(described, mention.Describe());
    }

    [Theory]
    [InlineData("dating back to the 19th century, when", 1800, 1899)]
    [InlineData("in the nineteenth century", 1800, 1899)]
    [InlineData("the twenty-first century began", 2000, 2099)]
    public void Extract_Centuries_ResolveToTheirYears(string text, int from, int to)
    {
        var mention = Single(text);

        Assert.Equal(DatePrecision.Century, mention.Precision);
        Assert.Equal(from, mention.From!.Value.Year);
        Assert.Equal(to, mention.To!.Value.Year);
    }

    [Theory]
    [InlineData("In March 2006, talks began.", "March 2006", 2006, 3)]
    [InlineData("During the November 2012 Operation Pillar of Defense", "November 2012", 2012, 11)]
    [InlineData("in March of 1985 he assumed power", "March of 1985", 1985, 3)]
    public void Extract_MonthAndYear_ResolvesToTheMonth(string text, string span, int year, int month)
    {
        var mention = Single(text);

        Assert.Equal(span, mention.Text);
        Assert.Equal(DatePrecision.Month, mention.Precision);
        Assert.Equal(new DateOnly(year, month, 1), mention.From);
        Assert.Equal(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), mention.To);
    }

    [Theory]
    [InlineData("In 2006, Hamas won.", 2006)]
    [InlineData("a meeting in Moscow in 2020.", 2020)]
    [InlineData("since 2021The pair", 2021)]
    public void Extract_BareYears_AreYears(string text, int year)
    {
        var mention = Single(text);

        Assert.Equal(DatePrecision.Year, mention.Precision);
        Assert.Equal(year, mention.Year);
    }

    [Theory]
    [InlineData("More 1 2 3 9,595 items")]
    [InlineData("Resolution 3379 equated")]
    [InlineData("ISSN 0002-9300.")]
    [InlineData("They sent 2000 tons of aid")]
    [InlineData("We accept $2 or more.")]
    [InlineData("They may meet again.")]
    [InlineData("Protesters march to the square.")]
    [InlineData("It cost 1500.50 euros")]
    public void Extract_NumbersThatAreNotDates_AreIgnored(string text)
    {
        Assert.Empty(DateExtractor.Extract(text, Published));
    }

    [Theory]
    [InlineData("met with Putin in Moscow on Tuesday, discussing", 2024, 8, 13)]
    [InlineData("the guards on Sunday reiterated", 2024, 8, 11)]
    [InlineData("He arrived last Tuesday.", 2024, 8, 6)]
    [InlineData("They will meet next Friday.", 2024, 8, 16)]
    public void Extract_Weekdays_ResolveAgainstThePublicationDate(string text, int year, int month, int day)
    {
        var mention = Single(text, Published);

        Assert.True(mention.IsRelative);
        Assert.Equal(new DateOnly(year, month, day), mention.From);
    }

    [Fact]
    public void Extract_WeekdayWithoutReference_IsUnresolved()
    {
        var mention = Single("They met on Tuesday.");

        Assert.Null(mention.From);
        Assert.Equal("Tuesday", mention.Text);
    }

    [Theory]
    [InlineData("The minister said yesterday that", 2024, 8, 12, DatePrecision.Day)]
    [InlineData("Talks resume today.", 2024, 8, 13, DatePrecision.Day)]
    [InlineData("He won last year.", 2023, 1, 1, DatePrecision.Year)]
    [InlineData("elections this year", 2024, 1, 1, DatePrecision.Year)]
    [InlineData("prices rose last month", 2024, 7, 1, DatePrecision.Month)]
    [InlineData("three days ago he left", 2024, 8, 10, DatePrecision.Day)]
    [InlineData("two years ago the war began", 2022, 1, 1, DatePrecision.Year)]
    public void Extract_RelativeExpressions_ResolveAgainstThePublicationDate(string text, int year, int month, int day, DatePrecision precision)
    {
        var mention = Single(text, Published);

        Assert.True(mention.IsRelative);
        Assert.Equal(precision, mention.Precision);
        Assert.Equal(new DateOnly(year, month, day), mention.From);
    }

    [Fact]
    public void Extract_EarlierThatYear_TakesTheYearOfTheContext()
    {
        var mentions = DateExtractor.Extract("In March 2006, after Hamas' win in the elections earlier that year, talks began.", Published);

        Assert.Equal(2, mentions.Count);
        Assert.Equal("earlier that year", mentions[1].Text);
        Assert.Equal(2006, mentions[1].Year);
    }

    [Theory]
    [InlineData("In July, the leader was killed.", 2024, 7)]
    [InlineData("In February of this year, Russia held a conference", 2024, 2)]
    [InlineData("in october the motions failed", 2024, 10)]
    public void Extract_MonthAlone_TakesTheYearFromContext(string text, int year, int month)
    {
        var mention = DateExtractor.Extract(text, new DateOnly(2024, 11, 1))[0];

        Assert.Equal(DatePrecision.Month, mention.Precision);
        Assert.Equal(new DateOnly(year, month, 1), mention.From);
    }

    [Fact]
    public void Extract_LastNamedMonth_IsTheMostRecentPastOne()
    {
        var mention = Single("Prices fell last September.", Published);

        Assert.Equal(new DateOnly(2023, 9, 1), mention.From);
    }

    [Fact]
    public void Extract_ManyMentions_AreReturnedInTextOrder()
    {
        var mentions = DateExtractor.Extract("Between 1956 and 1990 ties grew; in 1974 the PLO was recognised; on November 29, 2012 the vote passed.");

        Assert.Equal(["Between 1956 and 1990", "1974", "November 29, 2012"], mentions.Select(m => m.Text));
        Assert.True(mentions.Zip(mentions.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }

    [Fact]
    public void Extract_LowerCaseQuestion_StillFindsTheDate()
    {
        var mention = Single("where did putin meet abbas on august 13, 2024");

        Assert.Equal(new DateOnly(2024, 8, 13), mention.From);
    }

    [Fact]
    public void Overlaps_RangeAndDayInside_IsTrue()
    {
        var range = Single("from August 12 to 14", Published);
        var day = Single("on August 13, 2024");

        Assert.True(range.Overlaps(day));
        Assert.False(range.Overlaps(Single("on August 20, 2024")));
    }

    [Theory]
    [InlineData("2024-08-13", 2024, 8, 13)]
    [InlineData("2024-08-13T23:14:00+03:00", 2024, 8, 13)]
    [InlineData("Aug 13, 2024 11:14 PM", 2024, 8, 13)]
    public void ParseReference_CommonFormats_GiveTheDate(string published, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateExtractor.ParseReference(published));
    }

    [Fact]
    public void ParseReference_Garbage_IsNull()
    {
        Assert.Null(DateExtractor.ParseReference("soon"));
        Assert.Null(DateExtractor.ParseReference(null));
    }

    [Fact]
    public void Describe_YearPrecisionOfADay_GivesTheYear()
    {
        Assert.Equal("2006", Single("In March 2006, talks began.").Describe(DatePrecision.Year));
    }

    [Fact]
    public void Extract_MonthOfThisYear_TakesThePublicationYearOverEarlierYears()
    {
        var mentions = DateExtractor.Extract("since their victory in the elections of 2006. In February of this year, Russia held a conference", Published);

        Assert.Equal(new DateOnly(2024, 2, 1), mentions[^1].From);
        Assert.Equal("February of this year", mentions[^1].Text);
    }

    [Fact]
    public void Extract_DayMonthsAheadOfPublication_IsLastYearsDate()
    {
        var mention = Single("all this happened long before October 7th", Published);

        Assert.Equal(new DateOnly(2023, 10, 7), mention.From);
    }

    [Theory]
    [InlineData("From late 1944, until 1948 and even later, Stalin adopted the policy.", "From late 1944, until 1948", 1944, 1948)]
    [InlineData("He was a frequent visitor during the 1990s until 2001.", "the 1990s until 2001", 1990, 2001)]
    [InlineData("She taught there from the 1970s to the 1980s.", "from the 1970s to the 1980s", 1970, 1989)]
    [InlineData("The firm grew from March 2010 until the end of 2014.", "from March 2010 until the end of 2014", 2010, 2014)]
    [InlineData("It was closed from 1939 to the end of 1945.", "from 1939 to the end of 1945", 1939, 1945)]
    public void Extract_TwoDatesJoinedIntoAPeriod_AreOneRange(string text, string span, int firstYear, int lastYear)
    {
        var mention = Single(text);

        Assert.Equal(span, mention.Text);
        Assert.True(mention.IsRange);
        Assert.Equal(firstYear, mention.From!.Value.Year);
        Assert.Equal(lastYear, mention.To!.Value.Year);
    }

    [Theory]
    [InlineData("Prices rose in 1990 and 1995.")]
    [InlineData("He served in 2001, returned to Rome in 2004.")]
    public void Extract_TwoDatesNotJoinedAsAPeriod_StayApart(string text)
    {
        var mentions = DateExtractor.Extract(text);

        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, m => Assert.False(m.IsRange));
    }

    [Fact]
    public void Extract_PeriodEndingBeforeItStarts_StaysTwoDates()
    {
        var mentions = DateExtractor.Extract("from 2010 until 2004");

        Assert.Equal(2, mentions.Count);
    }
}
