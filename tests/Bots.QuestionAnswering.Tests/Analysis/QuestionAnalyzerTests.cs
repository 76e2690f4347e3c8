using Bots.QuestionAnswering.Analysis;
using Bots.Text.Dates;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Tests.Analysis;

public sealed class QuestionAnalyzerTests
{
    private static readonly DateOnly Today = new(2024, 8, 20);

    [Theory]
    [InlineData("When did Abbas visit Moscow?", AnswerType.Date)]
    [InlineData("what date was the treaty signed", AnswerType.Date)]
    [InlineData("In which year did Russian-Hamas talks begin?", AnswerType.Date)]
    [InlineData("how long ago did the war start", AnswerType.Date)]
    [InlineData("Where did Lavrov meet Gulf Arab foreign ministers?", AnswerType.Place)]
    [InlineData("which city hosted the summit", AnswerType.Place)]
    [InlineData("In which country did they meet?", AnswerType.Place)]
    [InlineData("Who won the Palestinian elections in 2006?", AnswerType.Person)]
    [InlineData("who said that Moscow has no influence", AnswerType.Person)]
    [InlineData("Which organization did the Soviet Union recognize in 1974?", AnswerType.Organization)]
    [InlineData("How much aid did the ministry send?", AnswerType.Quantity)]
    [InlineData("how many people died", AnswerType.Quantity)]
    [InlineData("How old is Abbas?", AnswerType.Quantity)]
    [InlineData("What is the GDP of Russia?", AnswerType.Quantity)]
    [InlineData("How long did the meeting last?", AnswerType.Duration)]
    [InlineData("Who is Ruslan Suleymanov?", AnswerType.Description)]
    [InlineData("What is Hamas?", AnswerType.Description)]
    [InlineData("abbas moscow visit", AnswerType.Other)]
    public void Analyze_WhWordAndPhrasing_GiveTheExpectedAnswerType(string question, AnswerType expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Fact]
    public void Analyze_WhoIsARole_AsksForThePersonHoldingIt()
    {
        var analysis = QuestionAnalyzer.Analyze("Who is the Palestinian president?", Today);

        Assert.Equal(AnswerType.Person, analysis.Type);
        Assert.Equal(["palestinian", "president"], analysis.RoleWords);
    }

    [Fact]
    public void Analyze_WhichYear_AsksForYearPrecision()
    {
        Assert.Equal(DatePrecision.Year, QuestionAnalyzer.Analyze("In which year did the talks begin?", Today).DatePrecision);
    }

    [Theory]
    [InlineData("What month in 2020 was the envoy in Oslo?", DatePrecision.Month)]
    [InlineData("On what date did the envoy visit Oslo in 2021?", DatePrecision.Day)]
    public void Analyze_MonthOrDateAsked_KeepsTheYearAsAConstraint(string question, DatePrecision expected)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(expected, analysis.DatePrecision);
        Assert.Contains(analysis.DateConstraints, d => d.Precision == DatePrecision.Year);
    }

    [Theory]
    [InlineData("What day of the week did the leaders meet?")]
    [InlineData("which weekday was the vote")]
    public void Analyze_DayOfTheWeek_AsksForAWeekday(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Date, analysis.Type);
        Assert.True(analysis.AsksForWeekday);
    }

    [Theory]
    [InlineData("How much money did they raise?", QuantityHint.Money)]
    [InlineData("How much aid did they send?", QuantityHint.Count)]
    [InlineData("How old will Abbas turn?", QuantityHint.Age)]
    [InlineData("What percentage of voters backed Hamas?", QuantityHint.Percent)]
    public void Analyze_QuantityQuestions_KnowWhatIsCounted(string question, QuantityHint hint)
    {
        Assert.Equal(hint, QuestionAnalyzer.Analyze(question, Today).Quantity);
    }

    [Fact]
    public void Analyze_HowMuchNoun_KeepsTheNounAsWhatIsMeasured()
    {
        var analysis = QuestionAnalyzer.Analyze("How much aid did the Russian Emergencies Ministry send to Gaza?", Today);

        Assert.Equal("aid", analysis.TypeNoun);
        Assert.Contains(analysis.Names, n => n.Text == "Russian Emergencies Ministry" && n.Kind == EntityKind.Organization);
        Assert.Contains(analysis.Names, n => n.Text == "Gaza" && n.Kind == EntityKind.Place);
    }

    [Fact]
    public void Analyze_NamesInTheQuestion_BecomeFocusNames()
    {
        var analysis = QuestionAnalyzer.Analyze("When did the Iranian president meet Sergei Shoigu?", Today);

        var name = Assert.Single(analysis.Names);
        Assert.Equal("Sergei Shoigu", name.Text);
        Assert.Equal("shoigu", name.KeyWord);
        Assert.Contains(analysis.Terms, t => t.Word == "iranian" && t.IsRoleWord);
        Assert.Contains(analysis.Terms, t => t.Word == "meet" && !t.IsRoleWord);
    }

    [Fact]
    public void Analyze_DateInTheQuestion_BecomesAConstraintNotAWord()
    {
        var analysis = QuestionAnalyzer.Analyze("Where did Putin meet Abbas on August 13, 2024?", Today);

        var constraint = Assert.Single(analysis.DateConstraints);
        Assert.Equal(new DateOnly(2024, 8, 13), constraint.From);
        Assert.DoesNotContain(analysis.Terms, t => t.Word is "august" or "13" or "2024");
    }

    [Fact]
    public void Analyze_DayWithoutAYear_ConstrainsTheDayOfAnyYear()
    {
        var analysis = QuestionAnalyzer.Analyze("How many jobs has the airline cut since the September 11 attacks?", Today);

        var constraint = Assert.Single(analysis.DateConstraints);
        Assert.Null(constraint.Year);
        Assert.Null(constraint.From);
        Assert.Equal((9, 11), (constraint.Month, constraint.Day));
    }

    [Fact]
    public void Analyze_LastYear_IsResolvedAgainstTheReference()
    {
        var analysis = QuestionAnalyzer.Analyze("Who won the election last year?", Today);

        Assert.Equal(2023, Assert.Single(analysis.DateConstraints).Year);
    }

    [Theory]
    [InlineData("when did abbas visit moscow")]
    [InlineData("WHEN DID ABBAS VISIT MOSCOW")]
    [InlineData("  When did Abbas visit Moscow ??  ")]
    [InlineData("and when did Abbas visit Moscow")]
    public void Analyze_CaseAndPunctuationVariants_ReadTheSame(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Date, analysis.Type);
        Assert.Contains(analysis.Names.SelectMany(n => n.Words).Concat(analysis.Terms.Select(t => t.Word)), w => w == "abbas");
        Assert.Contains(analysis.Names, n => n.Words.Contains("moscow"));
    }

    [Fact]
    public void Analyze_IrregularVerb_MatchesItsOtherForms()
    {
        var analysis = QuestionAnalyzer.Analyze("Who won the elections?", Today);

        var won = Assert.Single(analysis.Terms, t => t.Word == "won");
        Assert.Equal("win", won.Stem);
        Assert.Contains("victori", won.Related);
    }

    [Fact]
    public void Analyze_FollowUpWithPronoun_InheritsThePreviousQuestionsNames()
    {
        var analysis = QuestionAnalyzer.Analyze("and where did they meet?", Today, previousQuestion: "When did Abbas visit Moscow?", previousAnswer: "12–14 August 2024");

        Assert.Equal(AnswerType.Place, analysis.Type);
        Assert.Contains(analysis.Names, n => n.Text == "Abbas");
        Assert.Contains(analysis.ContextTerms, t => t.Word == "visit");
    }

    [Fact]
    public void Analyze_FollowUpWithoutPronoun_IgnoresThePreviousQuestion()
    {
        var analysis = QuestionAnalyzer.Analyze("Where did Lavrov meet the ministers?", Today, previousQuestion: "When did Abbas visit Moscow?");

        Assert.DoesNotContain(analysis.Names, n => n.Text == "Abbas");
    }

    [Fact]
    public void Analyze_WhoWon_AcceptsAnOrganisation()
    {
        Assert.True(QuestionAnalyzer.Analyze("Who won the Palestinian elections in 2006?", Today).AcceptsOrganization);
        Assert.False(QuestionAnalyzer.Analyze("Who said that?", Today).AcceptsOrganization);
    }

    [Theory]
    [InlineData("Gurian created what in 1939?")]
    [InlineData("The basilica is beside to which structure?")]
    [InlineData("What sits on top of the main hall?")]
    public void Analyze_WhWordAnywhere_AsksForADescription(string question)
    {
        Assert.Equal(AnswerType.Description, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("Who was the president of the university in 2012?", "president")]
    [InlineData("Who is the current president of the college?", "president")]
    [InlineData("Which artist painted the mural?", null)]
    public void Analyze_RoleHolderQuestion_AsksForAPerson(string question, string? role)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Person, analysis.Type);
        if (role is not null)
        {
            Assert.Contains(role, analysis.RoleWords);
        }
    }

    [Theory]
    [InlineData("What type of degree is an M.Div.?", "type")]
    [InlineData("What is the name of the main library?", "name")]
    [InlineData("What was the size of the endowment?", "size")]
    public void Analyze_FramingNoun_IsNoTermTheEvidenceMustRepeat(string question, string framing)
    {
        Assert.DoesNotContain(QuestionAnalyzer.Analyze(question, Today).Terms, t => t.Word == framing);
    }

    [Fact]
    public void Analyze_WhichNoun_IsTheTypeNounAndNoEventTerm()
    {
        var analysis = QuestionAnalyzer.Analyze("Which prize did Frederick Buechner create?", Today);

        Assert.Equal("prize", analysis.TypeNoun);
        Assert.True(analysis.Terms.Single(t => t.Word == "prize").IsRoleWord);
    }

    [Fact]
    public void Analyze_WhenQuestionWithAYear_IsConstrainedToThatYear()
    {
        var analysis = QuestionAnalyzer.Analyze("When did Abbas meet Putin in 2015?", Today);

        Assert.Equal(2015, Assert.Single(analysis.DateConstraints).Year);
    }

    [Fact]
    public void Analyze_WhichYearQuestion_KeepsItsYearOutOfTheConstraints()
    {
        var analysis = QuestionAnalyzer.Analyze("Which year in the 1990s did the talks begin?", Today);

        Assert.DoesNotContain(analysis.DateConstraints, d => d.Precision == DatePrecision.Decade);
    }

    [Theory]
    [InlineData("Who won the Russian elections in 2006?", "Russia", "elect")]
    [InlineData("what is russia's gdp", "Russia", "gdp")]
    [InlineData("How much aid did the French government pledge?", "France", "govern")]
    [InlineData("How fast did the Japanese economy grow in 2020?", "Japan", "economi")]
    public void Analyze_CountryOrDemonymBeforeAnEventWord_IsANationalityConstraint(string question, string country, string stem)
    {
        var constraint = Assert.Single(QuestionAnalyzer.Analyze(question, Today).Nationalities);

        Assert.Equal(country, constraint.Country.Name);
        Assert.Equal(stem, constraint.NounStem);
    }

    [Theory]
    [InlineData("Who is the Iranian president?")]
    [InlineData("When did the Iranian president meet Sergei Shoigu?")]
    [InlineData("When did Abbas visit Moscow?")]
    [InlineData("Who won the elections in Russia?")]
    public void Analyze_NoNationalityQualifyingAnEventWord_HasNoNationalityConstraint(string question)
    {
        Assert.Empty(QuestionAnalyzer.Analyze(question, Today).Nationalities);
    }

    [Theory]
    [InlineData("How far does the average student travel?")]
    [InlineData("how tall is the tower")]
    [InlineData("How large is the campus?")]
    public void Analyze_HowFarTallLarge_AsksForAnAmount(string question)
    {
        Assert.Equal(AnswerType.Quantity, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("What title did Thomas Blantz have at the university?", "Thomas Blantz", "title")]
    [InlineData("Which role did Charles Sheedy have?", "Charles Sheedy", "role")]
    [InlineData("What is the title of Theodore Hesburgh?", "Theodore Hesburgh", "title")]
    public void Analyze_RoleOfANamedPerson_DescribesThePerson(string question, string target, string noun)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Description, analysis.Type);
        Assert.Equal(target, analysis.DescriptionTarget);
        Assert.Equal(noun, analysis.TypeNoun);
    }

    [Theory]
    [InlineData("How many student news papers are found at the school?", "papers")]
    [InlineData("how many BS level degrees are offered", "degrees")]
    [InlineData("How many incoming students did the college admit in 2015?", "students")]
    [InlineData("How much aid did the ministry send?", "aid")]
    public void Analyze_HowMany_TakesTheHeadOfTheCountedPhrase(string question, string noun)
    {
        Assert.Equal(noun, QuestionAnalyzer.Analyze(question, Today).TypeNoun);
    }

    [Theory]
    [InlineData("How often is the Juggler published?")]
    [InlineData("how frequently do the trains run")]
    public void Analyze_HowOften_AsksForAFrequency(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Quantity, analysis.Type);
        Assert.Equal(QuantityHint.Frequency, analysis.Quantity);
    }

    [Theory]
    [InlineData("What is the name of the main library?", true)]
    [InlineData("What was the music hall called?", true)]
    [InlineData("What is O'Shaughnessy Hall formerly known as?", true)]
    [InlineData("What is the Grotto?", false)]
    [InlineData("When was the hall named?", false)]
    public void Analyze_NameQuestions_AskForAProperName(string question, bool expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).AsksForName);
    }

    [Theory]
    [InlineData("Who founded Hamas?", true)]
    [InlineData("who signed the treaty", true)]
    [InlineData("Who is the Palestinian president?", false)]
    [InlineData("Who did Putin meet in Moscow?", false)]
    [InlineData("When did Abbas visit Moscow?", false)]
    public void Analyze_WhoDidIt_AsksForTheDoer(string question, bool expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).AsksForTheDoer);
    }

    [Theory]
    [InlineData("What amount of the student body identifies as Catholic?")]
    [InlineData("what number of ships were lost")]
    [InlineData("What proportion of voters turned out?")]
    public void Analyze_WhatAmountOf_AsksForAnAmount(string question)
    {
        Assert.Equal(AnswerType.Quantity, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("What type of degree is an M.Div.?", "degree")]
    [InlineData("Which kind of tree grows there?", "tree")]
    public void Analyze_TypeOf_AsksForTheNounAfterIt(string question, string noun)
    {
        Assert.Equal(noun, QuestionAnalyzer.Analyze(question, Today).TypeNoun);
    }

    [Theory]
    [InlineData("During what years was Edward Malloy president?")]
    [InlineData("which years did the war last")]
    public void Analyze_WhatYears_AsksForADate(string question)
    {
        Assert.Equal(AnswerType.Date, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("When did Karl Lund visit Oslo?", "visit", true)]
    [InlineData("Which newspaper did Maria Vogt speak to?", "speak", true)]
    [InlineData("Where was the Charter of Lindholm proclaimed?", "proclaimed", true)]
    [InlineData("Who signed the treaty?", "signed", true)]
    [InlineData("How much aid did the ministry send to Gaza?", "aid", false)]
    [InlineData("How much aid did the ministry send to Gaza?", "send", true)]
    [InlineData("What is the population of Oslo?", "population", false)]
    public void Analyze_MarksTheQuestionsVerb(string question, string word, bool isVerb)
    {
        var term = QuestionAnalyzer.Analyze(question, Today).Terms.Single(t => t.Word == word);

        Assert.Equal(isVerb, term.IsVerb);
    }

    [Theory]
    [InlineData("Where is the film festival being held?")]
    [InlineData("Where was the summit hosted?")]
    public void Analyze_PassiveOfAnEventVerb_IsNoEventWord(string question)
    {
        Assert.DoesNotContain(QuestionAnalyzer.Analyze(question, Today).Terms, t => t.Word is "held" or "hosted");
    }

    [Theory]
    [InlineData("Which group does Russia collaborate with in Syria?", 0)]
    [InlineData("Who won the Russian elections?", 1)]
    public void Analyze_CountryAsSubjectOfAVerb_IsNoNationalityConstraint(string question, int constraints)
    {
        Assert.Equal(constraints, QuestionAnalyzer.Analyze(question, Today).Nationalities.Count);
    }

    [Theory]
    [InlineData("Which news outlet did Ramani talk to?", AnswerType.Organization, "outlet")]
    [InlineData("Which football club did he join?", AnswerType.Organization, "club")]
    [InlineData("Which port city did the ship reach?", AnswerType.Place, "city")]
    public void Analyze_WhichNounPhrase_TypesByItsHead(string question, AnswerType type, string noun)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(type, analysis.Type);
        Assert.Equal(noun, analysis.TypeNoun);
    }

    [Theory]
    [InlineData("Where did the magazine rank the hospital?")]
    [InlineData("where is the club ranked in the league")]
    [InlineData("In what position did the Kenyan runner finish?")]
    [InlineData("Which place did the team come in the final standings?")]
    [InlineData("Where is she on the list of richest women?")]
    public void Analyze_RankQuestion_AsksForAPlaceInAnOrder(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Quantity, analysis.Type);
        Assert.Equal(QuantityHint.Rank, analysis.Quantity);
    }

    [Theory]
    [InlineData("Where did the runners finish the race?", AnswerType.Place)]
    [InlineData("Which place did the minister visit?", AnswerType.Place)]
    [InlineData("What position does the chairman hold?", AnswerType.Description)]
    [InlineData("Which place did the delegation come from?", AnswerType.Place)]
    public void Analyze_PlaceOrPositionWithoutRanking_IsNoRankQuestion(string question, AnswerType expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("In which architectural style is the cathedral built?", "style")]
    [InlineData("Which Scottish club signed the striker?", "club")]
    [InlineData("What religious group did the protesters belong to?", "group")]
    [InlineData("What individuals live at the house?", "individuals")]
    [InlineData("Which ministry announced the cuts?", "ministry")]
    [InlineData("what famous painting hangs in the hall", "painting")]
    public void Analyze_WhichPhrase_TakesItsHeadNounAsTheTypeNoun(string question, string head)
    {
        Assert.Equal(head, QuestionAnalyzer.Analyze(question, Today).TypeNoun);
    }

    [Fact]
    public void Analyze_ModifierOfTheAskedNoun_DescribesTheAnswerAndIsNoEventTerm()
    {
        var analysis = QuestionAnalyzer.Analyze("In which architectural style is the cathedral built?", Today);

        Assert.True(analysis.Terms.Single(t => t.Word == "architectural").IsRoleWord);
        Assert.False(analysis.Terms.Single(t => t.Word == "built").IsRoleWord);
    }

    [Theory]
    [InlineData("What is the largest lake in the region?", "lake")]
    [InlineData("What is the name of the oldest bridge in town?", "bridge")]
    [InlineData("What was the first film of the director called?", "film")]
    public void Analyze_WhatIsTheCommonNounPhrase_AsksWhichThingItIs(string question, string head)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Description, analysis.Type);
        Assert.Equal(head, analysis.TypeNoun);
        Assert.False(analysis.Terms.Single(t => t.Word == head).IsRoleWord);
    }

    [Theory]
    [InlineData("What is the Eiffel Tower?")]
    [InlineData("What is the Red Cross in Geneva?")]
    [InlineData("Who is the developer of the new mall?")]
    public void Analyze_WhatIsAName_AsksForItsDescription(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Description, analysis.Type);
        Assert.Null(analysis.TypeNoun);
    }

    [Theory]
    [InlineData("What was the budget when the mayor took office?", AnswerType.Quantity)]
    [InlineData("Who was president when the war began?", AnswerType.Person)]
    [InlineData("Where was the minister when the bomb exploded?", AnswerType.Place)]
    [InlineData("When the strike began, what was the average wage?", AnswerType.Description)]
    [InlineData("When did the strike begin?", AnswerType.Date)]
    [InlineData("So when did the talks end, and what followed?", AnswerType.Date)]
    [InlineData("When and where did they meet?", AnswerType.Date)]
    public void Analyze_WhenOpeningAClause_DoesNotMakeItADateQuestion(string question, AnswerType expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("Which college president banned the march?", AnswerType.Person, "president")]
    [InlineData("Which football club bought the stadium?", AnswerType.Organization, "club")]
    [InlineData("Which harbour city hosted the games?", AnswerType.Place, "city")]
    public void Analyze_CompoundAskedNoun_IsHeadedByItsLastNoun(string question, AnswerType type, string head)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(type, analysis.Type);
        Assert.Equal(head, analysis.TypeNoun);
    }

    [Theory]
    [InlineData("The number of nurses rose by what amount last year?")]
    [InlineData("What was the average test score of the class?")]
    [InlineData("What is the distance between the two towns?")]
    public void Analyze_AmountOrMeasure_AsksForAQuantity(string question)
    {
        Assert.Equal(AnswerType.Quantity, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("What type of institution is the Sorbonne?")]
    [InlineData("What kind of company is Nokia?")]
    [InlineData("which sort of city is Venice")]
    public void Analyze_TypeOfAThing_AsksForAKindNotAnInstance(string question)
    {
        Assert.Equal(AnswerType.Description, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("What does the acronym UNESCO stand for?", "UNESCO")]
    [InlineData("what does NATO stand for", "NATO")]
    public void Analyze_StandFor_AsksForTheExpansionWithoutEventWords(string question, string acronym)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Description, analysis.Type);
        Assert.Equal(acronym, analysis.DescriptionTarget);
        Assert.DoesNotContain(analysis.Terms, t => t.Word is "stand" or "acronym");
    }

    [Theory]
    [InlineData("Currently where does the club play?")]
    [InlineData("Originally, who owned the land?")]
    public void Analyze_OpeningAdverb_IsNeitherANameNorATerm(string question)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.DoesNotContain(analysis.Names, n => n.Text.EndsWith("ly", StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Terms, t => t.Word.EndsWith("ly", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("How large is the park in hectares?", "hectares")]
    [InlineData("How far is the lake from the city in kilometres?", "kilometres")]
    [InlineData("What length is the runway?", "length")]
    public void Analyze_MeasureQuestion_KnowsItsUnitOrMeasure(string question, string noun)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Quantity, analysis.Type);
        Assert.Equal(noun, analysis.TypeNoun);
    }

    [Theory]
    [InlineData("Who was named a goodwill ambassador at the gala?")]
    [InlineData("who was elected mayor in 2019")]
    [InlineData("Who was chosen to lead the team?")]
    public void Analyze_WhoWasDoneTo_AsksForAPerson(string question)
    {
        Assert.Equal(AnswerType.Person, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("Acme pre-tax profit three months to December 2004", QuantityHint.Money)]
    [InlineData("what was Acme's pre-tax profit", QuantityHint.Money)]
    [InlineData("What stake does Acme own in Beta?", QuantityHint.Percent)]
    public void Analyze_ReportedAmount_AsksForAnAmount(string question, QuantityHint hint)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.Equal(AnswerType.Quantity, analysis.Type);
        Assert.Equal(hint, analysis.Quantity);
    }

    [Theory]
    [InlineData("When had Abbas last visited Moscow before this trip?", true)]
    [InlineData("When did Labour last hold its conference in Manchester?", true)]
    [InlineData("When did Abbas visit Moscow last year?", false)]
    [InlineData("When did Abbas visit Moscow?", false)]
    public void Analyze_LastOrPreviously_AsksForThePreviousTime(string question, bool expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).AsksForPrevious);
    }

    [Theory]
    [InlineData("By how much did profits jump?", true)]
    [InlineData("How much did sales rise in May?", true)]
    [InlineData("How much were sales in May?", false)]
    public void Analyze_ByHowMuch_AsksForTheChange(string question, bool expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).AsksForChange);
    }

    [Theory]
    [InlineData("Which countries mediate the talks?", true)]
    [InlineData("which organisations make up the quartet", true)]
    [InlineData("What groups took part in the conference?", true)]
    [InlineData("Which cities did the tour visit?", true)]
    [InlineData("Which country did Abbas visit after Moscow?", false)]
    [InlineData("Which organization did the Soviet Union recognize?", false)]
    [InlineData("How many countries signed the treaty?", false)]
    [InlineData("In which years did she live in Salzburg?", false)]
    [InlineData("Which campus hosts the games?", false)]
    public void Analyze_PluralAskedNoun_AsksForAList(string question, bool expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).AsksForList);
    }

    [Theory]
    [InlineData("Which countries mediate the talks?", AnswerType.Place)]
    [InlineData("Which cities did the tour visit?", AnswerType.Place)]
    [InlineData("Which parties signed the deal?", AnswerType.Organization)]
    [InlineData("Which churches were rebuilt?", AnswerType.Organization)]
    public void Analyze_PluralTypeNoun_GivesTheTypeOfItsSingular(string question, AnswerType expected)
    {
        Assert.Equal(expected, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("During what period was Arafat a frequent visitor to Moscow?")]
    [InlineData("In which years did the Soviet Union back the PLO?")]
    [InlineData("During which era was the palace built?")]
    public void Analyze_PeriodQuestion_AsksForADate(string question)
    {
        Assert.Equal(AnswerType.Date, QuestionAnalyzer.Analyze(question, Today).Type);
    }

    [Theory]
    [InlineData("Where were Russian-trained militants involved?", "Russian-trained", "trained")]
    [InlineData("Which Soviet-backed groups fought in Angola?", "Soviet-backed", "backed")]
    [InlineData("Who attacked the UN-run school?", "UN-run", "run")]
    [InlineData("Which Iranian-funded militia took the town?", "Iranian-funded", "funded")]
    public void Analyze_NameJoinedToAParticiple_IsNoNameOfItsOwn(string question, string compound, string verb)
    {
        var analysis = QuestionAnalyzer.Analyze(question, Today);

        Assert.DoesNotContain(analysis.Names, n => n.Text.Contains(compound, StringComparison.Ordinal));
        Assert.Contains(verb, analysis.Question.Split(' '));
    }

    [Theory]
    [InlineData("In which year did Russian-Hamas talks begin?", "Russian-Hamas")]
    [InlineData("Where is the Novo-Ogaryovo residence?", "Novo-Ogaryovo")]
    public void Analyze_HyphenatedNameOfNames_StaysOneName(string question, string name)
    {
        Assert.Contains(name, QuestionAnalyzer.Analyze(question, Today).Question, StringComparison.Ordinal);
    }
}
