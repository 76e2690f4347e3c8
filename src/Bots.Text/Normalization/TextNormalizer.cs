using System.Text;

namespace Bots.Text;

/// <summary>Brings scraped text to one canonical form so that comparisons and offsets agree across sources.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFC; curly quotes and apostrophes to straight ones; odd hyphens and dashes to '-', U+2013 or U+2014;
    /// non-breaking and other odd spaces to a space, invisible characters removed; line endings to '\n';
    /// runs of spaces collapsed within lines; lines trimmed; at most one blank line between paragraphs.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        var pendingNewlines = 0;
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            if (c == '\r')
            {
                if (i + 1 < composed.Length && composed[i + 1] == '\n')
                {
                    continue;
                }
                c = '\n';
            }

            if (c is '\n' or '\u2028' or '\u2029' or '\u0085' or '\f' or '\v')
            {
                pendingSpace = false;
                if (builder.Length > 0)
                {
                    pendingNewlines++;
                }
                continue;
            }

            // Printable ASCII other than the backtick maps to itself: most text, without the lookup.
            var mapped = c is >= ' ' and <= '~' and not '`' ? c : Map(c);
            if (mapped == '\0')
            {
                continue;
            }
            if (mapped == ' ')
            {
                pendingSpace = builder.Length > 0 && pendingNewlines == 0;
                continue;
            }

            if (LatinComposition.IsCombiningMark(mapped) && builder.Length > 0 && pendingNewlines == 0 && !pendingSpace
                && LatinComposition.TryCompose(builder[^1], mapped, out var composedChar))
            {
                builder[^1] = composedChar;
                continue;
            }

            if (pendingNewlines > 0)
            {
                builder.Append('\n', Math.Min(pendingNewlines, 2));
                pendingNewlines = 0;
            }
            else if (pendingSpace)
            {
                builder.Append(' ');
            }
            pendingSpace = false;
            builder.Append(mapped);
        }
        return builder.ToString();
    }

    // '\0' means "drop the character".
    private static char Map(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\u0060' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2212' => '-',
        '\u2012' => '\u2013',
        '\u2015' => '\u2014',
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => '\0',
        '\t' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' => ' ',
        >= '\u2000' and <= '\u200A' => ' ',
        _ when char.IsControl(c) => '\0',
        _ => c,
    };
}
