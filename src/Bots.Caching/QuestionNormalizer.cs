using System.Globalization;
using System.Text;

namespace Bots.Caching;

/// <summary>
/// Brings a question to the form its cache key is made from, so that "When did Abbas visit Moscow?",
/// "when did abbas  visit moscow" and "When did Abbas visit Moscow ?!" share one cached answer. It only removes
/// differences that cannot change the answer: case, spacing, curly versus straight quotes and dashes, full-width
/// letters, invisible characters and trailing punctuation. Words, numbers and inner punctuation stay. (The build
/// runs in invariant-globalization mode, which has no Unicode normalization tables, hence the explicit folds.)
/// </summary>
public static class QuestionNormalizer
{
    public static string Normalize(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var builder = new StringBuilder(question.Length);
        var pendingSpace = false;
        foreach (var rune in question.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                // Zero-width spaces, joiners, BOMs and stray control characters are invisible to the reader.
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(Fold(rune));
        }
        return TrimTrailingPunctuation(builder).ToString();
    }

    private static string Fold(Rune rune) => rune.Value switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
        // Full-width ASCII (U+FF01–U+FF5E), as typed with East Asian input methods.
        >= 0xFF01 and <= 0xFF5E => Fold(new Rune(rune.Value - 0xFEE0)),
        _ => Rune.ToLowerInvariant(rune).ToString(),
    };

    private static StringBuilder TrimTrailingPunctuation(StringBuilder builder)
    {
        var end = builder.Length;
        while (end > 0)
        {
            var c = builder[end - 1];
            if (c is '?' or '!' or '.' or ',' or ';' or ':' or ' ' or '\u2026' or '\u061F' or '\u3002' or '\uFF1F' or '\uFF01')
            {
                end--;
                continue;
            }
            break;
        }
        builder.Length = end;
        return builder;
    }
}
