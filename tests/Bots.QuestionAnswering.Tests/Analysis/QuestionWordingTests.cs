using Bots.QuestionAnswering.Analysis;

namespace Bots.QuestionAnswering.Tests.Analysis;

/// <summary>
/// How a question's wording is read: a possessive asked-for noun ("which country's …"), the verb after a plural subject,
/// "go back to" as "dating back to", and names news writes in other words ("politburo" for "political bureau").
/// </summary>
public sealed class QuestionWordingTests
{
    private static readonly DateOnly Today = new(2024, 8, 20);

    [Theory]
    [InlineData("Which country's quiet diplomacy calmed the clans?", "country")]
    [InlineData("which city's mayor resigned", "city")]
    public void Analyze_PossessiveAskedNoun_AsksForThePossessor(string question, string noun)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Place, analysis.Type);
        Assert.Equal(noun, analysis.TypeNoun);
    }

    [Fact]
    public void Analyze_PluralSubjectAfterDo_IsNotTheVerb()
    {
        var analysis = QuestionAnalyzer.Analyze("how often do turkish troops sweep the border villages", Today);

        Assert.DoesNotContain(analysis.Terms, t => t.Word == "troops" && t.IsVerb);
        Assert.DoesNotContain(analysis.Terms, t => t.Word == "often");
    }

    [Fact]
    public void Analyze_WhoWithAPlaceBeforeTheVerb_StillFindsTheVerb()
    {
        var analysis = QuestionAnalyzer.Analyze("Who in Canada questioned the tariff?", Today);

        Assert.Contains(analysis.Terms, t => t.Word == "questioned" && t.IsVerb);
    }

    [Theory]
    [InlineData("where did the envoy travel right after Oslo", "Oslo")]
    [InlineData("after leaving Norway, where did the envoy head next", "Norway")]
    [InlineData("Where did the envoy go after her visit to Oslo?", "Oslo")]
    public void Analyze_PlaceAfterAnother_KnowsThePlaceLeft(string question, string left)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(left, analysis.Preceding);
        Assert.DoesNotContain(analysis.Terms, t => t.Word is "right" or "after" or "next" or "leaving");
    }

    [Fact]
    public void Analyze_PlaceAfterAnEvent_HasNoPlaceLeft()
    {
        Assert.Null(QuestionAnalyzer.Analyze("Where did the envoy go after the summit?", Today).Preceding);
    }

    [Theory]
    [InlineData("which country armed the young militia", "armed")]
    [InlineData("what party controls the town council", "controls")]
    public void Analyze_VerbRightAfterTheAskedNoun_IsTheVerb(string question, string verb)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Contains(analysis.Terms, t => t.Word == verb && t.IsVerb);
    }

    [Theory]
    [InlineData("abbas moscow trip end date", true, false)]
    [InlineData("When did the siege end?", true, false)]
    [InlineData("the summit's start date", false, true)]
    [InlineData("When did the talks begin?", false, true)]
    [InlineData("When did Lund visit Oslo?", false, false)]
    public void Analyze_EndOrStartOfASpan_IsAskedFor(string question, bool end, bool start)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(end, analysis.AsksForEnd);
        Assert.Equal(start, analysis.AsksForStart);
    }

    [Fact]
    public void Analyze_WhatSeasonOfAYear_AsksForASeasonWithinIt()
    {
        var analysis = QuestionAnalyzer.Analyze("in what season of 1974 did the party open its embassy", Today);

        Assert.Equal(AnswerType.Date, analysis.Type);
        Assert.Equal(Bots.Text.Dates.DatePrecision.Season, analysis.DatePrecision);
        Assert.Contains(analysis.DateConstraints, d => d.Year == 1974);
    }

    [Theory]
    [InlineData("chile japan trade goes back to which century")]
    [InlineData("Their rivalry can be traced back to which decade?")]
    [InlineData("the friendship went back to which year")]
    public void Analyze_GoBackTo_AsksForTheStartAsDatingBackDoes(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Date, analysis.Type);
        Assert.True(analysis.AsksForSince);
        Assert.DoesNotContain(analysis.Terms, t => t.Word == "back");
    }

    [Fact]
    public void Analyze_Politburo_AlsoMatchesPoliticalBureau()
    {
        var analysis = QuestionAnalyzer.Analyze("Who heads the Zelen Party politburo?", Today);

        var politburo = Assert.Single(analysis.Names, n => n.Words.Contains("politburo"));
        Assert.Contains(politburo.Aliases, a => a.SequenceEqual(["political", "bureau"]));
    }

    [Fact]
    public void OtherNameForms_ContractsAnExpandedForm()
    {
        var forms = Lexicon.OtherNameForms(["zelen", "political", "bureau"]);

        Assert.Contains(forms, f => f.SequenceEqual(["zelen", "politburo"]));
    }

    [Fact]
    public void OtherNameForms_OfANameWithoutListedWords_IsEmpty()
    {
        Assert.Empty(Lexicon.OtherNameForms(["zelen", "party"]));
    }
}
