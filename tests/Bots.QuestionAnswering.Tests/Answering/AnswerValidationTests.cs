using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Extraction;
using Bots.QuestionAnswering.Retrieval;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>Candidates that would be wrong answers are refused; the right ones in the same kind of sentence still pass.</summary>
public sealed class AnswerValidationTests
{
    /// <summary>The texts of the candidates the validation keeps, for a question asked of one sentence.</summary>
    private static List<string> Kept(string question, string sentenceText)
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        return RankedSentences.For(analysis, sentenceText, "Test", "2020-06-01").SelectMany(s => CandidateExtractor.Extract(analysis, s))
            .Select(c => AnswerValidation.Judge(analysis, c).Accepted)
            .OfType<AnswerCandidate>()
            .Select(c => c.Text)
            .ToList();
    }

    [Theory]
    [InlineData("Who is the Spanish ambassador to Italy?", "Chairman Paul Grant said Spain is ready to help Italy.", "Spain")]
    [InlineData("What did Karl Weiss send Anna Berg in May 2019?", "On May 3, 2019, Karl Weiss sent Mayor Anna Berg a letter of thanks.", "Mayor Anna Berg")]
    [InlineData("Which firm did Weiss and Roe visit?", "Karl Weiss and Jane Roe were seen visiting a firm.", "Karl Weiss and Jane Roe")]
    [InlineData("Which opera did Lund and Berg watch together?", "Lund and Prime Minister Anna Berg enjoy a warm friendship, even being seen watching opera together.", "Lund and Prime Minister Anna Berg")]
    public void Judge_AnswerMadeOfTheQuestionsOwnWords_IsRefused(string question, string sentence, string echo)
    {
        Assert.DoesNotContain(echo, Kept(question, sentence));
    }

    [Theory]
    [InlineData("Where did Jane Roe meet Karl Weiss?", "On March 2, 2020, Jane Roe met with Karl Weiss to discuss the situation in the Balkans.", "Balkans")]
    [InlineData("Where did Otto Brandt die?", "After the war, Otto Brandt cultivated connections to Sweden.", "Sweden")]
    [InlineData("Where did Jane Roe meet Karl Weiss?", "The Foreign Minister of Austria Jane Roe met Karl Weiss on Monday.", "Austria")]
    [InlineData("Where did Anna Berg meet Karl Weiss?", "The meeting between Anna Berg and Jane Roe came after the assassination of party leader Karl Weiss in Serbia.", "Serbia")]
    [InlineData("Where did the settlers move to?", "The settlers formed the first wave of migration from Norway to Iceland.", "Norway")]
    [InlineData("Where did Jane Roe meet Karl Weiss?", "In a telephone call with Karl Weiss, Jane Roe said further fighting in Serbia must end.", "Serbia")]
    public void Judge_PlaceThatIsNotWhereTheEventHappened_IsRefused(string question, string sentence, string place)
    {
        Assert.DoesNotContain(Kept(question, sentence), c => c.Contains(place, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Where did Jane Roe meet Anna Berg?", "On April 9, 2020, Jane Roe met with Anna Berg in Vienna to discuss the conflict in Yemen.", "Vienna")]
    [InlineData("Where did the ministers meet?", "The ministers met on Tuesday in Geneva.", "Geneva")]
    [InlineData("Where is the film festival being held?", "The film festival opens next week in Bergen.", "Bergen")]
    [InlineData("Where was Karl Weiss killed?", "Karl Weiss was killed in an assassination attempt in Madrid.", "Madrid")]
    [InlineData("Where did Jane Roe meet Karl Weiss?", "Jane Roe held talks with Austrian officials in Vienna after meeting Karl Weiss.", "Vienna")]
    public void Judge_PlaceOfTheEvent_IsKept(string question, string sentence, string place)
    {
        Assert.Contains(place, Kept(question, sentence));
    }

    [Theory]
    [InlineData("Which opera did Lund and Berg watch together?", "Lund and Prime Minister Anna Berg enjoy a warm friendship, even being seen watching opera together.")]
    [InlineData("Which novel did the minister praise?", "In a long speech on Friday, the minister, a keen reader of the classics, praised the novel.")]
    public void Judge_SentenceNamingTheKindButNotWhichOne_KeepsNothing(string question, string sentence)
    {
        Assert.Empty(Kept(question, sentence));
    }

    [Theory]
    [InlineData("Which opera did Lund and Berg watch together?", "Lund and Berg were seen watching the opera Carmen together in Oslo.", "Carmen")]
    [InlineData("Which novel did the minister praise?", "In a long speech, the minister praised the novel \"Winter Roads\".", "Winter Roads")]
    public void Judge_TheOneOfTheKindTheSentenceNames_IsKept(string question, string sentence, string expected)
    {
        Assert.Contains(Kept(question, sentence), c => c.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("When did Norway reject the EU proposal?", "Norway's own proposal on fishing quotas was rejected by the EU in October.")]
    [InlineData("When did Anna Berg overrule the UN envoy?", "In May, Berg's decision was overruled by the UN envoy.")]
    [InlineData("When did Cyprus reject the US proposal?", "Cyprus's own proposal was rejected by the US in October.")]
    public void Judge_DateOfTheActDoneTheOtherWayRound_IsRefused(string question, string sentence)
    {
        Assert.Empty(Kept(question, sentence));
    }

    [Theory]
    [InlineData("When did Norway reject the EU proposal?", "Norway rejected the EU proposal, drafted by the Commission, in October 2019.", "October 2019")]
    [InlineData("When did Norway reject the EU proposal?", "Norway's fishermen cheered as the EU proposal was rejected by Norway on March 3, 2020.", "3 March 2020")]
    public void Judge_DateOfTheActDoneByTheAskedDoer_IsKept(string question, string sentence, string expected)
    {
        Assert.Contains(Kept(question, sentence), c => c.Contains(expected, StringComparison.Ordinal) || c.Contains(expected.Split(' ')[^1], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Who won Norway's 2019 elections?", "After the Labour win in the Swedish elections of 2019, talks began in Oslo.")]
    [InlineData("Who drafted Finland's new budget?", "The Danish budget was drafted by Karl Weiss with help from Finland.")]
    public void Judge_ThingOfAnotherCountry_IsRefused(string question, string sentence)
    {
        Assert.Empty(Kept(question, sentence));
    }

    [Theory]
    [InlineData("Who won Norway's 2019 elections?", "Labour won the Norwegian elections in 2019, ahead of the Swedish parties.", "Labour")]
    [InlineData("Who drafted Finland's new budget?", "Finland's budget was drafted by Karl Weiss, unlike the Danish budget.", "Karl Weiss")]
    public void Judge_ThingOfTheAskedCountry_IsKept(string question, string sentence, string expected)
    {
        Assert.Contains(Kept(question, sentence), c => c.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_WhoIsAPerson_RefusesAPlaceAndAnotherName()
    {
        var kept = Kept("Who is Karl Weiss?", "On May 5, Mayor Anna Berg met the visiting Karl Weiss in Vienna.");

        Assert.DoesNotContain(kept, c => c.Contains("Vienna", StringComparison.Ordinal) || c.Contains("Anna Berg", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_WhoIsAPerson_KeepsTheApposition()
    {
        var kept = Kept("Who is Tom Hale?", "Tom Hale, a spokesman for the port authority, said the ships had left.");

        Assert.Contains(kept, c => c.Contains("spokesman", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_WhatQuestion_RefusesADate()
    {
        var kept = Kept("What did Karl Weiss send Anna Berg?", "On May 3, 2019, Karl Weiss sent Mayor Anna Berg a letter of thanks.");

        Assert.DoesNotContain(kept, c => c.Contains("May", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("When did Norway recognize Chile?", "During the dissolution of the Nordic Council in the early 1990s, Norway began to improve its relations with Chile.")]
    [InlineData("When was Karl Weiss born?", "During the 1990 Serbia–Kosovo conflict, Mayor Karl Weiss telephoned Anna Berg.")]
    public void Judge_DateOfAnotherEventNoun_IsRefused(string question, string sentence)
    {
        Assert.DoesNotContain(Kept(question, sentence), c => c.Contains("1990", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("When did Norway recognize Chile?", "Norway recognized Chile in 1952.", "1952")]
    [InlineData("When did Norway recognize Chile?", "In 1952, after a long debate, Norway recognized Chile.", "1952")]
    [InlineData("When did the raid happen?", "After the raid on May 31, 2010, the mayor called for an inquiry.", "31 May 2010")]
    public void Judge_DateOfTheAskedEvent_IsKept(string question, string sentence, string date)
    {
        Assert.Contains(Kept(question, sentence), c => c.Contains(date, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("When did Russia recognize Chile?", "In December 2023, Russia's foreign minister said that Chile was a partner.")]
    [InlineData("When was Karl Weiss elected mayor?", "On November 27, 2011, Anna Berg sent Mayor Karl Weiss a letter of support.")]
    public void Judge_EventNotSaidAndAnotherKnownVerbDatesTheSentence_IsRefused(string question, string sentence)
    {
        Assert.DoesNotContain(Kept(question, sentence), c => c.Contains("20", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_PassiveQuestion_RefusesADateWhenSomethingElseWasFounded()
    {
        var kept = Kept("When was the Harbor Club founded?", "On June 4, 2015 the Harbor Club and the Sailing Union signed a pact to form a joint council.");

        Assert.Empty(kept);
    }

    [Theory]
    [InlineData("When was the Sailing Union founded?", "The Sailing Union (founded in 1932) hosted the race.", "1932")]
    [InlineData("When was the Sailing Union founded?", "The Sailing Union was founded in 1932 by fishermen.", "1932")]
    [InlineData("When was the Sailing Union founded?", "Fishermen founded the Sailing Union in 1932.", "1932")]
    public void Judge_PassiveQuestion_KeepsTheDateOfItsOwnEvent(string question, string sentence, string date)
    {
        Assert.Contains(Kept(question, sentence), c => c.Contains(date, StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_AnotherPersonsEvent_IsRefused()
    {
        var kept = Kept("When did Karl Weiss die?", "With his promotion after Otto Brandt's death in 2004, Karl Weiss moved to Berlin.");

        Assert.Empty(kept);
    }

    [Fact]
    public void Judge_TheAskedPersonsEvent_IsKept()
    {
        Assert.Contains("2004", Kept("When did Otto Brandt die?", "With his promotion after Otto Brandt's death in 2004, Karl Weiss moved to Berlin."));
    }

    [Theory]
    [InlineData("How old is Karl Weiss?", "Otto Brandt, 71 years old, met Karl Weiss in Berlin.", false)]
    [InlineData("How old is Otto Brandt?", "Otto Brandt, 71 years old, met Karl Weiss in Berlin.", true)]
    [InlineData("How old is Karl Weiss?", "Otto Brandt left Karl Weiss trailing in sixth place. For the first time, Brandt ran only the hurdles. In previous seasons, the 71-year-old also ran the relay.", false)]
    [InlineData("How old is Otto Brandt?", "Otto Brandt left Karl Weiss trailing in sixth place. For the first time, Brandt ran only the hurdles. In previous seasons, the 71-year-old also ran the relay.", true)]
    public void Judge_Age_BelongsToTheNearestPerson(string question, string sentence, bool kept)
    {
        Assert.Equal(kept, Kept(question, sentence).Any(c => c.Contains("71", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Who founded the Rowing Society?", "The Rowing Society, founded by local teachers in 1919, later joined the National League.", "National League")]
    [InlineData("Who killed Karl Weiss?", "The assassination of party leader Karl Weiss shocked the Green Party.", "Green Party")]
    [InlineData("Who signed a pact to form a unity council?", "On May 2, 2011, after the rival clubs Alpha and Beta signed a pact to form a unity council, the league spokesman Mark Doe said that the fans were pleased.", "Mark Doe")]
    public void Judge_DoerQuestion_RefusesANameThatDidNotDoIt(string question, string sentence, string name)
    {
        Assert.DoesNotContain(Kept(question, sentence), c => c.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_DoerQuestion_KeepsTheDoer()
    {
        Assert.Contains(Kept("Who founded the Chess Circle?", "Anna Berg founded the Chess Circle in 1990."), c => c.Contains("Anna Berg", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Russia was critical of the Gaza War (2008–09) and", "Russia was critical of the Gaza War (2008–09)")]
    [InlineData("the harbour (built in", "the harbour")]
    [InlineData("and the old bridge", "the old bridge")]
    [InlineData("Tom Hale", "Tom Hale")]
    public void Tidy_EndsAShortAnswerOnAContentWord(string text, string expected)
    {
        Assert.Equal(expected, AnswerValidation.Tidy(text));
    }

    [Theory]
    [InlineData("According")]
    [InlineData("and the")]
    public void Tidy_FragmentWithoutContent_IsNothing(string text)
    {
        Assert.Null(AnswerValidation.Tidy(text));
    }

    [Theory]
    [InlineData("Who was the mayor when the bridge collapsed?")]
    [InlineData("Where was Otto Brandt when the war began?")]
    public void Analyze_LaterWhen_DoesNotMakeItADateQuestion(string question)
    {
        Assert.NotEqual(AnswerType.Date, QuestionAnalyzer.Analyze(question).Type);
    }

    [Theory]
    [InlineData("When did Norway retaliate against Sweden?", "On Sunday the Norwegian government reiterated its determination to retaliate against Sweden.")]
    [InlineData("When did the union strike?", "On 3 May the union threatened to strike over pay.")]
    [InlineData("When did the army attack the town?", "The army said on Friday it would not attack the town.")]
    public void Judge_DateOfAPromiseOrDenial_IsNotTheDateOfTheEvent(string question, string sentence)
    {
        Assert.Empty(Kept(question, sentence));
    }

    [Theory]
    [InlineData("When did Norway retaliate for the killing of Olsen?", "The talks came after the killing of Olsen in Bergen on 3 May.")]
    [InlineData("When did the party protest against the arrest of Berg?", "Berg's arrest on 12 June shocked the country.")]
    public void Judge_DateOfTheQuestionsEventNoun_IsNotTheDateOfItsVerb(string question, string sentence)
    {
        Assert.Empty(Kept(question, sentence));
    }

    [Fact]
    public void Judge_WhatTheQuestionSetsAside_IsRefused()
    {
        var kept = Kept("Apart from Norway, who has banned the group?", "Norway has banned the group, and so has the Swedish government of Ulf Kristersson.");

        Assert.DoesNotContain("Norway", kept);
        Assert.Contains(kept, k => k.Contains("Kristersson", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_PlaceInAnotherCountryThanAsked_IsRefused()
    {
        Assert.DoesNotContain("Washington", Kept("Which city in Norway hosted the talks?", "The talks in Norway followed a visit to Washington in May."));
    }

    [Theory]
    [InlineData("When did the union vow to strike?", "On 3 May the union vowed to strike over pay.")]
    [InlineData("When did the army attack the town?", "The army attacked the town on Friday, a week after it had threatened to.")]
    public void Judge_DateOfThePromiseAskedOrOfTheEventItself_IsKept(string question, string sentence)
    {
        Assert.NotEmpty(Kept(question, sentence));
    }
}

/// <summary>The whole answerer declines what the evidence does not say, and still answers what it does.</summary>
public sealed class PrecisionDeclineTests
{
    private static readonly (string Title, string Body, string Published)[] Articles =
    [
        ("Talks in Vienna",
            "On March 2, 2020, Jane Roe met with Minister Karl Weiss to discuss the situation in the Balkans. On April 9, 2020, Jane Roe met with Anna Berg in Vienna to discuss the conflict in Yemen.",
            "2020-04-10"),
        ("Harbor news",
            "On June 4, 2015 the Harbor Club and the Sailing Union signed a pact to form a joint council. The Sailing Union (founded in 1932) hosted the race.",
            "2015-06-05"),
        ("Obituary",
            "With his promotion after Otto Brandt's death in 2004, Karl Weiss moved to Berlin. Tom Hale, a spokesman for the port authority, said the ships had left.",
            "2005-01-02"),
    ];

    private static readonly Lazy<QuestionAnswerer> Answerer = new(() => InMemoryPassageSearch.AnswererOver(Articles));

    [Theory]
    [InlineData("Where did Jane Roe meet Karl Weiss?")]
    [InlineData("When was the Harbor Club founded?")]
    [InlineData("When did Karl Weiss die?")]
    [InlineData("Who is the Spanish ambassador to Austria?")]
    public async Task Ask_WhenTheOnlyCandidateIsWrong_Declines(string question)
    {
        var answer = await Answerer.Value.AskAsync(new Question(question), default);

        Assert.False(answer.Answered, $"answered '{answer.Text}' from '{answer.Evidence}'");
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
    }

    [Theory]
    [InlineData("Where did Jane Roe meet Anna Berg?", "Vienna")]
    [InlineData("When was the Sailing Union founded?", "1932")]
    [InlineData("When did Otto Brandt die?", "2004")]
    [InlineData("Who is Tom Hale?", "spokesman")]
    public async Task Ask_WhenTheEvidenceSaysIt_StillAnswers(string question, string expected)
    {
        var answer = await Answerer.Value.AskAsync(new Question(question), default);

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenAPlaceIsOnlyTheTopic_TheMessageSaysWhatWasFound()
    {
        var answer = await Answerer.Value.AskAsync(new Question("Where did Jane Roe meet Karl Weiss?"), default);

        Assert.Contains("Balkans", answer.Message, StringComparison.Ordinal);
    }
}
