namespace Bots.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with inner apostrophes, hyphens or digits ("Russia's", "COVID-19", "1990s").</summary>
    Word,

    /// <summary>Digits with optional thousands separators and decimals ("9,595", "3.5").</summary>
    Number,

    /// <summary>Sentence and quotation punctuation, brackets, dashes.</summary>
    Punctuation,

    /// <summary>Currency signs, percent, maths and other symbols.</summary>
    Symbol,
}

/// <summary>A token and its offset in the original text.</summary>
public readonly record struct Token(string Text, int Start, TokenKind Kind);
