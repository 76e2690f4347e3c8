namespace Bots.Text.Tests.Normalization;

public class TextNormalizerTests
{
    [Fact]
    public void Normalize_CurlyQuotesAndApostrophes_BecomeStraight()
    {
        Assert.Equal("\"Russia's role,\" he said 'yes'", TextNormalizer.Normalize("\u201CRussia\u2019s role,\u201D he said \u2018yes\u2019"));
    }

    [Fact]
    public void Normalize_EnAndEmDashes_AreKept()
    {
        Assert.Equal("12\u201314 August \u2014 Moscow", TextNormalizer.Normalize("12\u201314 August \u2014 Moscow"));
    }

    [Fact]
    public void Normalize_OddHyphensAndMinus_BecomeHyphenMinus()
    {
        Assert.Equal("Novo-Ogaryovo -5", TextNormalizer.Normalize("Novo\u2010Ogaryovo \u22125"));
    }

    [Fact]
    public void Normalize_NonBreakingAndThinSpaces_BecomeSpaces()
    {
        Assert.Equal("13 Aug 2024", TextNormalizer.Normalize("13\u00A0Aug\u2009\u20092024"));
    }

    [Fact]
    public void Normalize_InvisibleCharacters_AreRemoved()
    {
        Assert.Equal("Moscow", TextNormalizer.Normalize("\uFEFFMos\u200Bcow"));
    }

    [Fact]
    public void Normalize_RunsOfSpaces_CollapseAndLinesAreTrimmed()
    {
        Assert.Equal("a b\nc", TextNormalizer.Normalize("  a \t  b  \n   c   "));
    }

    [Fact]
    public void Normalize_CrLfAndManyBlankLines_BecomeOneBlankLine()
    {
        Assert.Equal("one\n\ntwo\nthree", TextNormalizer.Normalize("one\r\n\r\n\r\n\r\ntwo\rthree\r\n"));
    }

    [Fact]
    public void Normalize_DecomposedAccents_AreComposed()
    {
        Assert.Equal("caf\u00E9", TextNormalizer.Normalize("cafe\u0301"));
    }

    [Fact]
    public void Normalize_EmptyText_StaysEmpty()
    {
        Assert.Equal("", TextNormalizer.Normalize(""));
    }

    [Fact]
    public void Normalize_StackedMarks_ComposeStepByStep()
    {
        Assert.Equal("Vi\u1EC7t", TextNormalizer.Normalize("Vie\u0323\u0302t"));
    }
}
