namespace Bots.Text.Tests.Tokens;

public sealed class NumeralsTests
{
    [Theory]
    [InlineData("2", 2)]
    [InlineData("two", 2)]
    [InlineData("II", 2)]
    [InlineData("xiv", 14)]
    [InlineData("Twenty", 20)]
    public void Value_OfDigitsWordsAndRomanNumerals_IsTheNumber(string word, int expected)
    {
        Assert.Equal(expected, Numerals.Value(word));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("one")]
    [InlineData("V")]
    [InlineData("1967")]
    [InlineData("war")]
    public void Value_OfOneLetterNumeralsOneAndOtherWords_IsNull(string word)
    {
        Assert.Null(Numerals.Value(word));
    }

    [Fact]
    public void OtherForms_OfADigit_AreTheWordOrdinalAndRomanNumeral()
    {
        Assert.Equal(["two", "second", "ii"], Numerals.OtherForms("2"));
    }

    [Fact]
    public void OrdinalValue_OfAnOrdinalWord_IsItsNumber()
    {
        Assert.Equal(2, Numerals.OrdinalValue("Second"));
        Assert.Null(Numerals.OrdinalValue("first"));
    }
}
