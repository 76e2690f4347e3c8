namespace Bots.Text.Tests.Segmentation;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => s.Text).ToArray();

    [Fact]
    public void Split_PlainSentences_SplitsAtPeriods()
    {
        Assert.Equal(["The cat sat.", "The dog ran."], Split("The cat sat. The dog ran."));
    }

    [Fact]
    public void Split_EmptyOrWhitespace_ReturnsNothing()
    {
        Assert.Empty(Split(""));
        Assert.Empty(Split("   \n\n  "));
    }

    [Fact]
    public void Split_TextWithoutTerminator_IsOneSentence()
    {
        Assert.Equal(["Putin convenes with Abbas"], Split("Putin convenes with Abbas"));
    }

    [Theory]
    [InlineData("Mr. Smith went to Washington. He stayed.", "Mr. Smith went to Washington.")]
    [InlineData("Dr. Jones arrived. He stayed.", "Dr. Jones arrived.")]
    [InlineData("Prof. Ivanov spoke. He stayed.", "Prof. Ivanov spoke.")]
    [InlineData("They met in St. Petersburg today. He stayed.", "They met in St. Petersburg today.")]
    [InlineData("Gen. Petraeus and Lt. Dan met. He stayed.", "Gen. Petraeus and Lt. Dan met.")]
    [InlineData("Apples vs. oranges is old. He stayed.", "Apples vs. oranges is old.")]
    [InlineData("Fruit, e.g. Apples, is good. He stayed.", "Fruit, e.g. Apples, is good.")]
    [InlineData("One thing, i.e. This one, stays. He stayed.", "One thing, i.e. This one, stays.")]
    public void Split_TitleAndLatinAbbreviations_DoNotEndTheSentence(string text, string first)
    {
        var sentences = Split(text);

        Assert.Equal([first, "He stayed."], sentences);
    }

    [Theory]
    [InlineData("The deal closed on Jan. 5 in Moscow. He stayed.", "The deal closed on Jan. 5 in Moscow.")]
    [InlineData("It ran until Feb. 28 last year. He stayed.", "It ran until Feb. 28 last year.")]
    [InlineData("He lives at No. 5 Downing Street. He stayed.", "He lives at No. 5 Downing Street.")]
    public void Split_MonthAndNumberLabelsBeforeDigits_DoNotEndTheSentence(string text, string first)
    {
        Assert.Equal([first, "He stayed."], Split(text));
    }

    [Theory]
    [InlineData("Acme Inc. shares rose. He stayed.", "Acme Inc. shares rose.")]
    [InlineData("Acme Ltd. Chairman Bob quit. He stayed.", "Acme Ltd. Chairman Bob quit.")]
    [InlineData("Ford Motor Co. Chief Bill spoke. He stayed.", "Ford Motor Co. Chief Bill spoke.")]
    [InlineData("Big Corp. Directors met. He stayed.", "Big Corp. Directors met.")]
    public void Split_CompanySuffixBeforeAName_DoesNotEndTheSentence(string text, string first)
    {
        Assert.Equal([first, "He stayed."], Split(text));
    }

    [Fact]
    public void Split_CompanySuffixBeforeASentenceOpener_EndsTheSentence()
    {
        Assert.Equal(["He works for Acme Inc.", "The firm grew."], Split("He works for Acme Inc. The firm grew."));
    }

    [Fact]
    public void Split_EtcBeforeASentenceOpener_EndsTheSentence()
    {
        Assert.Equal(["Apples, pears, etc.", "They sold well."], Split("Apples, pears, etc. They sold well."));
    }

    [Theory]
    [InlineData("Scholar Mark N Katz said so. He stayed.", "Scholar Mark N Katz said so.")]
    [InlineData("George W. Bush spoke. He stayed.", "George W. Bush spoke.")]
    [InlineData("J. K. Rowling wrote it. He stayed.", "J. K. Rowling wrote it.")]
    [InlineData("Analyst Mark N. Katz said so. He stayed.", "Analyst Mark N. Katz said so.")]
    public void Split_Initials_DoNotEndTheSentence(string text, string first)
    {
        Assert.Equal([first, "He stayed."], Split(text));
    }

    [Theory]
    [InlineData("The U.S. President spoke. He stayed.", "The U.S. President spoke.")]
    [InlineData("The U.K. Government agreed. He stayed.", "The U.K. Government agreed.")]
    [InlineData("The U.N. Security Council met. He stayed.", "The U.N. Security Council met.")]
    [InlineData("Talks with U.S. officials ended. He stayed.", "Talks with U.S. officials ended.")]
    public void Split_CountryAcronymsInsideASentence_DoNotEndIt(string text, string first)
    {
        Assert.Equal([first, "He stayed."], Split(text));
    }

    [Theory]
    [InlineData("Abbas criticised the U.S. The meeting lasted three hours.", "Abbas criticised the U.S.")]
    [InlineData("He moved to the U.K. In 2019 he returned.", "He moved to the U.K.")]
    [InlineData("The plan went to the U.N. It failed.", "The plan went to the U.N.")]
    public void Split_CountryAcronymAtTheEndBeforeASentenceOpener_EndsTheSentence(string text, string first)
    {
        var sentences = Split(text);

        Assert.Equal(2, sentences.Length);
        Assert.Equal(first, sentences[0]);
    }

    [Theory]
    [InlineData("Growth was 3.5 percent. He stayed.", "Growth was 3.5 percent.")]
    [InlineData("It costs $9.99 now. He stayed.", "It costs $9.99 now.")]
    [InlineData("Version 2.0.1 shipped. He stayed.", "Version 2.0.1 shipped.")]
    public void Split_Decimals_DoNotEndTheSentence(string text, string first)
    {
        Assert.Equal([first, "He stayed."], Split(text));
    }

    [Fact]
    public void Split_SentenceEndingInANumber_Ends()
    {
        Assert.Equal(["He left in 2021.", "Then he came back."], Split("He left in 2021. Then he came back."));
    }

    [Fact]
    public void Split_EllipsisBeforeCapital_EndsTheSentence()
    {
        Assert.Equal(["We waited...", "Nothing happened."], Split("We waited... Nothing happened."));
    }

    [Fact]
    public void Split_EllipsisCharacterBeforeCapital_EndsTheSentence()
    {
        Assert.Equal(["We waited\u2026", "Nothing happened."], Split("We waited\u2026 Nothing happened."));
    }

    [Fact]
    public void Split_EllipsisBeforeLowerCase_ContinuesTheSentence()
    {
        Assert.Equal(["We waited... and waited."], Split("We waited... and waited."));
    }

    [Fact]
    public void Split_QuoteClosingAfterThePeriod_StaysWithTheSentence()
    {
        Assert.Equal(["\"We agree,\" he said.\"", "Next came talks."], Split("\"We agree,\" he said.\" Next came talks."));
    }

    [Fact]
    public void Split_QuotedSentenceThenNewSentence_SplitsAfterTheQuote()
    {
        Assert.Equal(["He said: \"We will win.\"", "Then he left."], Split("He said: \"We will win.\" Then he left."));
    }

    [Fact]
    public void Split_CurlyQuoteClosingAfterThePeriod_StaysWithTheSentence()
    {
        Assert.Equal(["He said: \u201CWe will win.\u201D", "Then he left."], Split("He said: \u201CWe will win.\u201D Then he left."));
    }

    [Fact]
    public void Split_QuestionInsideQuoteFollowedByLowerCase_ContinuesTheSentence()
    {
        Assert.Equal(["\"Why now?\" she asked."], Split("\"Why now?\" she asked."));
    }

    [Fact]
    public void Split_QuestionAndExclamationMarks_EndSentences()
    {
        Assert.Equal(["Is it true?", "Yes!", "It is."], Split("Is it true? Yes! It is."));
    }

    [Fact]
    public void Split_RunOfTerminators_IsOneBoundary()
    {
        Assert.Equal(["Really?!", "Yes."], Split("Really?! Yes."));
    }

    [Fact]
    public void Split_SentenceEndingInsideBrackets_KeepsTheBracket()
    {
        Assert.Equal(["It grew (as expected.)", "Then it shrank."], Split("It grew (as expected.) Then it shrank."));
    }

    [Fact]
    public void Split_SentenceNextOpeningWithAQuote_Splits()
    {
        Assert.Equal(["He left.", "\"Good,\" she said."], Split("He left. \"Good,\" she said."));
    }

    [Fact]
    public void Split_CitationMarkAfterThePeriod_StaysWithTheSentence()
    {
        Assert.Equal(["Ties go back to 1950.[12]", "They grew."], Split("Ties go back to 1950.[12] They grew."));
    }

    [Fact]
    public void Split_SeveralCitationMarksAfterThePeriod_StayWithTheSentence()
    {
        Assert.Equal(["Ties go back to 1950.[12][13]", "They grew."], Split("Ties go back to 1950.[12][13] They grew."));
    }

    [Fact]
    public void Split_LineBreak_AlwaysEndsASentence()
    {
        Assert.Equal(["CHINA / SOCIETY", "Putin meets Abbas", "The talks began."],
            Split("CHINA / SOCIETY\nPutin meets Abbas\nThe talks began."));
    }

    [Fact]
    public void Split_BlankLineBetweenParagraphs_EndsASentence()
    {
        Assert.Equal(["First paragraph", "Second one."], Split("First paragraph\r\n\r\nSecond one."));
    }

    [Fact]
    public void Split_YearGluedToCapitalisedWordWithoutPeriod_IsNotSplit()
    {
        Assert.Equal(["He visited for the first time since 2021The pair met."], Split("He visited for the first time since 2021The pair met."));
    }

    [Fact]
    public void Split_PeriodGluedToNextSentenceAfterLowerCaseWord_Splits()
    {
        Assert.Equal(["They met in the capital.", "The pair talked."], Split("They met in the capital.The pair talked."));
    }

    [Fact]
    public void Split_PeriodGluedAfterYear_Splits()
    {
        Assert.Equal(["They met in 2021.", "The pair talked."], Split("They met in 2021.The pair talked."));
    }

    [Theory]
    [InlineData("Read it at RT.com today.")]
    [InlineData("Mr.Smith arrived today.")]
    [InlineData("Visit example.org now.")]
    public void Split_PeriodGluedInsideNamesAndDomains_IsNotSplit(string text)
    {
        Assert.Single(Split(text));
    }

    [Fact]
    public void Split_QuoteGluedToNextSentence_Splits()
    {
        Assert.Equal(["He said \"no.\"", "Then he left."], Split("He said \"no.\"Then he left."));
    }

    [Fact]
    public void Split_LowerCaseAfterPeriod_ContinuesTheSentence()
    {
        Assert.Single(Split("The figure was approx. ten times higher."));
    }

    [Fact]
    public void Split_TimeAbbreviationBeforeOpener_EndsTheSentence()
    {
        Assert.Equal(["They met at 5 p.m.", "The talks lasted hours."], Split("They met at 5 p.m. The talks lasted hours."));
    }

    [Fact]
    public void Split_Offsets_PointIntoTheOriginalText()
    {
        const string text = "  First one.   Second one!\nThird";

        var sentences = SentenceSplitter.Split(text);

        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.Equal(3, sentences.Count);
    }

    [Fact]
    public void Split_SeedLikeParagraph_SplitsIntoItsSentences()
    {
        const string text = "This is exemplified by President Mahmoud Abbas of the Palestinian National Authority, who visited Moscow from August 12 to 14 for the first time since 2021. During his trip, Abbas and Russian President Vladimir Putin engaged in a three-hour closed-door meeting. Afterward, Abbas expressed optimism.";

        var sentences = Split(text);

        Assert.Equal(3, sentences.Length);
        Assert.StartsWith("During his trip", sentences[1]);
    }
}
