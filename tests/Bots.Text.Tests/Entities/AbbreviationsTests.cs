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
    [InlineData("British Overseas Airways", "BOA")]
    [InlineData("Bank of England", "BE")]
    [InlineData("Prime minister", "")]
    [InlineData("Oslo", "")]
    public void Initials_OfCapitalisedWords_SkipConnectors(string name, string initials)
    {
        Assert.Equal(initials, Abbreviations.Initials(name));
    }
}
