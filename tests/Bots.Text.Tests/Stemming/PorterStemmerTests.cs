namespace Bots.Text.Tests.Stemming;

public class PorterStemmerTests
{
    // Pairs from Porter (1980) and the reference vocabulary/output files.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    public void Stem_Step1Examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("valenci", "valenc")]
    [InlineData("hesitanci", "hesit")]
    [InlineData("digitizer", "digit")]
    [InlineData("conformabli", "conform")]
    [InlineData("radicalli", "radic")]
    [InlineData("differentli", "differ")]
    [InlineData("vileli", "vile")]
    [InlineData("analogousli", "analog")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("formaliti", "formal")]
    [InlineData("sensitiviti", "sensit")]
    [InlineData("sensibiliti", "sensibl")]
    public void Stem_Step2Examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("formalize", "formal")]
    [InlineData("electriciti", "electr")]
    [InlineData("electrical", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    public void Stem_Step3Examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("gyroscopic", "gyroscop")]
    [InlineData("adjustable", "adjust")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("homologou", "homolog")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("angulariti", "angular")]
    [InlineData("homologous", "homolog")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    public void Stem_Step4Examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controll", "control")]
    [InlineData("roll", "roll")]
    public void Stem_Step5Examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("generalization", "gener")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("visiting", "visit")]
    [InlineData("generous", "gener")]
    [InlineData("knightly", "knightli")]
    [InlineData("consolation", "consol")]
    [InlineData("consigned", "consign")]
    [InlineData("abate", "abat")]
    [InlineData("archaeology", "archaeolog")]
    [InlineData("president", "presid")]
    [InlineData("meeting", "meet")]
    [InlineData("relations", "relat")]
    [InlineData("palestinian", "palestinian")]
    [InlineData("humanitarian", "humanitarian")]
    public void Stem_MoreVocabulary(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("a")]
    [InlineData("is")]
    [InlineData("us")]
    public void Stem_ShortWords_AreUnchanged(string word) => Assert.Equal(word, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("covid-19")]
    [InlineData("2024")]
    [InlineData("café")]
    public void Stem_WordsWithOtherCharacters_AreUnchanged(string word) => Assert.Equal(word, PorterStemmer.Stem(word));

    [Fact]
    public void Stem_AfterMoreDistinctWordsThanItRemembers_StaysCorrect()
    {
        // Made-up words past the memo's capacity (a flood of hostile input) must not change any answer.
        static string Word(int i) => string.Concat(i.ToString("x6", System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('a' + (c % 26)))) + "ations";
        var expected = Enumerable.Range(0, 50).Select(i => PorterStemmer.Stem(Word(i))).ToList();

        for (var i = 0; i < 250_000; i++)
        {
            PorterStemmer.Stem(Word(i));
        }

        Assert.Equal(expected, Enumerable.Range(0, 50).Select(i => PorterStemmer.Stem(Word(i))));
        Assert.Equal("run", PorterStemmer.Stem("running"));
        Assert.Equal("relat", PorterStemmer.Stem("relations"));
    }
}
