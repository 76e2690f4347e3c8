using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Extraction;
using Bots.QuestionAnswering.Retrieval;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Extraction;

/// <summary>The spans offered as answers: as short as a person would write them, with what the question lacks.</summary>
public sealed class CandidateExtractorTests
{
    private static IReadOnlyList<AnswerCandidate> Extract(string question, string sentenceText, string published = "2020-01-01")
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        return RankedSentences.For(analysis, sentenceText, "Test", published).SelectMany(s => CandidateExtractor.Extract(analysis, s)).OrderByDescending(c => c.Fit).ToList();
    }

    [Theory]
    [InlineData("How many colleges does the university have?", "The university has five undergraduate colleges and a law school.", "five")]
    [InlineData("How many teams take part in the tournament?", "The tournament draws over 700 teams each year.", "over 700")]
    [InlineData("How far does the average student travel?", "The average student traveled more than 750 miles to get there.", "more than 750 miles")]
    [InlineData("How many ships did the navy lose?", "The navy lost about 12 ships in the storm.", "about 12")]
    public void Extract_Amounts_KeepTheApproximatorAndLeaveOffTheAskedNoun(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text == expected);
    }

    [Fact]
    public void Extract_AmountOfAnotherThing_KeepsItsUnit()
    {
        var candidates = Extract("How much aid did the ministry send?", "The ministry sent 12 tons of flour last week.");

        Assert.Contains(candidates, c => c.Text == "12 tons");
    }

    [Theory]
    [InlineData("In what year was the course first offered?", "The course was first offered in the 1854–1855 academic year.", "1854")]
    [InlineData("In what year did the war start?", "The war lasted from 1939 to 1945.", "1939")]
    public void Extract_WhatYearOfARangeOfYears_GivesTheFirstYear(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Extract(question, sentence)[0].Text);
    }

    [Fact]
    public void Extract_WhatYearsQuestion_KeepsTheRange()
    {
        var candidates = Extract("During what years did the war last?", "The war lasted from 1939 to 1945.");

        Assert.DoesNotContain(candidates, c => c.Text == "1939");
    }

    [Theory]
    [InlineData("Who worked on the reactions that led to neoprene?", "In 1931, Father Julius Nieuwland performed early work on reactions that led to neoprene.", "Father Julius Nieuwland")]
    [InlineData("Who sent the first wireless message?", "Around 1899, Professor Jerome Green sent the first wireless message.", "Professor Jerome Green")]
    public void Extract_PersonWithAFormOfAddress_KeepsIt(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text == expected);
    }

    [Fact]
    public void Extract_PersonWithAnOffice_LeavesTheOfficeOff()
    {
        var candidates = Extract("Who met the envoy?", "President Anna Berg met the envoy on Monday.");

        Assert.Contains(candidates, c => c.Text == "Anna Berg");
    }

    [Theory]
    [InlineData("What title did Thomas Blantz have at the university?", "Thomas Blantz, C.S.C., the university's Vice President of Student Affairs, added that the change helped.", "Vice President of Student Affairs")]
    [InlineData("Which role did Karl Lund have at the bank?", "Karl Lund, Acme Bank's chief economist, said rates would rise.", "chief economist")]
    public void Extract_RoleOfAPerson_IsTheApposition(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text == expected);
    }

    [Fact]
    public void Extract_ObjectOfTheQuestionsVerb_IsPreferred()
    {
        var best = Extract("What was the magazine inspired by?", "The magazine was founded in 1939 by Gurian, modeled after German Catholic journals.")[0];

        Assert.Equal("German Catholic journals", best.Text);
    }

    [Fact]
    public void Extract_NamedPhraseWithTheAskedHead_BeatsOtherPhrases()
    {
        var best = Extract("What institute studies the causes of war?", "The Joan B. Kroc Institute for International Peace Studies is dedicated to research and outreach on the causes of war.")[0];

        Assert.Equal("Joan B. Kroc Institute for International Peace Studies", best.Text);
    }

    [Theory]
    [InlineData("How often is the magazine published?", "The magazine is released twice a year and covers art.", "twice a year")]
    [InlineData("How often does the council meet?", "The council meets weekly in the town hall.", "weekly")]
    [InlineData("How often is mass held?", "Mass is celebrated over 100 times per week.", "100 times per week")]
    public void Extract_HowOften_GivesTheFrequency(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_HowOften_OffersNoOtherAmount()
    {
        Assert.Empty(Extract("How often is the magazine published?", "The magazine has 40 pages."));
    }

    [Theory]
    [InlineData("What is in front of the Main Building?", "Immediately in front of the Main Building and facing it, is a copper statue of Christ.", "copper statue of Christ")]
    [InlineData("What is the oldest building on campus?", "Old College, the oldest building on campus, houses seminarians.", "Old College")]
    [InlineData("What is the main seminary of the order?", "Its main seminary, Moreau Seminary, is located on the campus.", "Moreau Seminary")]
    public void Extract_CopulaAndApposition_TieThePhraseToTheQuestion(string question, string sentence, string expected)
    {
        Assert.Contains(expected, Extract(question, sentence)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NameQuestion_PrefersTheProperName()
    {
        var best = Extract("What is the name of the main library?", "The main building is the 14-story Theodore M. Hesburgh Library, which holds the collection of books.")[0];

        Assert.Contains("Hesburgh Library", best.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who was the president of the college in 1879?", "The founder, Fr. Sorin and the president at the time, the Rev. William Corby, planned the rebuilding.", "Rev. William Corby")]
    [InlineData("Who was the president of the college in 1934?", "Holy Cross Father John Francis O'Hara was elected vice-president in 1933 and president of the college in 1934.", "Father John Francis O'Hara")]
    [InlineData("Who was the mayor of the town in 1990?", "Anna Berg, who was elected mayor of the town in 1990, opened the bridge.", "Anna Berg")]
    public void Extract_RoleSaidBeforeOrAfterTheName_FitsTheRoleQuestion(string question, string sentence, string expected)
    {
        var best = Extract(question, sentence)[0];

        Assert.Equal(expected, best.Text);
        Assert.True(best.Fit >= 0.9, $"fit {best.Fit}");
    }

    [Fact]
    public void Extract_RoleOfAnotherPersonAfterTheName_DoesNotFit()
    {
        var candidates = Extract("Who was the mayor of the town in 1990?", "Anna Berg met Karl Lund, who was elected mayor of the town in 1990.");

        Assert.True(candidates.Single(c => c.Text == "Anna Berg").Fit < 0.5);
    }

    [Theory]
    [InlineData("Which prize did Frederick Buechner create?", "Buechner created a Buechner Prize for Preaching at the seminary.", "Buechner Prize for Preaching")]
    [InlineData("Which congregation runs the college?", "The college is run by the Congregation of Holy Cross.", "Congregation of Holy Cross")]
    [InlineData("Which artist painted the mural?", "The mural was painted by artist Millard Sheets in 1964.", "Millard Sheets")]
    public void Extract_AskedWordsInsideAName_StayPartOfIt(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text == expected);
    }

    [Theory]
    [InlineData("What is the Grotto at Notre Dame?", "Immediately behind the basilica is the Grotto, a Marian place of prayer and reflection.", "a Marian place of prayer and reflection")]
    [InlineData("What is the tower in the old town?", "The tower is a medieval lookout built of brick.", "a medieval lookout built of brick")]
    public void Extract_WhatIsAThing_GivesItsAppositionOrCopula(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text == expected);
    }

    [Theory]
    [InlineData("the grotto at notre dame", new[] { "grotto" })]
    [InlineData("the main library in the old town", new[] { "main", "library" })]
    [InlineData("the congregation of holy cross", new[] { "congregation", "holy", "cross" })]
    [InlineData("hamas", new[] { "hamas" })]
    public void CoreOfTarget_LeavesOffWhereTheThingIs(string target, string[] expected)
    {
        Assert.Equal(expected, CandidateExtractor.CoreOfTarget(target));
    }

    [Fact]
    public void Extract_CountOfAnotherThing_FitsLessThanACountOfTheAskedThing()
    {
        var candidates = Extract("How many titles did the team win?", "The team, with 62 members, won three titles.");

        Assert.True(candidates.Single(c => c.Text.StartsWith("three", StringComparison.Ordinal)).Fit > candidates.Single(c => c.Text.StartsWith("62", StringComparison.Ordinal)).Fit);
    }

    [Fact]
    public void Extract_OwnerTheQuestionNames_IsLeftOffAPhrase()
    {
        var candidates = Extract("What other institute did Cavanaugh create at Notre Dame?", "Cavanaugh also established Notre Dame's Medieval Institute.");

        Assert.Contains(candidates, c => c.Text == "Medieval Institute");
    }

    [Fact]
    public void Extract_LoneCommonNoun_FitsBelowAFullerPhrase()
    {
        var candidates = Extract("What does the institute focus on?", "The institute is dedicated to research on violent conflict and sustainable peace.");

        Assert.True(candidates.First(c => c.Text.Contains("conflict", StringComparison.Ordinal)).Fit > candidates.Single(c => c.Text == "research").Fit);
    }

    [Theory]
    [InlineData("Who is Peter Lund?", "Oslo hosted the visiting Secretary of Norway's Defence Council Peter Lund on Monday.", "Secretary of Norway's Defence Council")]
    [InlineData("Who is Anna Berg?", "\"We met our targets,\" chairman and chief executive Anna Berg said.", "chairman and chief executive")]
    [InlineData("Who is Pia Holm?", "Later at the launch, Swedish supermodel Pia Holm was named an ambassador.", "Swedish supermodel")]
    [InlineData("Who is Rui Costa?", "Yet aviation analyst Rui Costa of Lisbon Capital says fares will rise.", "aviation analyst")]
    [InlineData("Who is Luis Vaz?", "Head of the Budget Committee of the Senate, in the lower house, Luis Vaz, said the bill would pass.", "Head of the Budget Committee of the Senate")]
    [InlineData("Who is Omar Nasser?", "According to Omar Nasser, a professor at the School of Oriental Studies of the Free University of Berlin, the talks failed.", "a professor at the School of Oriental Studies")]
    public void Extract_WhoIsX_TakesTheRoleBeforeOrBesideTheName(string question, string sentence, string expected)
    {
        var best = Extract(question, sentence).First();

        Assert.StartsWith(expected, best.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who is Karl Lund?", "According to Karl Lund the plan failed.")]
    [InlineData("Who is Karl Lund?", "Police met with Karl Lund on Monday.")]
    public void Extract_WhoIsX_WithoutARole_TakesNoWordBeforeTheNameAsOne(string question, string sentence)
    {
        Assert.DoesNotContain(Extract(question, sentence), c => c.Anchored);
    }

    [Theory]
    [InlineData("Who is the secretary of Norway's Defence Council?", "Oslo hosted the visiting Secretary of Norway's Defence Council Peter Lund on Monday.", "Peter Lund")]
    [InlineData("Who was Norway's prime minister?", "President Anna Berg and Prime Minister Karl Lund signed the deal.", "Karl Lund")]
    [InlineData("Who is the Acme chairman?", "\"Sales grew,\" Acme chairman Peter Lund said, and chief executive Anna Berg agreed.", "Peter Lund")]
    public void Extract_RoleQuestion_PrefersTheHolderOfThatRole(string question, string sentence, string expected)
    {
        var best = Extract(question, sentence).First();

        Assert.Equal(expected, best.Text);
    }

    [Fact]
    public void Extract_RoleOfAnotherCountry_FitsPoorly()
    {
        var candidates = Extract("Who is the secretary of Sweden's Defence Council?", "Oslo hosted the visiting Secretary of Norway's Defence Council Peter Lund on Monday.");

        Assert.All(candidates, c => Assert.True(c.Fit < 0.2, $"{c.Text} {c.Fit}"));
    }

    [Theory]
    [InlineData("Where did the magazine rank the hospital?", "The magazine ranked the hospital 4th overall among teaching hospitals in 2019.", "4th overall")]
    [InlineData("In what position did the Kenyan runner finish?", "The Kenyan runner finished third in 27 minutes.", "third")]
    [InlineData("Where does the school rank nationally?", "The school continues to rank among the top 20 in the nation.", "top 20")]
    public void Extract_RankQuestion_GivesThePlaceInTheOrder(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Extract(question, sentence)[0].Text);
    }

    [Fact]
    public void Extract_RankQuestion_TakesNoDayOfADateForARank()
    {
        Assert.DoesNotContain(Extract("Where did the magazine rank the hospital?", "On the 4th of May the magazine ranked the hospital."), c => c.Text.Contains("4th", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NameBeforeTheAskedHead_IsTheAnswerWithoutTheHead()
    {
        var candidates = Extract("In which architectural style is the cathedral built?", "The cathedral is built in Perpendicular Gothic style with a tall spire.");

        Assert.Equal("Perpendicular Gothic", candidates[0].Text);
    }

    [Fact]
    public void Extract_CommonWordsBeforeTheAskedHead_KeepTheHead()
    {
        var candidates = Extract("Under what laws was the company charged?", "The company was charged under federal anti-fraud laws, officials said.");

        Assert.Contains(candidates, c => c.Text == "federal anti-fraud laws");
    }

    [Fact]
    public void Extract_NameQuestion_PrefersANameToACommonNounPhrase()
    {
        var candidates = Extract("What is the local newspaper called?", "Critics said the local newspaper, the Evening Star, showed a strong bias.");

        Assert.Equal("Evening Star", candidates[0].Text);
    }

    [Fact]
    public void Extract_WhatIsAName_PrefersItsAppositionToANearbyPhrase()
    {
        var best = Extract("What is the Alhambra?", "Above the city stands the Alhambra, a Moorish palace and fortress complex.")[0];

        Assert.Equal("a Moorish palace and fortress complex", best.Text);
    }

    [Theory]
    [InlineData("By how much did Acme's sales rise?", "Quarterly sales at Acme rose 12% to $4.5bn (£3.1bn), from $4bn a year earlier.", "12%")]
    [InlineData("How much were Acme's sales?", "Quarterly sales at Acme rose 12% to $4.5bn (£3.1bn), from $4bn a year earlier.", "$4.5bn")]
    [InlineData("How much is the club's fee now?", "In May the club raised the fee from £20 to £35 a season.", "£35")]
    [InlineData("What stake does Acme own in Beta?", "Acme said on Monday that it now owns 15% of Beta.", "15%")]
    [InlineData("How much grain did they ship?", "They have shipped tons of grain to the port.", "tons")]
    public void Extract_Amounts_TakeTheChangeOrTheLevelAsAsked(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Extract(question, sentence)[0].Text);
    }

    [Theory]
    [InlineData("Over how many years did the editor run the paper?", "For 12 years, the paper was run by the editor and his wife.", "12")]
    [InlineData("How many days did the strike last?", "The strike lasted nine days before talks resumed.", "nine")]
    public void Extract_HowManyTimeUnits_GivesTheNumberOfTheDuration(string question, string sentence, string expected)
    {
        Assert.Equal(expected, Extract(question, sentence)[0].Text);
    }

    [Theory]
    [InlineData("When had Omar Nasser last visited Oslo?", "Omar Nasser visited Oslo on May 3 for the first time since 2015.", "2015")]
    [InlineData("When did Omar Nasser visit Oslo?", "Omar Nasser visited Oslo on May 3 for the first time since 2015.", "3 May")]
    public void Extract_FirstTimeSince_AnswersWhenItLastHappened(string question, string sentence, string expected)
    {
        Assert.Contains(expected, Extract(question, sentence)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_StandFor_GivesTheExpansionOfTheAcronym()
    {
        var candidates = Extract("What does the acronym WHO stand for?", "The World Health Organization (WHO) declared the outbreak over.");

        Assert.Contains(candidates, c => c.Text == "World Health Organization");
    }

    [Theory]
    [InlineData("Who is the sponsor of the race?", "The sponsor, Halvorsen Motors, paid for the new grandstand in 2009.", "Halvorsen Motors")]
    [InlineData("Who is the owner of the club?", "Its owner, Northbridge Capital of Leeds, bought the club last year.", "Northbridge Capital")]
    public void Extract_WhoIsTheRole_GivesTheNameApposedToTheRole(string question, string sentence, string expected)
    {
        Assert.Contains(Extract(question, sentence), c => c.Text == expected);
    }

    [Fact]
    public void Extract_WeekdayQuestion_GivesTheWeekdayOfTheDay()
    {
        var candidates = Extract("What day of the week did the ministers meet?", "The ministers met in Oslo on 13 August 2024.");

        Assert.Equal("Tuesday, 13 August 2024", Assert.Single(candidates).Text);
    }

    [Theory]
    [InlineData("What month did the ministers meet?", "The ministers met in Oslo in 2020.")]
    [InlineData("On what date did the ministers meet?", "The ministers met in Oslo in 2020.")]
    [InlineData("What day of the week did the ministers meet?", "The ministers met in Oslo from 12 to 14 August 2024.")]
    [InlineData("On what day in May 2020 did the ministers meet?", "The ministers met in Oslo in May 2020.")]
    public void Extract_DateCoarserThanAsked_IsNoAnswer(string question, string sentence)
    {
        Assert.Empty(Extract(question, sentence));
    }
}
