using Bots.Text.Entities;

namespace Bots.Text.Tests.Entities;

public sealed class EntityRecognizerTests
{
    private static EntityMention Find(string text, string name)
    {
        var mentions = EntityRecognizer.Recognize(text);
        var found = mentions.FirstOrDefault(m => m.Name == name);
        Assert.True(found is not null, $"'{name}' not found; got: {string.Join(" | ", mentions.Select(m => $"{m.Name}:{m.Kind}"))}");
        return found;
    }

    [Theory]
    [InlineData("This is exemplified by President Mahmoud Abbas of the Palestinian National Authority.", "Mahmoud Abbas", "President")]
    [InlineData("the Russian Foreign Minister Sergei Lavrov called for end to the violence", "Sergei Lavrov", "Russian Foreign Minister")]
    [InlineData("following the assassination of Hamas Political Bureau Chief Ismail Haniyeh in Tehran", "Ismail Haniyeh", "Hamas Political Bureau Chief")]
    [InlineData("Foreign Ministry spokesman Alexander Lukashevich said", "Alexander Lukashevich", "Foreign Ministry spokesman")]
    [InlineData("Iranian President Masoud Pezeshkian met with the visiting secretary", "Masoud Pezeshkian", "Iranian President")]
    [InlineData("Dr. Jane Roe said the plan was sound.", "Jane Roe", "Dr.")]
    public void Recognize_TitleBeforeName_GivesPersonWithTitle(string text, string name, string title)
    {
        var mention = Find(text, name);

        Assert.Equal(EntityKind.Person, mention.Kind);
        Assert.Equal(title, mention.Title);
    }

    [Theory]
    [InlineData("“There are things that each wants,” said Mark N Katz, professor emeritus at George Mason University.", "Mark N Katz")]
    [InlineData("However, Ruslan Suleymanov, an independent expert on the Middle East, noted that", "Ruslan Suleymanov")]
    [InlineData("Samuel Ramani, author of Russia in Africa, told Al Jazeera", "Samuel Ramani")]
    [InlineData("Then Tomasz Wrobel said nothing.", "Tomasz Wrobel")]
    public void Recognize_NamesWithoutTitles_ArePeople(string text, string name)
    {
        Assert.Equal(EntityKind.Person, Find(text, name).Kind);
    }

    [Fact]
    public void Recognize_SurnameAfterFullName_LinksToTheFullName()
    {
        var mentions = EntityRecognizer.Recognize("Mahmoud Abbas met Putin. Later Abbas flew home.");

        var shortMention = mentions.Last(m => m.Name == "Abbas");
        Assert.Equal(EntityKind.Person, shortMention.Kind);
        Assert.Equal("Mahmoud Abbas", shortMention.Canonical);
    }

    [Theory]
    [InlineData("Lavrov met Gulf Arab foreign ministers in Riyadh.", "Riyadh")]
    [InlineData("Abbas visited Moscow from August 12 to 14.", "Moscow")]
    [InlineData("violence in the Gaza Strip continued", "Gaza Strip")]
    [InlineData("raids on the West Bank have led to arrests", "West Bank")]
    [InlineData("He then went to Türkiye immediately after Moscow.", "Türkiye")]
    [InlineData("at the Novo-Ogaryovo presidential residence in Moscow", "Novo-Ogaryovo")]
    [InlineData("a meeting held in Kazakhstan", "Kazakhstan")]
    public void Recognize_GazetteerPlaces_ArePlaces(string text, string name)
    {
        Assert.Equal(EntityKind.Place, Find(text, name).Kind);
    }

    [Theory]
    [InlineData("The Russian Emergencies Ministry is also reported to have sent aid", "Russian Emergencies Ministry")]
    [InlineData("Abbas earned his degree at the Patrice Lumumba University in Moscow", "Patrice Lumumba University")]
    [InlineData("The Soviet Union recognised the Palestine Liberation Organization in 1974.", "Palestine Liberation Organization")]
    [InlineData("representatives of Hamas and Fatah met", "Hamas")]
    [InlineData("the PLO was granted observer status", "PLO")]
    [InlineData("the Communist Party of Palestine had little power", "Communist Party of Palestine")]
    [InlineData("a professor at the Middle East Studies Institute of Shanghai International Studies University", "Middle East Studies Institute of Shanghai International Studies University")]
    public void Recognize_Organisations_AreOrganisations(string text, string name)
    {
        Assert.Equal(EntityKind.Organization, Find(text, name).Kind);
    }

    [Fact]
    public void Recognize_SentenceInitialFunctionWords_AreNotNames()
    {
        var mentions = EntityRecognizer.Recognize("However, During the talks, Moreover the deal held.");

        Assert.Empty(mentions);
    }

    [Fact]
    public void Recognize_DemonymAlone_IsNotAnEntity()
    {
        var mentions = EntityRecognizer.Recognize("Russian support for the Palestinian cause grew.");

        Assert.Empty(mentions);
    }

    [Fact]
    public void Recognize_LowerCaseQuestion_StillFindsGazetteerNames()
    {
        var mentions = EntityRecognizer.Recognize("when did abbas visit moscow");

        Assert.Contains(mentions, m => m.Name == "moscow" && m.Kind == EntityKind.Place);
    }

    [Fact]
    public void Recognize_PossessiveName_EndsTheName()
    {
        var mentions = EntityRecognizer.Recognize("the Secretary of Russia's Security Council Sergei Shoigu arrived");

        Assert.Contains(mentions, m => m.Name == "Sergei Shoigu" && m.Kind == EntityKind.Person);
        Assert.Contains(mentions, m => m.Name == "Security Council" && m.Kind == EntityKind.Organization);
    }

    [Fact]
    public void Recognize_EventNames_AreNotPeople()
    {
        var mention = Find("During the November 2012 Operation Pillar of Defense in the Gaza Strip", "Operation Pillar of Defense");

        Assert.Equal(EntityKind.Other, mention.Kind);
    }

    [Theory]
    [InlineData("Moscow", "Russia")]
    [InlineData("Riyadh", "Saudi Arabia")]
    [InlineData("Tokyo", "Japan")]
    public void CountryOfCapital_KnownCapital_GivesTheCountry(string city, string country)
    {
        Assert.Equal(country, Gazetteer.CountryOfCapital(city)?.Name);
    }

    [Theory]
    [InlineData("Iranian", "Iran")]
    [InlineData("Palestinian", "Palestine")]
    [InlineData("Russian Federation", "Russia")]
    [InlineData("Türkiye", "Turkey")]
    public void FindCountry_DemonymsAndAliases_GiveTheCountry(string word, string country)
    {
        Assert.Equal(country, Gazetteer.FindCountry(word)?.Name);
    }
}
