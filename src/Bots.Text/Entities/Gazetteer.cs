namespace Bots.Text.Entities;

/// <summary>
/// Countries with their capitals and demonyms, major cities and regions, and well-known organisations: enough
/// to type the names news text uses most, and to link a capital to its country ("Moscow" → "Russia").
/// </summary>
public static class Gazetteer
{
    // Country|Capital|Demonym[|alias...]
    private static readonly string[] CountryRows =
    [
        "Afghanistan|Kabul|Afghan", "Albania|Tirana|Albanian", "Algeria|Algiers|Algerian", "Angola|Luanda|Angolan",
        "Argentina|Buenos Aires|Argentine|Argentinian", "Armenia|Yerevan|Armenian", "Australia|Canberra|Australian",
        "Austria|Vienna|Austrian", "Azerbaijan|Baku|Azerbaijani", "Bahrain|Manama|Bahraini", "Bangladesh|Dhaka|Bangladeshi",
        "Belarus|Minsk|Belarusian", "Belgium|Brussels|Belgian", "Bolivia|La Paz|Bolivian", "Bosnia|Sarajevo|Bosnian",
        "Brazil|Brasilia|Brazilian", "Bulgaria|Sofia|Bulgarian", "Cambodia|Phnom Penh|Cambodian", "Cameroon|Yaounde|Cameroonian",
        "Canada|Ottawa|Canadian", "Chad|N'Djamena|Chadian", "Chile|Santiago|Chilean", "China|Beijing|Chinese",
        "Colombia|Bogota|Colombian", "Croatia|Zagreb|Croatian", "Cuba|Havana|Cuban", "Cyprus|Nicosia|Cypriot",
        "Czech Republic|Prague|Czech|Czechia", "Czechoslovakia|Prague|Czechoslovak", "Denmark|Copenhagen|Danish",
        "Ecuador|Quito|Ecuadorian", "Egypt|Cairo|Egyptian", "Eritrea|Asmara|Eritrean", "Estonia|Tallinn|Estonian",
        "Ethiopia|Addis Ababa|Ethiopian", "Finland|Helsinki|Finnish", "France|Paris|French", "Georgia|Tbilisi|Georgian",
        "Germany|Berlin|German", "Ghana|Accra|Ghanaian", "Greece|Athens|Greek", "Hungary|Budapest|Hungarian",
        "Iceland|Reykjavik|Icelandic", "India|New Delhi|Indian", "Indonesia|Jakarta|Indonesian", "Iran|Tehran|Iranian",
        "Iraq|Baghdad|Iraqi", "Ireland|Dublin|Irish", "Israel|Jerusalem|Israeli", "Italy|Rome|Italian",
        "Japan|Tokyo|Japanese", "Jordan|Amman|Jordanian", "Kazakhstan|Astana|Kazakh", "Kenya|Nairobi|Kenyan",
        "Kosovo|Pristina|Kosovar", "Kuwait|Kuwait City|Kuwaiti", "Kyrgyzstan|Bishkek|Kyrgyz", "Latvia|Riga|Latvian",
        "Lebanon|Beirut|Lebanese", "Libya|Tripoli|Libyan", "Lithuania|Vilnius|Lithuanian", "Malaysia|Kuala Lumpur|Malaysian",
        "Mali|Bamako|Malian", "Mexico|Mexico City|Mexican", "Moldova|Chisinau|Moldovan", "Mongolia|Ulaanbaatar|Mongolian",
        "Morocco|Rabat|Moroccan", "Myanmar|Naypyidaw|Burmese|Burma", "Nepal|Kathmandu|Nepali", "Netherlands|Amsterdam|Dutch|Holland",
        "New Zealand|Wellington|New Zealander", "Nigeria|Abuja|Nigerian", "North Korea|Pyongyang|North Korean",
        "Norway|Oslo|Norwegian", "Oman|Muscat|Omani", "Pakistan|Islamabad|Pakistani", "Palestine|Ramallah|Palestinian|State of Palestine",
        "Panama|Panama City|Panamanian", "Peru|Lima|Peruvian", "Philippines|Manila|Filipino|Philippine", "Poland|Warsaw|Polish",
        "Portugal|Lisbon|Portuguese", "Qatar|Doha|Qatari", "Romania|Bucharest|Romanian",
        "Russia|Moscow|Russian|Russian Federation", "Rwanda|Kigali|Rwandan", "Saudi Arabia|Riyadh|Saudi",
        "Senegal|Dakar|Senegalese", "Serbia|Belgrade|Serbian", "Singapore|Singapore|Singaporean", "Slovakia|Bratislava|Slovak",
        "Slovenia|Ljubljana|Slovenian", "Somalia|Mogadishu|Somali", "South Africa|Pretoria|South African",
        "South Korea|Seoul|South Korean|Korea", "South Sudan|Juba|South Sudanese", "Spain|Madrid|Spanish",
        "Sri Lanka|Colombo|Sri Lankan", "Sudan|Khartoum|Sudanese", "Sweden|Stockholm|Swedish", "Switzerland|Bern|Swiss",
        "Syria|Damascus|Syrian", "Taiwan|Taipei|Taiwanese", "Tajikistan|Dushanbe|Tajik", "Tanzania|Dodoma|Tanzanian",
        "Thailand|Bangkok|Thai", "Tunisia|Tunis|Tunisian", "Turkey|Ankara|Turkish|Türkiye|Turkiye",
        "Turkmenistan|Ashgabat|Turkmen", "Uganda|Kampala|Ugandan", "Ukraine|Kyiv|Ukrainian|Kiev",
        "United Arab Emirates|Abu Dhabi|Emirati|UAE", "United Kingdom|London|British|UK|Britain|Great Britain|England",
        "United States|Washington|American|US|USA|U.S.|America|United States of America", "Uruguay|Montevideo|Uruguayan",
        "Uzbekistan|Tashkent|Uzbek", "Venezuela|Caracas|Venezuelan", "Vietnam|Hanoi|Vietnamese", "Yemen|Sanaa|Yemeni",
        "Zambia|Lusaka|Zambian", "Zimbabwe|Harare|Zimbabwean", "Soviet Union|Moscow|Soviet|USSR|U.S.S.R.",
        "Lebanon|Beirut|Lebanese", "Vatican|Vatican City|Vatican",
    ];

    private static readonly string[] OtherPlaces =
    [
        "Gaza", "Gaza Strip", "West Bank", "East Jerusalem", "Jerusalem", "Middle East", "Holy Land", "Golan Heights",
        "Sinai", "Crimea", "Donbas", "Chechnya", "Kashmir", "Tibet", "Xinjiang", "Hong Kong", "Macau", "Siberia",
        "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Central Asia", "Caucasus",
        "Balkans", "Scandinavia", "Arab world", "Gulf", "Persian Gulf", "Red Sea", "Black Sea", "Mediterranean",
        "Baltic", "Arctic", "Antarctica", "Pacific", "Atlantic", "Indian Ocean", "Levant", "West Asia", "Sahel",
        "New York", "Los Angeles", "Chicago", "San Francisco", "Boston", "Seattle", "Miami", "Houston", "Dallas",
        "Atlanta", "Philadelphia", "Detroit", "Toronto", "Montreal", "Vancouver", "Sydney", "Melbourne", "Shanghai",
        "Hong Kong", "Guangzhou", "Shenzhen", "Wuhan", "Mumbai", "Bombay", "Kolkata", "Calcutta", "Bangalore", "Chennai",
        "Karachi", "Lahore", "Istanbul", "Izmir", "Antalya", "Dubai", "Jeddah", "Mecca", "Medina", "Basra", "Mosul",
        "Aleppo", "Homs", "Idlib", "Tel Aviv", "Haifa", "Ramallah", "Hebron", "Nablus", "Jenin", "Bethlehem", "Rafah",
        "Khan Younis", "Beit Hanoun", "Alexandria", "Benghazi", "Casablanca", "Marrakesh", "Lagos", "Johannesburg",
        "Cape Town", "St Petersburg", "Saint Petersburg", "Leningrad", "Stalingrad", "Volgograd", "Sochi", "Kazan",
        "Novosibirsk", "Yekaterinburg", "Vladivostok", "Kharkiv", "Odesa", "Odessa", "Lviv", "Mariupol", "Donetsk",
        "Luhansk", "Sevastopol", "Munich", "Hamburg", "Frankfurt", "Cologne", "Milan", "Naples", "Venice", "Florence",
        "Barcelona", "Valencia", "Seville", "Marseille", "Lyon", "Nice", "Geneva", "Zurich", "Davos", "Rotterdam",
        "The Hague", "Antwerp", "Manchester", "Liverpool", "Birmingham", "Glasgow", "Edinburgh", "Belfast", "Cardiff",
        "Oxford", "Cambridge", "Osaka", "Kyoto", "Hiroshima", "Nagasaki", "Busan", "Ho Chi Minh City", "Saigon",
        "Kremlin", "Novo-Ogaryovo", "Camp David", "Sharm el-Sheikh", "Davos", "Algiers", "Tehran", "Riyadh",
        "Washington DC", "Washington, D.C.", "Silicon Valley", "Wall Street", "Texas", "California", "Florida",
        "Scotland", "Wales", "Northern Ireland", "Kurdistan", "Darfur", "Transnistria", "Abkhazia", "South Ossetia",
        "Nagorno-Karabakh", "Taiwan Strait", "South China Sea", "Persian Gulf", "Strait of Hormuz", "Suez Canal",
        "Kursk", "Belgorod", "Kherson", "Zaporizhzhia", "Bakhmut", "Avdiivka", "Grozny", "Astana", "Almaty", "Samarkand",
    ];

    private static readonly string[] Organizations =
    [
        "Hamas", "Fatah", "Hezbollah", "Islamic Jihad", "Taliban", "al-Qaeda", "Al-Qaeda", "ISIS", "Islamic State",
        "Muslim Brotherhood", "Houthis", "PLO", "NATO", "UN", "United Nations", "EU", "European Union", "KGB", "FSB", "CIA",
        "FBI", "NSA", "MI6", "Mossad", "Shin Bet", "IDF", "IAEA", "WHO", "IMF", "World Bank", "OPEC", "BRICS", "G7", "G20",
        "ASEAN", "African Union", "Arab League", "OSCE", "UNESCO", "UNICEF", "UNRWA", "Red Cross", "Red Crescent",
        "Comintern", "Kremlin", "White House", "Pentagon", "Downing Street", "Knesset", "Duma", "State Duma", "Congress",
        "Senate", "Parliament", "Politburo", "Al Jazeera", "Reuters", "Associated Press", "AP", "AFP", "BBC", "CNN", "RT",
        "TASS", "ITAR-TASS", "Interfax", "Xinhua", "Anadolu", "Kommersant", "Global Times", "Arab News", "Ynet",
        "Microsoft", "Google", "Apple", "Amazon", "Meta", "Facebook", "Twitter", "Tesla", "Gazprom", "Rosneft",
        "Wagner", "Quartet", "Middle East Quartet", "Security Council", "UN Security Council", "General Assembly",
        "UN General Assembly", "Supreme Court", "Communist Party", "Labour", "Conservatives", "Democrats", "Republicans",
        "Notre Dame", "Vatican",
    ];

    private static readonly Dictionary<string, Country> CountriesByName = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, Country> CountriesByDemonym = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, Country> CountriesByCapital = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Places = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Orgs = new(StringComparer.OrdinalIgnoreCase);

    static Gazetteer()
    {
        foreach (var row in CountryRows)
        {
            var parts = row.Split('|');
            var country = new Country(parts[0], parts[1], parts[2]);
            CountriesByName.TryAdd(country.Name, country);
            foreach (var alias in parts.Skip(3))
            {
                CountriesByName.TryAdd(alias, country);
            }

            CountriesByDemonym.TryAdd(country.Demonym, country);
            CountriesByCapital.TryAdd(country.Capital, country);
            Places.Add(country.Name);
            Places.Add(country.Capital);
            foreach (var alias in parts.Skip(3))
            {
                Places.Add(alias);
            }
        }

        // Moscow is Russia's capital first, the Soviet Union's second.
        CountriesByCapital["Moscow"] = CountriesByName["Russia"];
        Places.UnionWith(OtherPlaces);
        Orgs.UnionWith(Organizations);
    }

    /// <summary>Longest gazetteer entry in words, so matching can stop looking further ahead.</summary>
    public static int MaxWords => 5;

    public static bool IsPlace(string name) => Places.Contains(name) && !Orgs.Contains(name);

    public static bool IsOrganization(string name) => Orgs.Contains(name);

    public static bool IsCountry(string name) => CountriesByName.ContainsKey(name);

    public static bool IsCapital(string name) => CountriesByCapital.ContainsKey(name);

    /// <summary>The country for a name, alias or demonym ("Russia", "Russian Federation", "Russian"), or null.</summary>
    public static Country? FindCountry(string nameOrDemonym) =>
        CountriesByName.TryGetValue(nameOrDemonym, out var c) ? c
        : CountriesByDemonym.TryGetValue(nameOrDemonym, out var d) ? d
        : null;

    public static bool IsDemonym(string word) => CountriesByDemonym.ContainsKey(word);

    /// <summary>The country whose capital this is ("Moscow" → Russia), or null.</summary>
    public static Country? CountryOfCapital(string city) => CountriesByCapital.TryGetValue(city, out var c) ? c : null;
}

/// <summary>A country with its capital and the adjective for its people.</summary>
public sealed record Country(string Name, string Capital, string Demonym);
