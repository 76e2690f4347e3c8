namespace Bots.Text.Tests;

public class StopWordsTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("and")]
    [InlineData("he")]
    [InlineData("don't")]
    public void Contains_FunctionWords(string word) => Assert.True(StopWords.Contains(word));

    [Theory]
    [InlineData("moscow")]
    [InlineData("president")]
    [InlineData("The")]
    public void Contains_ContentWordsAndNonLowerCase_IsFalse(string word) => Assert.False(StopWords.Contains(word));
}
