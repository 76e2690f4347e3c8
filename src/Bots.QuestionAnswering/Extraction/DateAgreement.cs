using Bots.Text.Dates;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>Whether two date mentions can describe the same time, even when one lacks a year.</summary>
internal static class DateAgreement
{
    /// <summary>
    /// Whether a date in the evidence shows that it happened at the asked time: "August 12 to 14" in an article of
    /// unknown year may be any year, so it cannot show "in 2019".
    /// </summary>
    public static bool Satisfies(DateMention evidence, DateMention constraint) =>
        Compatible(constraint, evidence) && (constraint.Year is null || evidence.Year is not null || evidence.From is not null);

    public static bool Compatible(DateMention a, DateMention b)
    {
        if (a.From is not null && b.From is not null)
        {
            return a.Overlaps(b);
        }

        // Without a resolved range, compare what both state: "August 12 to 14" agrees with "August 13, 2024".
        if (a.Month is { } ma && b.Month is { } mb)
        {
            var monthA = ma;
            var monthB = mb;
            if (monthA != monthB && !a.IsRange && !b.IsRange)
            {
                return false;
            }

            if (a.Day is { } da && b.Day is { } db && monthA == monthB)
            {
                var spanA = DaySpan(a, da);
                var spanB = DaySpan(b, db);
                return spanA.First <= spanB.Last && spanB.First <= spanA.Last;
            }

            return true;
        }

        return a.Year is not { } ya || b.Year is not { } yb || (a.To?.Year ?? ya) >= yb && (b.To?.Year ?? yb) >= ya;
    }

    private static (int First, int Last) DaySpan(DateMention mention, int day)
    {
        if (!mention.IsRange)
        {
            return (day, day);
        }

        // An unresolved range keeps only its first day; read the last from the text ("August 12 to 14").
        var digits = System.Text.RegularExpressions.Regex.Matches(mention.Text, @"\d{1,2}(?!\d)");
        var last = digits.Count >= 2 && int.TryParse(digits[1].Value, out var d2) ? d2 : day;
        return (day, Math.Max(day, last));
    }
}
