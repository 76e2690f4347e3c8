using System.Globalization;
using Bots.Text;

namespace Bots.Chat.Commands;

/// <summary>Formatting every renderer shares: dates readers recognise, cutting text where a sentence ends.</summary>
public static class ReplyFormat
{
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm"];

    /// <summary>"2024-08-13" or "2024-08-13T09:30:00Z" → "13 Aug 2024"; "2024-08" → "Aug 2024"; "2024" stays.</summary>
    public static string Date(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "";
        }

        var culture = CultureInfo.InvariantCulture;
        if (DateTime.TryParseExact(text, DayFormats, culture, DateTimeStyles.None, out var day))
        {
            return day.ToString("d MMM yyyy", culture);
        }

        if (text.Length > 10 && DateTimeOffset.TryParse(text, culture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return stamp.ToString("d MMM yyyy", culture);
        }

        if (DateTime.TryParseExact(text, "yyyy-MM", culture, DateTimeStyles.None, out var month))
        {
            return month.ToString("MMM yyyy", culture);
        }

        return text;
    }

    /// <summary>Splits prose into sentences, keeping each sentence's closing punctuation and quotes.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => s.Text).ToList();

    /// <summary>At most <paramref name="max"/> characters, cut after a sentence if one fits, else after a word, with "…".</summary>
    public static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 1)
        {
            return text[..Math.Max(0, max)];
        }

        var kept = "";
        foreach (var sentence in Sentences(text))
        {
            var next = kept.Length == 0 ? sentence : kept + " " + sentence;
            if (next.Length > max)
            {
                break;
            }

            kept = next;
        }

        if (kept.Length >= max / 2)
        {
            return kept;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > max / 2)
        {
            cut = cut[..space];
        }

        // Never leave half of a surrogate pair at the cut.
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }
}
