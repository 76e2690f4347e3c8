using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Tests.Retrieval;

public sealed class NameMatcherTests
{
    private static bool Mentions(string text, string name, EntityKind kind = EntityKind.Other) =>
        NameMatcher.Mentions(EvidenceSentence.WordSet(Tokenizer.Words(text)), new FocusName(name, kind, Tokenizer.Words(name).ToList()));

    [Theory]
    [InlineData("It is housed in the Fitzpatrick and Stinson-Remick Halls of Engineering.", "Stinson-Remick Hall of Engineering")]
    [InlineData("The North and South Churches of the town were rebuilt.", "South Church")]
    [InlineData("The Harbor and River Boxes were sealed.", "River Box")]
    public void Mentions_ANameWrittenOnceInThePluralForTwo_MatchesEither(string text, string name)
    {
        Assert.True(Mentions(text, name));
    }

    [Fact]
    public void Mentions_AOneWordNameInThePlural_DoesNotMatch()
    {
        Assert.False(Mentions("The Rams won the match.", "Ram"));
    }

    [Fact]
    public void Mentions_ANameMissingAWord_DoesNotMatch()
    {
        Assert.False(Mentions("The Fitzpatrick Halls of Science were built.", "Stinson-Remick Hall of Engineering"));
    }

    [Theory]
    [InlineData("The college offers eight B.S. degrees.", "BS")]
    [InlineData("Talks with the U.S.A. went on.", "USA")]
    public void Mentions_AnAbbreviationWrittenWithDots_MatchesItWithout(string text, string name)
    {
        Assert.True(Mentions(text, name));
    }

    [Fact]
    public void Mentions_LettersApartInOrdinaryWords_DoNotMakeAnAbbreviation()
    {
        Assert.False(Mentions("The BBC said the bus stopped.", "BS"));
    }

    [Fact]
    public void Mentions_APersonBySurname_Matches()
    {
        Assert.True(Mentions("Roe said the talks went well.", "Jane Roe", EntityKind.Person));
    }
}
