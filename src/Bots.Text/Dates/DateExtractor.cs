using System.Globalization;
using System.Text.RegularExpressions;

namespace Bots.Text.Dates;

/// <summary>
/// Finds date expressions in English text and resolves them to calendar ranges: absolute dates ("13 August 2024",
/// "Aug 13", ISO), ranges ("from August 12 to 14", "between 1956 and 1990"), seasons, decades, centuries, and
/// relative expressions ("on Tuesday", "last year", "earlier that year") against a reference date (usually the
/// article's publication date) and the years mentioned earlier in the same text.
/// </summary>
public static partial class DateExtractor
{
    private const string MonthAlt = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string Weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private const string Connector = @"\s*(?:-|–|—|to|until|till|through|and)\s*";
    private const string DaySuffix = "(?:st|nd|rd|th)?";
    private const string WeekdayPrefix = @"(?:(?:" + Weekdays + @"),?\s+)?";
    private const string Year = @"(?<y>\d{4})(?![\d%])";

    private static readonly string Month = $@"(?<m>{MonthAlt})\b\.?";
    private static readonly string Month2 = $@"(?<m2>{MonthAlt})\b\.?";
    private const string Opening = @"(?:(?<pre>from|between)\s+)?";

    private static readonly Pattern[] Patterns =
    [
        new(Kind.Iso, new Regex(@"\b(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)", Options)),
        new(Kind.DayRangeMonthFirst, new Regex($@"\b{Opening}{Month}\s+(?<d>\d{{1,2}}){DaySuffix}(?<conn>{Connector})(?<d2>\d{{1,2}}){DaySuffix}(?![\d:])(?:,?\s+{Year})?", Options)),
        new(Kind.DayRangeDayFirst, new Regex($@"\b{Opening}(?<d>\d{{1,2}}){DaySuffix}(?<conn>{Connector})(?<d2>\d{{1,2}}){DaySuffix}\s+(?:of\s+)?{Month}(?:,?\s+{Year})?", Options)),
        new(Kind.CrossMonthRange, new Regex($@"\b{Opening}{Month}\s+(?<d>\d{{1,2}}){DaySuffix}(?<conn>{Connector}){Month2}\s+(?<d2>\d{{1,2}}){DaySuffix}(?!\d)(?:,?\s+{Year})?", Options)),
        new(Kind.CrossMonthRangeDayFirst, new Regex($@"\b{Opening}(?<d>\d{{1,2}}){DaySuffix}\s+{Month}(?<conn>{Connector})(?<d2>\d{{1,2}}){DaySuffix}\s+{Month2}(?:,?\s+{Year})?", Options)),
        new(Kind.MonthDay, new Regex($@"\b{WeekdayPrefix}{Month}\s+(?<d>\d{{1,2}}){DaySuffix}(?![\d:])(?:,?\s+{Year})?", Options)),
        new(Kind.DayMonth, new Regex($@"\b{WeekdayPrefix}(?<d>\d{{1,2}}){DaySuffix}\s+(?:of\s+)?{Month}(?:,?\s+{Year})?", Options)),
        new(Kind.MonthYear, new Regex($@"\b(?:(?<mod>early|late|mid)[\s-]+)?{Month}(?:\s+of)?,?\s+{Year}", Options)),
        new(Kind.Season, new Regex($@"\b(?:the\s+)?(?:(?<mod>early|late|mid)[\s-]*)?(?<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{Year}", Options)),
        new(Kind.Decade, new Regex(@"\b(?:the\s+)?(?:(?<mod>early|late|mid)[\s-]*)?(?<dec>\d{3}0)'?s\b", Options)),
        new(Kind.Century, new Regex(@"\b(?:the\s+)?(?:(?<mod>early|late|mid)[\s-]*)?(?<c>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first|twenty[- ]second)[\s-]+century\b", Options)),
        new(Kind.YearRange, new Regex(@"\b(?:(?<pre>between|from)\s+)?(?<y>\d{4})(?<conn>\s*(?:-|–|—|to|until|till|through|and)\s*)(?<y2>\d{4}|\d{2})(?![\d%]|(?-i:[a-z]))", Options)),
        new(Kind.Year, new Regex(@"(?:\b(?<mod>early|late|mid)[\s-]+)?(?<![\w,.$£€#/])(?<y>\d{4})(?!\d|[,.]\d|[-–/]\d|%|(?-i:[a-z]))", Options)),
        new(Kind.MonthAlone, new Regex($@"\b(?<prep>in|since|by|until|till|during|through|from|last|next|this|early|late|mid|of)[\s-]+(?:(?<mod>early|late|mid)[\s-]+)?(?<m>january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)(?:\s+of\s+(?<rel2>this|last|next)\s+year)?", Options)),
        new(Kind.Relative, new Regex(@"\b(?<rel>yesterday|today|tonight|tomorrow|(?:last|next|this|past)\s+(?:year|month|week)|(?:earlier|later)\s+(?:that|this|in\s+the)\s+(?:year|month)|(?:the\s+)?(?:previous|following|next)\s+(?:year|month)|(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?<unit>days?|weeks?|months?|years?)\s+(?<dir>ago|earlier|later))\b", Options)),
        new(Kind.Weekday, new Regex($@"\b(?:(?<rel>last|next|this|on|on\s+last|on\s+next|on\s+this)\s+)?(?<wd>{Weekdays})\b", Options)),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly HashSet<string> CountNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "soldiers", "troops", "tons", "tonnes", "kg", "km", "kilometres", "kilometers", "miles",
        "dollars", "euros", "pounds", "men", "women", "children", "words", "pages", "residents", "civilians", "cases",
        "deaths", "units", "votes", "metres", "meters", "feet", "students", "members", "refugees", "hostages",
        "prisoners", "homes", "houses", "jobs", "workers", "points", "employees", "vehicles", "trucks", "rockets",
        "missiles", "acres", "hectares", "barrels", "calories", "copies", "items", "times", "rooms", "seats",
    };

    /// <summary>
    /// All date mentions in <paramref name="text"/>, in text order. Years missing from a mention come from the
    /// latest full date earlier in the text, else from <paramref name="reference"/>; relative expressions are
    /// resolved against <paramref name="reference"/>.
    /// </summary>
    public static IReadOnlyList<DateMention> Extract(string text, DateOnly? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<(int Start, int Length, int Order, Kind Kind, Match Match)>();
        for (var i = 0; i < Patterns.Length; i++)
        {
            foreach (Match match in Patterns[i].Regex.Matches(text))
            {
                if (match.Length > 0 && IsPlausible(Patterns[i].Kind, match, text))
                {
                    candidates.Add((match.Index, match.Length, i, Patterns[i].Kind, match));
                }
            }
        }

        // Longest match wins; on equal length the more specific pattern (listed first) does.
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Order.CompareTo(b.Order));
        var chosen = new List<(int Start, int Length, int Order, Kind Kind, Match Match)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Order))
        {
            if (chosen.All(c => candidate.Start + candidate.Length <= c.Start || c.Start + c.Length <= candidate.Start))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var context = new ResolutionContext(reference);
        var mentions = new List<DateMention>(chosen.Count);
        foreach (var (start, length, _, kind, match) in chosen)
        {
            var mention = Resolve(kind, match, text.Substring(start, length), context);
            if (mention is not null)
            {
                mentions.Add(mention);
            }
        }

        return JoinPeriods(text, mentions);
    }

    /// <summary>"from late 1944, until 1948", "during the 1990s until 2001", "from the 1970s to the 1980s": two dates joined into one period.</summary>
    [GeneratedRegex(@"^\s*,?\s*(?:and\s+(?:then\s+)?)?(?:until|till|to|through|and)\s+(?:the\s+(?:end\s+of\s+(?:the\s+)?)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodConnector();

    [GeneratedRegex(@"\b(?<pre>from|between|during|since)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex PeriodOpening();

    private static List<DateMention> JoinPeriods(string text, List<DateMention> mentions)
    {
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (a, b) = (mentions[i], mentions[i + 1]);
            if (a.From is not { } from || b.To is not { } to || to <= (a.To ?? from) || a.Precision < DatePrecision.Year && b.Precision < DatePrecision.Year
                || b.Start < a.End || !PeriodConnector().IsMatch(text[a.End..b.Start]))
            {
                continue;
            }

            // "until" says a period by itself; "to"/"and" only after an opening ("from 1956 to 1990", "between 1956 and 1990").
            var connector = text[a.End..b.Start].ToLowerInvariant();
            var opening = PeriodOpening().Match(text[..a.Start]);
            var openingAt = opening.Success && text[(opening.Index + opening.Length)..a.Start].Trim().Length == 0 ? opening.Index : -1;
            var between = openingAt >= 0 && opening.Groups["pre"].Value.Equals("between", StringComparison.OrdinalIgnoreCase);
            if (!(connector.Contains("until", StringComparison.Ordinal) || connector.Contains("till", StringComparison.Ordinal) || openingAt >= 0 && (!connector.Contains("and", StringComparison.Ordinal) || between)))
            {
                continue;
            }

            var start = openingAt >= 0 && !opening.Groups["pre"].Value.Equals("during", StringComparison.OrdinalIgnoreCase) && !opening.Groups["pre"].Value.Equals("since", StringComparison.OrdinalIgnoreCase) ? openingAt : a.Start;
            var precision = a.Precision > b.Precision ? a.Precision : b.Precision;
            mentions[i] = new DateMention(start, b.End - start, text[start..b.End], from, to, from.Year, null, null, precision < DatePrecision.Year ? DatePrecision.Year : precision, true, false, a.YearInferred || b.YearInferred);
            mentions.RemoveAt(i + 1);
            i--;
        }

        return mentions;
    }

    /// <summary>
    /// Reads a stored publication date ("2024-08-13", "2024-08-13T23:14:00Z", "Aug 13, 2024") into a date, or null.
    /// </summary>
    public static DateOnly? ParseReference(string? published)
    {
        if (string.IsNullOrWhiteSpace(published))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return DateOnly.FromDateTime(parsed.UtcDateTime);
        }

        var mention = Extract(published).FirstOrDefault(m => m.Precision == DatePrecision.Day && m.From is not null);
        return mention?.From;
    }

    private static bool IsPlausible(Kind kind, Match match, string text)
    {
        switch (kind)
        {
            case Kind.Year:
            {
                var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (year is < 1100 or > 2199)
                {
                    return false;
                }

                var next = NextWord(text, match.Index + match.Length);
                return next is null || !CountNouns.Contains(next);
            }

            case Kind.YearRange:
            {
                var from = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
                var to = ExpandSecondYear(from, match.Groups["y2"].Value);
                var conn = match.Groups["conn"].Value.Trim().ToLowerInvariant();
                var opening = match.Groups["pre"].Value.ToLowerInvariant();
                return from is >= 1100 and <= 2199 && to > from && to - from < 200
                    && (conn != "and" || opening == "between")
                    && (match.Groups["y2"].Value.Length == 4 || conn is "-" or "–" or "—");
            }

            case Kind.DayRangeMonthFirst or Kind.DayRangeDayFirst or Kind.CrossMonthRange or Kind.CrossMonthRangeDayFirst:
            {
                var conn = match.Groups["conn"].Value.Trim().ToLowerInvariant();
                if (conn == "and" && !match.Groups["pre"].Value.Equals("between", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
                var d2 = int.Parse(match.Groups["d2"].Value, CultureInfo.InvariantCulture);
                var sameMonth = kind is Kind.DayRangeMonthFirst or Kind.DayRangeDayFirst;
                return d is >= 1 and <= 31 && d2 is >= 1 and <= 31 && (!sameMonth || d2 > d) && MonthOk(match, "m") && MonthOk(match, "m2");
            }

            case Kind.MonthDay or Kind.DayMonth:
            {
                var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
                return d is >= 1 and <= 31 && MonthOk(match, "m", allowLowerMay: kind == Kind.MonthDay);
            }

            case Kind.MonthYear:
                return MonthOk(match, "m", allowLowerMay: true);
            case Kind.MonthAlone:
                // "may" and "march" are also verbs; a capitalised month or a lower-case one after a preposition reads as a date.
                var m = match.Groups["m"];
                var prep = match.Groups["prep"].Value.ToLowerInvariant();
                return char.IsUpper(text[m.Index]) || prep is "in" or "since" or "until" or "during" or "last" or "next" or "early" or "late";
            case Kind.Weekday:
                return char.IsUpper(text[match.Groups["wd"].Index]) || match.Groups["rel"].Success;
            default:
                return true;
        }
    }

    private static bool MonthOk(Match match, string group, bool allowLowerMay = false)
    {
        var g = match.Groups[group];
        if (!g.Success)
        {
            return true;
        }

        // Lower-case "may"/"mar"/"jan" inside running text are words, not months.
        return (allowLowerMay && g.Value == "may") || !(g.Value is "may" or "mar" or "jan" or "sep" or "dec" or "oct" or "nov" or "aug" or "jun" or "jul" or "apr" or "feb");
    }

    private static string? NextWord(string text, int index)
    {
        var i = index;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return i > start ? text[start..i] : null;
    }

    private static int ExpandSecondYear(int first, string second)
    {
        var value = int.Parse(second, CultureInfo.InvariantCulture);
        return second.Length == 2 ? first / 100 * 100 + value + (value < first % 100 ? 100 : 0) : value;
    }

    private static DateMention? Resolve(Kind kind, Match match, string spanText, ResolutionContext context)
    {
        var start = match.Index;
        var length = match.Length;
        DateMention Make(DateOnly? from, DateOnly? to, int? year, int? month, int? day, DatePrecision precision, bool range, bool relative, bool inferred) =>
            new(start, length, spanText, from, to, year, month, day, precision, range, relative, inferred);

        switch (kind)
        {
            case Kind.Iso:
            {
                var y = Int(match, "y");
                var mo = Int(match, "mo");
                var d = Int(match, "d");
                if (!IsValid(y, mo, d))
                {
                    return null;
                }

                context.NoteFullDate(y);
                var date = new DateOnly(y, mo, d);
                return Make(date, date, y, mo, d, DatePrecision.Day, false, false, false);
            }

            case Kind.DayRangeMonthFirst or Kind.DayRangeDayFirst or Kind.CrossMonthRange or Kind.CrossMonthRangeDayFirst:
            {
                var m1 = MonthNumber(match.Groups["m"].Value);
                var m2 = match.Groups["m2"].Success ? MonthNumber(match.Groups["m2"].Value) : m1;
                var d1 = Int(match, "d");
                var d2 = Int(match, "d2");
                var (year, inferred) = YearFor(match, context, m1, d1);
                if (year is null)
                {
                    return Make(null, null, null, m1, d1, DatePrecision.Day, true, false, false);
                }

                var firstYear = m2 < m1 ? year.Value - 1 : year.Value;
                if (!IsValid(firstYear, m1, d1) || !IsValid(year.Value, m2, d2))
                {
                    return null;
                }

                return Make(new DateOnly(firstYear, m1, d1), new DateOnly(year.Value, m2, d2), firstYear, m1, d1, DatePrecision.Day, true, false, inferred);
            }

            case Kind.MonthDay or Kind.DayMonth:
            {
                var m = MonthNumber(match.Groups["m"].Value);
                var d = Int(match, "d");
                var (year, inferred) = YearFor(match, context, m, d);
                if (year is null)
                {
                    return Make(null, null, null, m, d, DatePrecision.Day, false, false, false);
                }

                if (!IsValid(year.Value, m, d))
                {
                    return null;
                }

                var date = new DateOnly(year.Value, m, d);
                return Make(date, date, year, m, d, DatePrecision.Day, false, false, inferred);
            }

            case Kind.MonthYear:
            {
                var m = MonthNumber(match.Groups["m"].Value);
                var y = Int(match, "y");
                if (y is < 1000 or > 2199)
                {
                    return null;
                }

                context.NoteFullDate(y);
                var (from, to) = Narrow(new DateOnly(y, m, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m)), match.Groups["mod"].Value);
                return Make(from, to, y, m, null, DatePrecision.Month, false, false, false);
            }

            case Kind.Season:
            {
                var y = Int(match, "y");
                if (y is < 1000 or > 2199)
                {
                    return null;
                }

                context.NoteYear(y);
                var (from, to) = match.Groups["s"].Value.ToLowerInvariant() switch
                {
                    "spring" => (new DateOnly(y, 3, 1), new DateOnly(y, 5, 31)),
                    "summer" => (new DateOnly(y, 6, 1), new DateOnly(y, 8, 31)),
                    "winter" => (new DateOnly(y, 1, 1), new DateOnly(y, 2, DateTime.DaysInMonth(y, 2))),
                    _ => (new DateOnly(y, 9, 1), new DateOnly(y, 11, 30)),
                };
                return Make(from, to, y, from.Month, null, DatePrecision.Season, false, false, false);
            }

            case Kind.Decade:
            {
                var decade = Int(match, "dec");
                if (decade is < 1000 or > 2190)
                {
                    return null;
                }

                var (from, to) = Narrow(new DateOnly(decade, 1, 1), new DateOnly(decade + 9, 12, 31), match.Groups["mod"].Value);
                return Make(from, to, decade, null, null, DatePrecision.Decade, false, false, false);
            }

            case Kind.Century:
            {
                var century = CenturyNumber(match.Groups["c"].Value);
                if (century is < 1 or > 22)
                {
                    return null;
                }

                var first = Math.Max(1, (century - 1) * 100);
                var (from, to) = Narrow(new DateOnly(first, 1, 1), new DateOnly((century - 1) * 100 + 99, 12, 31), match.Groups["mod"].Value);
                return Make(from, to, first, null, null, DatePrecision.Century, false, false, false);
            }

            case Kind.YearRange:
            {
                var y1 = Int(match, "y");
                var y2 = ExpandSecondYear(y1, match.Groups["y2"].Value);
                context.NoteYear(y2);
                return Make(new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31), y1, null, null, DatePrecision.Year, true, false, false);
            }

            case Kind.Year:
            {
                var y = Int(match, "y");
                context.NoteYear(y);
                var (from, to) = Narrow(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), match.Groups["mod"].Value);
                return Make(from, to, y, null, null, DatePrecision.Year, false, false, false);
            }

            case Kind.MonthAlone:
            {
                var m = MonthNumber(match.Groups["m"].Value);
                var prep = match.Groups["prep"].Value.ToLowerInvariant();
                var relative = prep is "last" or "next" or "this" || match.Groups["rel2"].Success;
                int? year;
                var inferred = true;
                if (match.Groups["rel2"].Success && context.Reference is { } thisYear)
                {
                    year = thisYear.Year + match.Groups["rel2"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 };
                }
                else if (relative && context.Reference is { } r)
                {
                    year = prep switch
                    {
                        "last" => m < r.Month ? r.Year : r.Year - 1,
                        "next" => m > r.Month ? r.Year : r.Year + 1,
                        _ => r.Year,
                    };
                }
                else
                {
                    (year, inferred) = YearFor(match, context, m, 1);
                }

                var mod = match.Groups["mod"].Success ? match.Groups["mod"].Value : prep is "early" or "late" or "mid" ? prep : string.Empty;
                if (year is null)
                {
                    return Make(null, null, null, m, null, DatePrecision.Month, false, relative, false);
                }

                var (from, to) = Narrow(new DateOnly(year.Value, m, 1), new DateOnly(year.Value, m, DateTime.DaysInMonth(year.Value, m)), mod);
                var textStart = prep is "last" or "next" or "this" or "early" or "late" or "mid" ? match.Index : match.Groups[mod.Length > 0 && match.Groups["mod"].Success ? "mod" : "m"].Index;
                var span = spanText[(textStart - match.Index)..];
                return new DateMention(textStart, span.Length, span, from, to, year, m, null, DatePrecision.Month, false, relative, inferred);
            }

            case Kind.Relative:
                return ResolveRelative(match, spanText, context, Make);
            case Kind.Weekday:
            {
                var weekday = Enum.Parse<DayOfWeek>(match.Groups["wd"].Value, ignoreCase: true);
                var rel = match.Groups["rel"].Value.ToLowerInvariant();
                var textStart = rel.StartsWith("on", StringComparison.Ordinal) && rel.Length == 2 ? match.Groups["wd"].Index : match.Index;
                var span = spanText[(textStart - match.Index)..];
                if (context.Reference is not { } reference)
                {
                    return new DateMention(textStart, span.Length, span, null, null, null, null, null, DatePrecision.Day, false, true, false);
                }

                var back = ((int)reference.DayOfWeek - (int)weekday + 7) % 7;
                var date = rel.EndsWith("next", StringComparison.Ordinal)
                    ? reference.AddDays(((int)weekday - (int)reference.DayOfWeek + 7) % 7 is var f && f == 0 ? 7 : f)
                    : reference.AddDays(-(rel.EndsWith("last", StringComparison.Ordinal) && back == 0 ? 7 : back));
                return new DateMention(textStart, span.Length, span, date, date, date.Year, date.Month, date.Day, DatePrecision.Day, false, true, true);
            }

            default:
                return null;
        }
    }

    private static DateMention? ResolveRelative(
        Match match,
        string spanText,
        ResolutionContext context,
        Func<DateOnly?, DateOnly?, int?, int?, int?, DatePrecision, bool, bool, bool, DateMention> make)
    {
        var rel = Regex.Replace(match.Groups["rel"].Value.ToLowerInvariant(), @"\s+", " ");
        var reference = context.Reference;
        if (match.Groups["unit"].Success)
        {
            var n = NumberWord(match.Groups["n"].Value);
            var unit = match.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s');
            var dir = match.Groups["dir"].Value.ToLowerInvariant();
            var anchor = dir == "ago" ? reference : context.AnchorDate ?? reference;
            if (anchor is not { } a)
            {
                return make(null, null, null, null, null, DatePrecision.Day, false, true, false);
            }

            var sign = dir is "ago" or "earlier" or "before" ? -1 : 1;
            return unit switch
            {
                "day" => Day(a.AddDays(sign * n)),
                "week" => Day(a.AddDays(sign * 7 * n)),
                "month" => MonthOf(a.AddMonths(sign * n)),
                _ => YearOf(a.Year + sign * n),
            };
        }

        switch (rel)
        {
            case "today" or "tonight":
                return reference is { } t ? Day(t) : Unresolved(DatePrecision.Day);
            case "yesterday":
                return reference is { } y ? Day(y.AddDays(-1)) : Unresolved(DatePrecision.Day);
            case "tomorrow":
                return reference is { } m ? Day(m.AddDays(1)) : Unresolved(DatePrecision.Day);
            case "this year":
                return reference is { } ty ? YearOf(ty.Year) : Unresolved(DatePrecision.Year);
            case "last year" or "past year":
                return reference is { } ly ? YearOf(ly.Year - 1) : Unresolved(DatePrecision.Year);
            case "next year":
                return reference is { } ny ? YearOf(ny.Year + 1) : Unresolved(DatePrecision.Year);
            case "this month":
                return reference is { } tm ? MonthOf(tm) : Unresolved(DatePrecision.Month);
            case "last month" or "past month":
                return reference is { } lm ? MonthOf(lm.AddMonths(-1)) : Unresolved(DatePrecision.Month);
            case "next month":
                return reference is { } nm ? MonthOf(nm.AddMonths(1)) : Unresolved(DatePrecision.Month);
            case "this week" or "last week" or "past week" or "next week":
                if (reference is not { } w)
                {
                    return Unresolved(DatePrecision.Day);
                }

                var offset = rel.StartsWith("next", StringComparison.Ordinal) ? 7 : rel.StartsWith("this", StringComparison.Ordinal) ? 0 : -7;
                var monday = w.AddDays(-(((int)w.DayOfWeek + 6) % 7) + offset);
                return make(monday, monday.AddDays(6), monday.Year, monday.Month, monday.Day, DatePrecision.Day, true, true, true);
        }

        var anchorYear = context.AnchorYear ?? reference?.Year;
        var anchorMonth = context.AnchorDate ?? reference;
        if (rel.EndsWith("year", StringComparison.Ordinal))
        {
            if (anchorYear is not { } ay)
            {
                return Unresolved(DatePrecision.Year);
            }

            var delta = rel.Contains("previous", StringComparison.Ordinal) ? -1 : rel.Contains("following", StringComparison.Ordinal) || rel.Contains("next", StringComparison.Ordinal) ? 1 : 0;
            return YearOf(ay + delta);
        }

        if (anchorMonth is not { } am)
        {
            return Unresolved(DatePrecision.Month);
        }

        var monthDelta = rel.Contains("previous", StringComparison.Ordinal) ? -1 : rel.Contains("following", StringComparison.Ordinal) || rel.Contains("next", StringComparison.Ordinal) ? 1 : 0;
        return MonthOf(am.AddMonths(monthDelta));

        DateMention Day(DateOnly d) => make(d, d, d.Year, d.Month, d.Day, DatePrecision.Day, false, true, true);
        DateMention MonthOf(DateOnly d) =>
            make(new DateOnly(d.Year, d.Month, 1), new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month)), d.Year, d.Month, null, DatePrecision.Month, false, true, true);
        DateMention YearOf(int year) => make(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year, null, null, DatePrecision.Year, false, true, true);
        DateMention Unresolved(DatePrecision p) => make(null, null, null, null, null, p, false, true, false);
    }

    private static (int? Year, bool Inferred) YearFor(Match match, ResolutionContext context, int month, int day)
    {
        if (match.Groups["y"].Success)
        {
            var y = Int(match, "y");
            context.NoteFullDate(y);
            return (y, false);
        }

        return (context.InferYear(month, day), true);
    }

    private static (DateOnly From, DateOnly To) Narrow(DateOnly from, DateOnly to, string modifier)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var third = days / 3;
        return modifier.ToLowerInvariant() switch
        {
            "early" => (from, from.AddDays(third)),
            "mid" => (from.AddDays(third), to.AddDays(-third)),
            "late" => (to.AddDays(-third), to),
            _ => (from, to),
        };
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    internal static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static int CenturyNumber(string text)
    {
        var lower = text.ToLowerInvariant().Replace('-', ' ');
        if (char.IsDigit(lower[0]))
        {
            return int.Parse(new string(lower.TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
        }

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
        return lower switch
        {
            "twenty first" => 21,
            "twenty second" => 22,
            _ => Array.IndexOf(ordinals, lower) + 1,
        };
    }

    private static int NumberWord(string text) => text.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" or "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    private enum Kind
    {
        Iso,
        DayRangeMonthFirst,
        DayRangeDayFirst,
        CrossMonthRange,
        CrossMonthRangeDayFirst,
        MonthDay,
        DayMonth,
        MonthYear,
        Season,
        Decade,
        Century,
        YearRange,
        Year,
        MonthAlone,
        Relative,
        Weekday,
    }

    private sealed record Pattern(Kind Kind, Regex Regex);

    /// <summary>What earlier mentions in the same text say about the year being talked about.</summary>
    private sealed class ResolutionContext(DateOnly? reference)
    {
        private int? fullDateYear;

        public DateOnly? Reference { get; } = reference;

        /// <summary>The latest explicitly written year, for "earlier that year".</summary>
        public int? AnchorYear { get; private set; }

        public DateOnly? AnchorDate => AnchorYear is { } y ? new DateOnly(y, 1, 1) : null;

        public void NoteYear(int year) => AnchorYear = year;

        public void NoteFullDate(int year)
        {
            fullDateYear = year;
            AnchorYear = year;
        }

        /// <summary>
        /// A bare "March 19" takes the year of the latest full date in the text (bare years are often history:
        /// "since 2021"); failing that the reference's year, moved back one when that would put it over a month ahead.
        /// </summary>
        public int? InferYear(int month, int day)
        {
            if (fullDateYear is { } y)
            {
                return y;
            }

            if (Reference is not { } r)
            {
                return AnchorYear;
            }

            var safeDay = Math.Min(day, DateTime.DaysInMonth(r.Year, month));
            var candidate = new DateOnly(r.Year, month, safeDay);
            return candidate.DayNumber - r.DayNumber > 30 ? r.Year - 1 : r.Year;
        }
    }
}
