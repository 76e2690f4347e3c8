using System.Globalization;
using System.Text.RegularExpressions;

namespace Bots.Text.Quantities;

/// <summary>What a quantity measures.</summary>
public enum QuantityKind
{
    /// <summary>A number of things: "12 tons", "hundreds of tons", "60 people".</summary>
    Count,
    Money,
    Percent,
    Age,
    Duration,
}

/// <summary>A quantity found in text: the span as written, its value when known, and its unit ("tons", "USD", "day").</summary>
public sealed record QuantityMention(int Start, int Length, string Text, double? Value, string? Unit, QuantityKind Kind, bool IsApproximate)
{
    public int End => Start + Length;
}

/// <summary>Finds amounts, money, percentages, ages and durations ("12 tons", "hundreds of tons", "$2", "90 years old", "two-day", "40%").</summary>
public static partial class QuantityExtractor
{
    private const string NumberWords = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a dozen|dozen|a few|several|a couple of";
    private const string Num = @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + NumberWords + @")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)";
    private const string Scale = @"(?:\s*(?<scale>thousand|million|billion|trillion|bn|m|k)\b)?";
    private const string TimeUnit = "(?<unit>second|minute|hour|day|week|month|year|decade|century)";

    private static readonly (QuantityKind Kind, Regex Regex)[] Patterns =
    [
        (QuantityKind.Money, new Regex(@"(?<cur>US\$|\$|€|£|¥)\s?" + Num + Scale, Options)),
        (QuantityKind.Money, new Regex(@"\b" + Num + Scale + @"\s+(?<cur>dollars|euros|pounds|roubles|rubles|yuan|shekels|dinars|rupees|yen)\b", Options)),
        (QuantityKind.Percent, new Regex(@"\b" + Num + @"\s?(?:%|percent\b|per cent\b)", Options)),
        (QuantityKind.Age, new Regex(@"\b" + Num + @"[- ]years?[- ]old\b", Options)),
        (QuantityKind.Age, new Regex(@"\b(?:aged|age of|turn|turns|turned|turning)\s+" + Num + @"\b(?!\s*(?:%|percent|years? (?:ago|later)))", Options)),
        (QuantityKind.Duration, new Regex(@"\b" + Num + @"-" + TimeUnit + @"(?:-long)?\b", Options)),
        (QuantityKind.Duration, new Regex(@"\b(?:for|lasted|lasting|after|within|over|nearly|almost|about|more than|less than)\s+" + Num + @"\s+" + TimeUnit + @"s?\b(?!\s+(?:ago|old|earlier|later))", Options)),
        (QuantityKind.Count, new Regex(@"\b(?<vague>(?:tens of |hundreds of )?(?:dozens|scores|hundreds|thousands|millions|billions))\s+of\s+(?<unit>[a-z][a-z\-]*)", Options)),
        (QuantityKind.Count, new Regex(@"(?<![\w$€£.,])" + Num + Scale + @"\s+(?:(?<adj>[a-z]+)\s+)?(?<unit>tons|tonnes|tonne|ton|kilograms|kg|kilometres|kilometers|km|miles|metres|meters|feet|litres|liters|barrels|hectares|acres|people|persons|soldiers|troops|civilians|children|women|men|students|members|residents|refugees|hostages|prisoners|deaths|casualties|votes|seats|homes|houses|trucks|vehicles|rockets|missiles|aircraft|planes|ships|countries|states|cities|villages|times|pages|books|copies|words|languages|employees|workers|jobs|cases|points|goals|games|matches|titles|medals|units|buildings|schools|hospitals|churches|colleges|departments|programs|programmes|institutes|centers|centres|libraries|museums|dormitories|residence halls|halls|percent)\b", Options)),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>All quantities in <paramref name="text"/>, in text order; overlapping readings keep the longest.</summary>
    public static IReadOnlyList<QuantityMention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<QuantityMention>();
        foreach (var (kind, regex) in Patterns)
        {
            foreach (Match m in regex.Matches(text))
            {
                var mention = Build(kind, m);
                if (mention is not null)
                {
                    found.Add(mention);
                }
            }
        }

        var chosen = new List<QuantityMention>();
        foreach (var mention in found.OrderByDescending(m => m.Length))
        {
            if (chosen.All(c => mention.End <= c.Start || c.End <= mention.Start))
            {
                chosen.Add(mention);
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    /// <summary>The value of a number written in digits or words ("12", "1,200", "two", "twenty-five"), or null.</summary>
    public static double? ParseNumber(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace(",", string.Empty, StringComparison.Ordinal);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (t is "a couple of" or "a couple")
        {
            return 2;
        }

        var parts = t.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        double total = 0;
        var any = false;
        foreach (var part in parts)
        {
            var v = WordValue(part);
            if (v is null)
            {
                continue;
            }

            any = true;
            total = part is "hundred" or "dozen" && total > 0 ? total * v.Value : total + v.Value;
        }

        return any ? total : null;
    }

    private static QuantityMention? Build(QuantityKind kind, Match m)
    {
        var value = m.Groups["num"].Success ? ParseNumber(m.Groups["num"].Value) : null;
        var approximate = m.Groups["vague"].Success || m.Groups["num"].Value is "a few" or "several" or "a couple of";
        if (value is not null && m.Groups["scale"].Success && m.Groups["scale"].Value.Length > 0)
        {
            value *= m.Groups["scale"].Value.ToLowerInvariant() switch
            {
                "thousand" or "k" => 1e3,
                "million" or "m" => 1e6,
                "billion" or "bn" => 1e9,
                _ => 1e12,
            };
        }

        string? unit = kind switch
        {
            QuantityKind.Money => CurrencyCode(m.Groups["cur"].Value),
            QuantityKind.Percent => "%",
            QuantityKind.Age => "years",
            _ => m.Groups["unit"].Success ? m.Groups["unit"].Value.ToLowerInvariant() : null,
        };
        if (kind == QuantityKind.Count && value is { } v && v is >= 1100 and <= 2199 && !m.Value.Contains(',', StringComparison.Ordinal) && unit is not ("tons" or "tonnes" or "people"))
        {
            // A four-digit number before a noun is more often a year ("2006 Palestinian elections") than a count.
            return null;
        }

        if (kind == QuantityKind.Count && m.Groups["vague"].Success)
        {
            value = m.Groups["vague"].Value.ToLowerInvariant() switch
            {
                var s when s.EndsWith("dozens", StringComparison.Ordinal) || s == "scores" => 24,
                var s when s.EndsWith("hundreds", StringComparison.Ordinal) => 200,
                var s when s.EndsWith("thousands", StringComparison.Ordinal) => 2000,
                var s when s.EndsWith("millions", StringComparison.Ordinal) => 2e6,
                _ => 2e9,
            };
        }

        return new QuantityMention(m.Index, m.Length, m.Value, value, unit, kind, approximate);
    }

    private static string CurrencyCode(string symbol) => symbol.ToLowerInvariant() switch
    {
        "$" or "us$" or "dollars" => "USD",
        "€" or "euros" => "EUR",
        "£" or "pounds" => "GBP",
        "¥" or "yen" => "JPY",
        "yuan" => "CNY",
        "roubles" or "rubles" => "RUB",
        "shekels" => "ILS",
        var other => other.ToUpperInvariant(),
    };

    private static double? WordValue(string word) => word switch
    {
        "a" or "one" => 1,
        "two" or "couple" => 2,
        "three" or "few" or "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" or "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => null,
    };
}
