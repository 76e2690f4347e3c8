namespace Bots.Caching.Tests;

public class QuestionNormalizerTests
{
    [Theory]
    [InlineData("When did Abbas visit Moscow?", "when did abbas visit moscow")]
    [InlineData("  when   did\tabbas\nvisit  moscow ", "when did abbas visit moscow")]
    [InlineData("When did Abbas visit Moscow ?!", "when did abbas visit moscow")]
    [InlineData("When did Abbas visit Moscow…", "when did abbas visit moscow")]
    [InlineData("WHEN DID ABBAS VISIT MOSCOW？", "when did abbas visit moscow")]
    [InlineData("What did Putin call the “historic” talks?", "what did putin call the \"historic\" talks")]
    [InlineData("Who’s the PM of Israel?", "who's the pm of israel")]
    [InlineData("zero\u200Bwidth join", "zerowidth join")]
    [InlineData("ＦＵＬＬ width", "full width")]
    [InlineData("How many died in 2024–2025?", "how many died in 2024-2025")]
    [InlineData("?!", "")]
    public void Normalize_RemovesOnlyDifferencesThatCannotChangeTheAnswer(string question, string expected) =>
        Assert.Equal(expected, QuestionNormalizer.Normalize(question));

    [Theory]
    [InlineData("Did the U.S. sanction Iran?", "did the u.s. sanction iran")]
    [InlineData("What is 3.5% of GDP?", "what is 3.5% of gdp")]
    [InlineData("Who met whom: Abbas or Putin?", "who met whom: abbas or putin")]
    public void Normalize_KeepsInnerPunctuationAndNumbers(string question, string expected) =>
        Assert.Equal(expected, QuestionNormalizer.Normalize(question));

    [Fact]
    public void Normalize_DifferentQuestions_StayDifferent() =>
        Assert.NotEqual(QuestionNormalizer.Normalize("When did Abbas visit Moscow?"), QuestionNormalizer.Normalize("When did Abbas leave Moscow?"));
}
