using Bots.QuestionAnswering.Extraction;

namespace Bots.QuestionAnswering.Tests.Extraction;

public sealed class NounPhraseChunkerTests
{
    private static List<string> Phrases(string sentence) =>
        NounPhraseChunker.Chunk(sentence).Select(p => sentence.Substring(p.Start, p.Length)).ToList();

    [Theory]
    [InlineData("Immediately in front of the Main Building and facing it, is a copper statue of Christ with arms upraised.", "a copper statue of Christ")]
    [InlineData("Immediately in front of the Main Building and facing it, is a copper statue of Christ with arms upraised.", "the Main Building")]
    [InlineData("The university is the major seat of the Congregation of Holy Cross.", "the Congregation of Holy Cross")]
    [InlineData("The Joan B. Kroc Institute for International Peace Studies was founded in 1986.", "The Joan B. Kroc Institute for International Peace Studies")]
    [InlineData("It was ranked by U.S. News & World Report as outstanding.", "U.S. News & World Report")]
    [InlineData("Zahm wrote Evolution and Dogma in 1896.", "Evolution and Dogma")]
    [InlineData("Retired priests and brothers live at Fatima House.", "Fatima House")]
    [InlineData("The school has three newspapers.", "three newspapers")]
    [InlineData("Next to the Main Building is the Basilica of the Sacred Heart.", "the Basilica of the Sacred Heart")]
    [InlineData("The library has a mural known as Touchdown Jesus.", "Touchdown Jesus")]
    [InlineData("Abbas met the Palestinian leader, a former teacher, in the building.", "the building")]
    [InlineData("The college was led by Fr. Matthew Walsh at the time.", "Fr. Matthew Walsh")]
    [InlineData("The Buechner Prize for Preaching was created in 1990.", "The Buechner Prize for Preaching")]
    [InlineData("The library has a 14-story tower.", "a 14-story tower")]
    public void Chunk_FindsTheNounPhrase(string sentence, string expected)
    {
        var phrases = Phrases(sentence);

        Assert.Contains(expected, phrases);
    }

    [Theory]
    [InlineData("Putin said the talks were useful.", "said")]
    [InlineData("The ministry quickly delivered aid.", "quickly")]
    [InlineData("The ministry quickly delivered aid.", "delivered aid")]
    [InlineData("He is the president.", "He")]
    [InlineData("The school was founded in 1842.", "founded")]
    [InlineData("Commonly, the hall provides the students with rooms.", "Commonly")]
    [InlineData("The centre provides the community with rooms.", "provides")]
    public void Chunk_LeavesOutFunctionAndVerbWords(string sentence, string unexpected)
    {
        var phrases = Phrases(sentence);

        Assert.DoesNotContain(phrases, p => p.Contains(unexpected, StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_OffersTheHeadWithoutItsOfPhraseToo()
    {
        var phrases = Phrases("Atop the dome is a golden statue of the Virgin Mary.");

        Assert.Contains("a golden statue", phrases);
        Assert.Contains("a golden statue of the Virgin Mary", phrases);
    }

    [Fact]
    public void Chunk_EmptySentence_HasNoPhrases()
    {
        Assert.Empty(NounPhraseChunker.Chunk(string.Empty));
    }
}
