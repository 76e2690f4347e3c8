using Bots.Text.Lexical;

namespace Bots.Text.Tests.Lexical;

public sealed class WordNetTests
{
    [Theory]
    [InlineData("liken", "compare")]
    [InlineData("compare", "liken")]
    [InlineData("invade", "invasion")]
    [InlineData("invasion", "invade")]
    [InlineData("invade", "attack")]
    [InlineData("raid", "attack")]
    [InlineData("election", "elect")]
    [InlineData("mediator", "mediate")]
    [InlineData("convene", "gather")]
    [InlineData("slay", "murder")]
    [InlineData("slay", "kill")]
    [InlineData("assassinate", "kill")]
    [InlineData("kill", "assassinate")]
    [InlineData("talks", "negotiation")]
    [InlineData("travel", "journey")]
    [InlineData("talks", "discussion")] // a noun's broader noun
    [InlineData("newspaper", "press")]
    public void Related_CommonSenses_LinkTheWords(string lemma, string expected) =>
        Assert.Contains(expected, WordNet.Related(lemma));

    [Theory]
    [InlineData("visit", "inflict")] // "visit" in the sense of inflicting is rare
    [InlineData("travel", "fall")] // a hypernym with hundreds of hyponyms does not reach them
    [InlineData("travel", "rise")]
    [InlineData("head", "caput")] // "caput" is a rare sense for head
    public void Related_RareSensesOrHubs_DoNotLink(string lemma, string unexpected) =>
        Assert.DoesNotContain(unexpected, WordNet.Related(lemma));

    [Fact]
    public void Related_UnknownWord_IsEmpty() => Assert.Empty(WordNet.Related("qwertyuiop"));

    [Fact]
    public void Related_MostCommonWordsComeFirst() =>
        Assert.Equal("compare", WordNet.Related("liken")[0]);

    [Theory]
    [InlineData("slain", "slay")]
    [InlineData("fled", "flee")]
    [InlineData("crises", "crisis")]
    [InlineData("children", "child")]
    [InlineData("sought", "seek")]
    public void BaseForm_IrregularForm_IsItsLemma(string form, string lemma) => Assert.Equal(lemma, WordNet.BaseForm(form));

    [Theory]
    [InlineData("leaves")] // leaf, but also the verb leave: read regularly
    [InlineData("bases")] // base or basis
    [InlineData("killed")]
    public void BaseForm_RegularOrAmbiguousForm_IsNull(string form) => Assert.Null(WordNet.BaseForm(form));

    [Theory]
    [InlineData("likened", "liken")]
    [InlineData("invasions", "invasion")]
    [InlineData("mediators", "mediator")]
    [InlineData("stormed", "storm")]
    [InlineData("convening", "convene")]
    [InlineData("slain", "slay")]
    [InlineData("stopped", "stop")]
    public void Lemmas_InflectedWord_FindsItsLemma(string word, string lemma) => Assert.Contains(lemma, WordNet.Lemmas(word));

    [Fact]
    public void Lemmas_WordThatIsALemma_ComesFirst() => Assert.Equal("meeting", WordNet.Lemmas("meeting")[0]);

    [Fact]
    public void Lemmas_UnknownWord_IsEmpty() => Assert.Empty(WordNet.Lemmas("zzyzxing"));

    [Fact]
    public void Count_HoldsTheCommonVocabulary() => Assert.InRange(WordNet.Count, 40_000, 80_000);
}
