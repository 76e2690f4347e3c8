namespace Bots.Text.Tests.Tokens;

public class TermsTests
{
    [Fact]
    public void Of_DropsStopWordsAndStems()
    {
        Assert.Equal(["presid", "visit", "moscow"], Terms.Of("The President was visiting Moscow"));
    }

    [Fact]
    public void Of_RemovesPossessives()
    {
        Assert.Equal(["russia", "role"], Terms.Of("Russia's role"));
    }
}
