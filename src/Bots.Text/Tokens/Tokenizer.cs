using System.Globalization;

namespace Bots.Text;

/// <summary>Splits text into words, numbers, punctuation and symbols, keeping offsets.</summary>
public static class Tokenizer
{
    /// <summary>
    /// Words keep inner apostrophes and hyphens ("Russia's", "Novo-Ogaryovo"); numbers keep thousands
    /// separators and decimals ("9,595", "3.5"); '%' and currency signs are separate Symbol tokens.
    /// </summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
            }
            else if (char.IsDigit(c))
            {
                var end = ReadNumberOrWord(text, i, out var kind);
                tokens.Add(new Token(text[i..end], i, kind));
                i = end;
            }
            else if (IsWordChar(c))
            {
                var end = ReadWord(text, i);
                tokens.Add(new Token(text[i..end], i, TokenKind.Word));
                i = end;
            }
            else if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
            {
                tokens.Add(new Token("...", i, TokenKind.Punctuation));
                i += 3;
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                tokens.Add(new Token(text.Substring(i, length), i, IsSymbol(text, i) ? TokenKind.Symbol : TokenKind.Punctuation));
                i += length;
            }
        }
        return tokens;
    }

    /// <summary>The lower-cased words and numbers of the text, without punctuation or symbols.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        // The same scan as Tokenize, keeping only words and numbers: no token list, no strings for
        // punctuation, one allocation a word. Indexing and near-duplicate detection call it on every article.
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>(text.Length / 6 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int end;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }
            if (char.IsDigit(c))
            {
                end = ReadNumberOrWord(text, i, out _);
            }
            else if (IsWordChar(c))
            {
                end = ReadWord(text, i);
            }
            else
            {
                // Punctuation and symbols: never part of a word, so one character at a time is enough.
                i++;
                continue;
            }
            words.Add(string.Create(end - i, (text, i), static (span, word) => word.text.AsSpan(word.i, span.Length).ToLowerInvariant(span)));
            i = end;
        }
        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static int ReadWord(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
            {
                i++;
            }
            else if ((IsApostrophe(text[i]) || IsHyphen(text[i])) && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i++;
            }
            else
            {
                return i;
            }
        }
        return i;
    }

    // "9,595", "3.5", "1,000.50"; digits running straight into letters make a word ("1990s", "5bn", "COVID-19"),
    // except a capitalised word glued on by scraping ("2021The"), which becomes a number and a word.
    private static int ReadNumberOrWord(string text, int start, out TokenKind kind)
    {
        var i = start;
        while (i < text.Length)
        {
            if (char.IsDigit(text[i]))
            {
                i++;
            }
            else if (text[i] is ',' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > start)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        var gluedCapitalisedWord = i + 1 < text.Length && char.IsUpper(text[i]) && char.IsLower(text[i + 1]);
        kind = TokenKind.Word;
        if (i < text.Length && IsWordChar(text[i]) && !gluedCapitalisedWord)
        {
            return ReadWord(text, i);
        }
        if (i < text.Length && IsHyphen(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
        {
            // "10-year", "24-hour": one hyphenated word, like "Novo-Ogaryovo".
            return ReadWord(text, i);
        }
        kind = TokenKind.Number;
        return i;
    }

    private static bool IsSymbol(string text, int i) => CharUnicodeInfo.GetUnicodeCategory(text, i) is
        UnicodeCategory.CurrencySymbol or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol
        or UnicodeCategory.ModifierSymbol || text[i] is '%' or '&' or '@' or '#' or '\u2030';
}
