using System.Globalization;
using System.Text.RegularExpressions;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// A publication date as precise as the source gave it: a day, optionally a time of day and
/// optionally a UTC offset. Stored and returned as ISO 8601 ("2024-08-13", "2024-08-13T23:14:00",
/// "2024-08-13T23:14:00+08:00"), so string order is date order.
/// </summary>
public readonly partial record struct PublishedDate(DateOnly Day, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    public string ToIso()
    {
        var day = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is not { } time)
        {
            return day;
        }
        var text = $"{day}T{time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
        if (Offset is not { } offset)
        {
            return text;
        }
        if (offset == TimeSpan.Zero)
        {
            return text + "Z";
        }
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return $"{text}{sign}{abs.Hours:00}:{abs.Minutes:00}";
    }

    public override string ToString() => ToIso();

    /// <summary>"2024-08-13" style day, the key used for date-range filters.</summary>
    public string DayIso => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses the formats news sites actually print: ISO 8601, "Aug 13, 2024 11:14 PM",
    /// "13 August 2024", "Tuesday, 13 August 2024 14:05 GMT", RFC 1123, "2024/08/13",
    /// "13.08.2024", "08/13/2024", optionally behind a label like "Published:" or "Updated on".
    /// </summary>
    public static bool TryParse(string? text, out PublishedDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 120)
        {
            return false;
        }
        var s = Label().Replace(text.Trim(), "").Trim().TrimEnd('.');
        s = Weekday().Replace(s, "").Trim();
        if (IsoDate().Match(s) is { Success: true } iso)
        {
            return TryBuild(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"), iso.Groups["time"].Value, iso.Groups["ampm"].Value, iso.Groups["zone"].Value, out date);
        }
        if (MonthFirst().Match(s) is { Success: true } mf && MonthNumber(mf.Groups["mon"].Value) is { } m1)
        {
            return TryBuild(Int(mf, "y"), m1, Int(mf, "d"), mf.Groups["time"].Value, mf.Groups["ampm"].Value, mf.Groups["zone"].Value, out date);
        }
        if (DayFirst().Match(s) is { Success: true } df && MonthNumber(df.Groups["mon"].Value) is { } m2)
        {
            return TryBuild(Int(df, "y"), m2, Int(df, "d"), df.Groups["time"].Value, df.Groups["ampm"].Value, df.Groups["zone"].Value, out date);
        }
        if (Numeric().Match(s) is { Success: true } num)
        {
            var a = Int(num, "a");
            var b = Int(num, "b");
            // Dotted dates are day-first (European); slashed ones are month-first unless that cannot be.
            var dayFirst = num.Groups["sep"].Value == "." || num.Groups["sep"].Value == "-" || a > 12;
            return TryBuild(Int(num, "y"), dayFirst ? b : a, dayFirst ? a : b, num.Groups["time"].Value, num.Groups["ampm"].Value, num.Groups["zone"].Value, out date);
        }
        return false;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool TryBuild(int year, int month, int day, string time, string ampm, string zone, out PublishedDate date)
    {
        date = default;
        if (year < 1000 || year > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        TimeOnly? clock = null;
        if (time.Length > 0)
        {
            var parts = time.Split(':');
            var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var second = parts.Length > 2 ? (int)double.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
            if (ampm.Length > 0)
            {
                if (hour is < 1 or > 12)
                {
                    return false;
                }
                var pm = ampm.StartsWith('p') || ampm.StartsWith('P');
                hour = (hour % 12) + (pm ? 12 : 0);
            }
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }
            clock = new TimeOnly(hour, minute, second);
        }
        TimeSpan? offset = null;
        if (clock is not null && zone.Length > 0)
        {
            offset = ParseZone(zone);
            if (offset is null)
            {
                return false;
            }
        }
        date = new PublishedDate(new DateOnly(year, month, day), clock, offset);
        return true;
    }

    private static TimeSpan? ParseZone(string zone)
    {
        zone = zone.Trim();
        switch (zone.ToUpperInvariant())
        {
            case "Z" or "UTC" or "GMT":
                return TimeSpan.Zero;
            case "EST":
                return TimeSpan.FromHours(-5);
            case "EDT":
                return TimeSpan.FromHours(-4);
            case "CST":
                return TimeSpan.FromHours(-6);
            case "PST":
                return TimeSpan.FromHours(-8);
            case "PDT":
                return TimeSpan.FromHours(-7);
            case "BST" or "CET":
                return TimeSpan.FromHours(1);
            case "CEST":
                return TimeSpan.FromHours(2);
            case "MSK":
                return TimeSpan.FromHours(3);
        }
        var m = OffsetPattern().Match(zone);
        if (!m.Success)
        {
            return null;
        }
        var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }
        var span = new TimeSpan(hours, minutes, 0);
        return m.Groups["sign"].Value == "-" ? -span : span;
    }

    private static int? MonthNumber(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        if (key.Length < 3)
        {
            return null;
        }
        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (var i = 0; i < months.Length; i++)
        {
            if (months[i].StartsWith(key, StringComparison.Ordinal) || (key == "sept" && i == 8))
            {
                return i + 1;
            }
        }
        return null;
    }

    private const string TimePart = @"(?:(?:\s*,?\s*(?:at\s+)?|T)(?<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?<ampm>[AaPp]\.?[Mm]\.?)?\s*(?<zone>Z|[A-Z]{3,4}|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)?)?";

    [GeneratedRegex(@"^(?:(?:first\s+)?(?:published|updated|posted|last\s+updated|last\s+modified|date|dated|modified)(?:\s+on|\s+at)?\s*:?\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})" + TimePart + "$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})" + TimePart + "$")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>[A-Za-z]{3,9}\.?),?\s+(?<y>\d{4})" + TimePart + "$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})" + TimePart + "$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?:UTC|GMT)?\s*(?<sign>[+-])(?<h>\d{1,2})(?::?(?<min>\d{2}))?$")]
    private static partial Regex OffsetPattern();
}
