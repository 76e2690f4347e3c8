using Bots.Text.Entities;

namespace Bots.Text.Tests.Entities;

public sealed class AbbreviationsTests
{
    [Theory]
    [InlineData("Nordic Rail Services reported a loss. NRS blamed energy prices.", "Nordic Rail Services", "NRS")]
    [InlineData("The Bank of Lisbon said rates would rise. BL's shares fell.", "Bank of Lisbon", "BL")]
    [InlineData("Acme Freight Lines cut prices; AFL says demand is weak.", "Acme Freight Lines", "AFL")]
    public void OtherFormsIn_FullNameWhoseAcronymTheTextUses_GivesTheAcronym(string text, string name, string acronym)
    {
        Assert.Equal([acronym], Abbreviations.OtherFormsIn(text, name));
    }

    [Theory]
    [InlineData("The World Chess League (WCL) met in Oslo. The WCL voted on new rules.", "WCL", "World Chess League")]
    [InlineData("a probe by the US Securities Exchange Commission (SEC), which is closing", "SEC", "Securities Exchange Commission")]
    public void OtherFormsIn_AcronymWhoseFullNameTheTextHas_GivesTheFullName(string text, string acronym, string name)
    {
        Assert.Contains(name, Abbreviations.OtherFormsIn(text, acronym));
    }

    [Theory]
    [InlineData("Nordic Rail Services reported a loss.", "Nordic Rail Services")]
    [InlineData("The NRS reported a loss.", "NRS")]
    [InlineData("nordic rail services and NRS", "nordic rail services")]
    public void OtherFormsIn_WithoutBothFormsInTheText_GivesNothing(string text, string name)
    {
        Assert.Empty(Abbreviations.OtherFormsIn(text, name));
    }

    [Theory]
    [InlineData("Norway's Royal Coastal Defence Force on Sunday repeated its warning.", "RCDF", "Royal Coastal Defence Force")]
    [InlineData("The Baltic Grain Exchange closed early.", "BGE", "Baltic Grain Exchange")]
    [InlineData("Troops of the Northern Alliance of Free Towns marched.", "NAFT", "Northern Alliance of Free Towns")]
    public void OtherFormsIn_AcronymTheTextNeverUses_GivesTheWholeNameItsInitialsSpell(string text, string acronym, string name)
    {
        Assert.Equal([name], Abbreviations.OtherFormsIn(text, acronym));
    }

    [Theory]
    [InlineData("Palestinian President Mahmoud Abbas spoke.", "PMA")]
    [InlineData("Royal Coastal Defence ships sailed.", "RCDF")]
    [InlineData("Bank of Oslo reported a loss.", "BO")]
    public void OtherFormsIn_AcronymTheTextNeverUses_MatchesNoPartOfAName(string text, string acronym)
    {
        Assert.Empty(Abbreviations.OtherFormsIn(text, acronym));
    }

    [Theory]
    [InlineData("After World War II, the alliance broke up.", "WW2", "World War II")]
    [InlineData("After World War 2 the alliance broke up.", "WWII", "World War 2")]
    [InlineData("Before World War Two began, trade grew.", "WW2", "World War Two")]
    public void OtherFormsIn_AcronymWithANumber_GivesTheNameWithTheSameNumber(string text, string acronym, string name)
    {
        Assert.Equal([name], Abbreviations.OtherFormsIn(text, acronym));
    }

    [Fact]
    public void OtherFormsIn_AcronymWithAnotherNumber_GivesNothing()
    {
        Assert.Empty(Abbreviations.OtherFormsIn("After World War I, empires fell; World War III never came.", "WW2"));
    }

    [Theory]
    [InlineData("British Overseas Airways", "BOA")]
    [InlineData("Bank of England", "BE")]
    [InlineData("Prime minister", "")]
    [InlineData("Oslo", "")]
    public void Initials_OfCapitalisedWords_SkipConnectors(string name, string initials)
    {
        Assert.Equal(initials, Abbreviations.Initials(name));
    }
}
