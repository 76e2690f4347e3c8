using System.Globalization;

namespace Bots.Text.Dates;

/// <summary>How finely a date mention pins down time.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Season,
    Year,
    Decade,
    Century,
}

/// <summary>
/// A date or date range found in text: the span as written, and the inclusive calendar range it denotes.
/// <see cref="From"/>/<see cref="To"/> are null when no year could be resolved (e.g. "on March 19" with no reference).
/// </summary>
public sealed record DateMention(
    int Start,
    int Length,
    string Text,
    DateOnly? From,
    DateOnly? To,
    int? Year,
    int? Month,
    int? Day,
    DatePrecision Precision,
    bool IsRange,
    bool IsRelative,
    bool YearInferred)
{
    public int End => Start + Length;

    /// <summary>True when both mentions resolve to calendar ranges that share at least one day.</summary>
    public bool Overlaps(DateMention other) =>
        From is { } a && To is { } b && other.From is { } c && other.To is { } d && a <= d && c <= b;

    /// <summary>True when the mention's range overlaps the inclusive range [from, to].</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => From is { } a && To is { } b && a <= to && from <= b;

    /// <summary>The way a person would write the resolved date: "13 August 2024", "12–14 August 2024", "the 1970s".</summary>
    public string Describe() => Describe(Precision);

    /// <summary>The resolved date written at a chosen precision (e.g. only the year for "which year" questions).</summary>
    public string Describe(DatePrecision precision)
    {
        if (From is not { } from || To is not { } to)
        {
            return DescribeWithoutYear();
        }

        switch (precision)
        {
            case DatePrecision.Day when IsRange && from != to:
                if (from.Year == to.Year && from.Month == to.Month)
                {
                    return $"{from.Day}\u2013{to.Day} {MonthName(from.Month)} {from.Year}";
                }

                return from.Year == to.Year
                    ? $"{from.Day} {MonthName(from.Month)} \u2013 {to.Day} {MonthName(to.Month)} {to.Year}"
                    : $"{DayText(from)} \u2013 {DayText(to)}";
            case DatePrecision.Day:
                return DayText(from);
            case DatePrecision.Month when IsRange && (from.Year != to.Year || from.Month != to.Month) && Precision == DatePrecision.Month:
                return $"{MonthName(from.Month)} {from.Year} \u2013 {MonthName(to.Month)} {to.Year}";
            case DatePrecision.Month:
                return $"{MonthName(from.Month)} {from.Year}";
            case DatePrecision.Season:
                return $"{SeasonOf(Text)} {from.Year}";
            case DatePrecision.Year when from.Year != to.Year:
                return $"{from.Year}\u2013{to.Year}";
            case DatePrecision.Year:
                return from.Year.ToString(CultureInfo.InvariantCulture);
            case DatePrecision.Decade:
                return $"{Modifier(Text)}{from.Year / 10 * 10}s".Trim();
            default:
                return $"the {Ordinal(from.Year / 100 + 1)} century";
        }
    }

    private string DescribeWithoutYear()
    {
        if (Month is not { } month)
        {
            return Text;
        }

        return Day is { } day ? $"{day} {MonthName(month)}" : MonthName(month);
    }

    private static string DayText(DateOnly d) => $"{d.Day} {MonthName(d.Month)} {d.Year}";

    internal static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static string SeasonOf(string text)
    {
        foreach (var season in new[] { "spring", "summer", "autumn", "fall", "winter" })
        {
            if (text.Contains(season, StringComparison.OrdinalIgnoreCase))
            {
                return season;
            }
        }

        return "season";
    }

    private static string Modifier(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("early", StringComparison.Ordinal))
        {
            return "early ";
        }

        if (lower.Contains("late", StringComparison.Ordinal))
        {
            return "late ";
        }

        return lower.Contains("mid", StringComparison.Ordinal) ? "mid-" : "the ";
    }

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return $"{n}{suffix}";
    }
}
