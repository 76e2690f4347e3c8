using System.Globalization;

namespace Bots.Text;

/// <summary>
/// The small numbers names carry, however written: "World War 2", "World War Two", "World War II", "the Second World War".
/// </summary>
public static class Numerals
{
    private static readonly string[] NumberWords =
    [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    private static readonly string[] OrdinalWords =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];

    private static readonly string[] RomanNumerals =
    [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];

    /// <summary>
    /// The value (2–20) of a number written as digits, a word or a Roman numeral of two letters or more ("2", "two",
    /// "II"; any case), or null. One is left out, and one-letter numerals: "first", "I", "V" and "X" are more often other words.
    /// </summary>
    public static int? Value(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        var value = int.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : Array.IndexOf(NumberWords, lower) is > 0 and var w ? w
            : lower.Length >= 2 && Array.IndexOf(RomanNumerals, lower) is > 0 and var r ? r
            : 0;
        return value is >= 2 and <= 20 ? value : null;
    }

    /// <summary>The value (2–20) of an ordinal word ("second" → 2), or null.</summary>
    public static int? OrdinalValue(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Array.IndexOf(OrdinalWords, word.ToLowerInvariant()) is >= 2 and var value ? value : null;
    }

    /// <summary>The other lower-case spellings of a small number ("2" → two, second, ii), or empty when the word is none.</summary>
    public static IReadOnlyList<string> OtherForms(string word) =>
        Value(word) is { } value ? FormsOf(value).Where(f => f != word.ToLowerInvariant()).ToList() : [];

    /// <summary>Every lower-case spelling of a small number: "2", "two", "second", "ii" (one-letter Roman numerals left out).</summary>
    public static IReadOnlyList<string> FormsOf(int value)
    {
        if (value is < 2 or > 20)
        {
            return [];
        }

        string[] forms = [value.ToString(CultureInfo.InvariantCulture), NumberWords[value], OrdinalWords[value], RomanNumerals[value]];
        return forms.Where(f => f.Length >= 2 || char.IsDigit(f[0])).Distinct(StringComparer.Ordinal).ToList();
    }
}
