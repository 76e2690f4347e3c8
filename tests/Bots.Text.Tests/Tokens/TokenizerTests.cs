namespace Bots.Text.Tests.Tokens;

public class TokenizerTests
{
    private static (string, TokenKind)[] Tokens(string text) => Tokenizer.Tokenize(text).Select(t => (t.Text, t.Kind)).ToArray();

    [Fact]
    public void Tokenize_WordsAndPunctuation_AreSeparated()
    {
        Assert.Equal(
            [("Putin", TokenKind.Word), ("met", TokenKind.Word), ("Abbas", TokenKind.Word), (".", TokenKind.Punctuation)],
            Tokens("Putin met Abbas."));
    }

    [Theory]
    [InlineData("Novo-Ogaryovo")]
    [InlineData("Russia's")]
    [InlineData("Russia\u2019s")]
    [InlineData("don't")]
    [InlineData("COVID-19")]
    [InlineData("three-hour")]
    [InlineData("1990s")]
    [InlineData("10-year")]
    [InlineData("café")]
    public void Tokenize_WordWithInnerApostropheHyphenOrDigits_IsOneWord(string word)
    {
        Assert.Equal([(word, TokenKind.Word)], Tokens(word));
    }

    [Theory]
    [InlineData("9,595")]
    [InlineData("3.5")]
    [InlineData("1,000,000.25")]
    [InlineData("2024")]
    public void Tokenize_Numbers_AreOneNumberToken(string number)
    {
        Assert.Equal([(number, TokenKind.Number)], Tokens(number));
    }

    [Fact]
    public void Tokenize_NumberAtSentenceEnd_LeavesThePeriodOut()
    {
        Assert.Equal([("in", TokenKind.Word), ("2021", TokenKind.Number), (".", TokenKind.Punctuation)], Tokens("in 2021."));
    }

    [Fact]
    public void Tokenize_NumberFollowedByComma_LeavesTheCommaOut()
    {
        Assert.Equal([("5", TokenKind.Number), (",", TokenKind.Punctuation), ("6", TokenKind.Number)], Tokens("5, 6"));
    }

    [Fact]
    public void Tokenize_Percentage_IsNumberThenSymbol()
    {
        Assert.Equal([("3.5", TokenKind.Number), ("%", TokenKind.Symbol)], Tokens("3.5%"));
    }

    [Theory]
    [InlineData("$", "100")]
    [InlineData("£", "2.5")]
    [InlineData("€", "1,200")]
    public void Tokenize_Currency_IsSymbolThenNumber(string sign, string amount)
    {
        Assert.Equal([(sign, TokenKind.Symbol), (amount, TokenKind.Number)], Tokens(sign + amount));
    }

    [Fact]
    public void Tokenize_YearGluedToCapitalisedWord_IsSplit()
    {
        Assert.Equal([("2021", TokenKind.Number), ("The", TokenKind.Word)], Tokens("2021The"));
    }

    [Fact]
    public void Tokenize_Ellipsis_IsOneToken()
    {
        Assert.Equal([("Wait", TokenKind.Word), ("...", TokenKind.Punctuation)], Tokens("Wait..."));
    }

    [Fact]
    public void Tokenize_Offsets_PointIntoTheText()
    {
        const string text = "Abbas, 88, visited Moscow (Russia).";

        var tokens = Tokenizer.Tokenize(text);

        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Text.Length)));
    }

    [Fact]
    public void Tokenize_DashBetweenSpaces_IsPunctuation()
    {
        Assert.Equal(("\u2013", TokenKind.Punctuation), Tokens("a \u2013 b")[1]);
    }

    [Fact]
    public void Words_AreLowerCasedWithoutPunctuation()
    {
        Assert.Equal(["putin", "met", "abbas", "in", "2024", "russia's"], Tokenizer.Words("Putin met Abbas, in 2024 (Russia's)!"));
    }

    [Fact]
    public void Words_OfEmptyText_IsEmpty()
    {
        Assert.Empty(Tokenizer.Words(""));
    }
}
