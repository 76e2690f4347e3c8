using System.Text.RegularExpressions;

namespace Bots.Text.Entities;

/// <summary>
/// Finds people, places and organisations in English news text from capitalisation, titles ("Foreign Minister
/// Sergei Lavrov"), organisation suffixes ("Emergencies Ministry"), a gazetteer and known first names; a short
/// mention ("Abbas") is linked to a fuller one earlier or later in the same text ("Mahmoud Abbas").
/// </summary>
public static partial class EntityRecognizer
{
    private static readonly HashSet<string> TitleWords = Set(
        "president", "vice-president", "minister", "secretary", "chairman", "chairwoman", "chair", "professor", "prof",
        "prof.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "king", "queen", "prince", "princess", "sheikh",
        "pope", "general", "gen.", "senator", "sen.", "rep.", "representative", "governor", "mayor", "ambassador",
        "chancellor", "spokesman", "spokeswoman", "spokesperson", "judge", "justice", "leader", "chief", "commander",
        "emir", "sultan", "ayatollah", "imam", "rabbi", "bishop", "patriarch", "lord", "sir", "dame", "premier",
        "director", "head", "envoy", "ceo", "founder", "author", "journalist", "analyst", "expert", "coach", "captain",
        "colonel", "lieutenant", "major", "sergeant", "admiral", "marshal", "deputy", "speaker", "officer", "official",
        "emeritus", "diplomat", "correspondent", "editor", "economist", "adviser", "advisor", "lawyer", "attorney",
        "manager", "striker", "midfielder", "defender", "goalkeeper", "singer", "actor", "actress", "star", "chef",
        "candidate", "nominee", "activist", "chairperson", "president-elect", "tsar", "czar", "kaiser", "shah", "pharaoh",
        "cardinal", "archbishop", "father", "sister", "brother", "saint", "st.", "st");

    private static readonly HashSet<string> OrgSuffixes = Set(
        "ministry", "council", "organization", "organisation", "party", "university", "institute", "committee",
        "commission", "agency", "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "group",
        "assembly", "parliament", "congress", "senate", "duma", "court", "army", "forces", "corps", "front", "movement",
        "church", "society", "association", "foundation", "authority", "office", "department", "service", "bureau",
        "network", "news", "times", "post", "guard", "guards", "brigade", "brigades", "cross", "crescent", "quartet",
        "league", "alliance", "coalition", "fund", "board", "academy", "school", "college", "hospital", "press",
        "bank", "club", "federation", "union", "police", "navy", "tribunal", "cabinet", "government", "administration",
        "centre", "center", "program", "programme", "project", "trust", "labs", "systems", "airlines", "motors",
        "holdings", "media", "journal", "gazette", "herald", "tribune", "telegraph", "observer", "chronicle",
        "magazine", "review", "daily", "television", "tv", "radio", "records", "studios", "team", "fc", "united", "city",
        "seminary", "conservatory", "library", "museum", "observatory", "laboratory", "commissariat");

    private static readonly HashSet<string> PlaceSuffixes = Set(
        "strip", "sea", "river", "ocean", "residence", "palace", "airport", "square", "street", "avenue", "road",
        "province", "region", "island", "islands", "valley", "mountains", "mountain", "mount", "heights", "peninsula",
        "lake", "bay", "desert", "coast", "county", "district", "oblast", "state", "territory", "territories", "canal",
        "gulf", "bridge", "tower", "castle", "hall", "stadium", "park", "base", "port", "harbour", "harbor", "camp",
        "village", "town", "hills", "plain", "basin", "forest", "cathedral", "mosque", "temple", "basilica", "grotto",
        "dome", "building", "house");

    private static readonly HashSet<string> OrgPrefixes = Set("ministry", "university", "bank", "council", "department", "institute", "office", "college", "academy", "school", "church", "committee", "federation", "commission", "house");

    private static readonly HashSet<string> EventWords = Set("war", "operation", "revolution", "conference", "summit", "agreement", "accords", "treaty", "plan", "resolution", "act", "declaration", "coup", "crisis", "games", "olympics", "cup", "championship", "prize", "award", "festival", "day", "week", "intifada", "offensive", "campaign", "raid", "flotilla", "process", "roadmap", "doctrine", "protocol", "convention", "charter", "initiative", "law", "bill", "election", "elections");

    private static readonly HashSet<string> NonNameCapitals = Set(
        "the", "a", "an", "in", "on", "at", "during", "after", "before", "however", "but", "and", "or", "also", "this",
        "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "my",
        "your", "when", "where", "who", "whom", "whose", "what", "why", "how", "which", "while", "as", "if", "since",
        "although", "though", "unlike", "like", "with", "without", "for", "from", "by", "to", "of", "prior", "following",
        "meanwhile", "moreover", "furthermore", "additionally", "thus", "therefore", "nevertheless", "nonetheless",
        "despite", "amid", "among", "between", "according", "ultimately", "perhaps", "even", "still", "yet", "some",
        "many", "most", "all", "both", "each", "every", "several", "other", "another", "so", "only", "just", "soon", "now",
        "today", "yesterday", "tomorrow", "read", "share", "support", "related", "more", "photo", "remember", "there",
        "here", "then", "once", "afterward", "afterwards", "politically", "consequently", "nor", "not", "no", "yes",
        "mr", "do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might",
        "must", "has", "have", "had", "be", "been", "being", "let", "please", "see", "references", "news", "analysts",
        "experts", "officials", "escaping", "modern", "current", "bilateral", "history", "quick", "facts", "complicating",
        "underscoring", "chairman", "around", "about", "over", "under", "into", "onto", "upon", "against", "within",
        "throughout", "until", "till", "via", "per", "whether", "because", "again", "further", "very", "much", "such",
        "same", "own", "first", "second", "third", "last", "next", "new", "old", "early", "late", "recent", "recently",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "don't", "doesn't",
        "it's", "i'm", "we're", "they're", "he's", "she's", "that's", "there's", "what's", "let's", "one", "two", "three",
        "hello", "thanks", "thank", "dear", "ok", "okay", "yes", "oh", "well", "sure", "instead", "otherwise", "indeed",
        "certainly", "clearly", "obviously", "finally", "initially", "eventually", "later", "earlier", "nearly", "almost");

    private static readonly HashSet<string> FirstNames = Set(
        "mahmoud", "vladimir", "sergei", "sergey", "ismail", "masoud", "khaled", "yasser", "mikhail", "dmitry", "dmitri",
        "alexei", "alexey", "alexander", "aleksandr", "konstantin", "ruslan", "samuel", "mark", "joseph", "benjamin",
        "riyad", "aziz", "andrey", "andrei", "ivan", "nikolai", "boris", "yuri", "viktor", "oleg", "igor", "pavel",
        "maria", "anna", "olga", "natalia", "elena", "tatiana", "svetlana", "john", "james", "robert", "michael",
        "william", "david", "richard", "charles", "thomas", "christopher", "daniel", "matthew", "anthony", "donald",
        "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy",
        "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin",
        "scott", "brandon", "frank", "gregory", "raymond", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
        "jose", "henry", "adam", "douglas", "nathan", "peter", "zachary", "kyle", "walter", "harold", "jeremy", "ethan",
        "carl", "keith", "roger", "gerald", "christian", "terry", "sean", "arthur", "austin", "noah", "lawrence",
        "jesse", "joe", "bryan", "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan",
        "logan", "wayne", "ralph", "roy", "eugene", "randy", "vincent", "russell", "louis", "philip", "bobby", "johnny",
        "bradley", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
        "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
        "kathleen", "amy", "shirley", "angela", "helen", "brenda", "pamela", "nicole", "emma", "samantha", "katherine",
        "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "heather", "diane", "virginia", "julie",
        "joyce", "victoria", "kelly", "christina", "joan", "evelyn", "lauren", "judith", "olivia", "martha", "cheryl",
        "megan", "andrea", "hannah", "jacqueline", "ann", "jean", "alice", "kathryn", "gloria", "teresa", "sara",
        "janice", "doris", "julia", "madison", "grace", "judy", "theresa", "beverly", "denise", "marilyn", "amber",
        "danielle", "rose", "brittany", "diana", "abigail", "natalie", "jane", "lori", "alexis", "tiffany", "kayla",
        "sophie", "mohammed", "muhammad", "mohammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "omar", "abdullah",
        "abdel", "abdul", "ibrahim", "youssef", "yousef", "mustafa", "khalid", "hamad", "salman", "fahd", "faisal",
        "recep", "bashar", "hafez", "saddam", "nouri", "hosni", "anwar", "gamal", "abdel-fattah", "ehud", "ariel",
        "yitzhak", "shimon", "golda", "menachem", "naftali", "yair", "benny", "avigdor", "xi", "hu", "wen", "li", "liu",
        "wang", "zhang", "chen", "narendra", "rahul", "imran", "nawaz", "shinzo", "fumio", "kim", "moon", "emmanuel",
        "angela", "olaf", "rishi", "boris", "theresa", "tony", "gordon", "keir", "volodymyr", "petro", "recep",
        "hakan", "ebrahim", "hassan", "mahmoud", "ali", "javad", "abbas", "qasem", "nikita", "leonid", "yevgeny",
        "yevgeniy", "valentina", "marat", "ramzan", "zahir", "aziz", "riyad", "hanan", "saeb", "marwan", "mustafa",
        "jibril", "nabil", "salam", "rami", "husam", "basem", "ayman", "osama", "musa", "moussa", "patrice", "nelson",
        "barack", "hillary", "joe", "kamala", "antony", "lloyd", "condoleezza", "colin", "madeleine", "henry", "jimmy",
        "bill", "ronald", "dwight", "franklin", "woodrow", "theodore", "abraham", "ulysses", "sophia", "isabella",
        "liam", "lucas", "mason", "elijah", "oliver", "mia", "charlotte", "amelia", "harper", "ella", "luis", "carlos",
        "miguel", "pedro", "jorge", "fernando", "pablo", "diego", "alejandro", "francisco", "antonio", "manuel", "giuseppe",
        "giovanni", "marco", "luca", "francesco", "hans", "klaus", "jurgen", "wolfgang", "helmut", "gerhard", "friedrich",
        "pierre", "jean-pierre", "jacques", "francois", "nicolas", "marie", "claude", "edward", "basil", "leo", "pius",
        "gregory", "innocent", "urban", "clement", "benedict", "sigmund", "albert", "isaac", "charles");

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-\.]*[\p{L}\p{M}\p{N}\.]|[\p{L}\p{N}]")]
    private static partial Regex WordRegex();

    /// <summary>All recognised names in <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<EntityMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var raw = new List<EntityMention>();
        var i = 0;
        while (i < words.Count)
        {
            if (!IsCapitalised(words[i].Text) || NonNameCapitals.Contains(Bare(words[i].Text)) && !StartsLongerGazetteerName(words, i))
            {
                // Lower-case text (a typed question) still names gazetteer places and organisations.
                var gazetteerLength = LongestGazetteerMatch(text, words, i);
                if (gazetteerLength > 0)
                {
                    raw.Add(Classify(text, words, i, gazetteerLength));
                    i += gazetteerLength;
                    continue;
                }

                i++;
                continue;
            }

            var end = ChunkEnd(text, words, i);
            foreach (var mention in SplitAndClassify(text, words, i, end))
            {
                raw.Add(mention);
            }

            i = end;
        }

        return LinkShortMentions(text, raw);
    }

    /// <summary>True when the word is a title or role word such as "President" or "spokesman".</summary>
    public static bool IsTitleWord(string word) => TitleWords.Contains(word);

    private static IEnumerable<EntityMention> SplitAndClassify(string text, List<Word> words, int start, int end)
    {
        // Drop capitalised function words at the start ("During the ..."), but keep a gazetteer name that begins with one.
        while (start < end && NonNameCapitals.Contains(Bare(words[start].Text)) && !StartsLongerGazetteerName(words, start))
        {
            start++;
        }

        while (end > start && IsConnector(words[end - 1].Text))
        {
            end--;
        }

        if (start >= end)
        {
            yield break;
        }

        // A title run followed by a name: "Russian Foreign Minister Sergei Lavrov", "Hamas Political Bureau Chief Ismail Haniyeh".
        var lastTitle = -1;
        for (var k = start; k < end; k++)
        {
            if (TitleWords.Contains(Bare(words[k].Text)))
            {
                lastTitle = k;
            }
        }

        if (lastTitle >= start && lastTitle < end - 1 && end - lastTitle - 1 <= 4 && !IsConnector(words[lastTitle + 1].Text)
            && !OrgSuffixes.Contains(Bare(words[end - 1].Text)))
        {
            var nameStart = lastTitle + 1;
            var title = text[words[start].Start..words[lastTitle].End];
            var name = StripPossessive(text[words[nameStart].Start..words[end - 1].End]);
            yield return new EntityMention(words[start].Start, words[end - 1].End - words[start].Start, text[words[start].Start..words[end - 1].End], EntityKind.Person, name, title);
            yield break;
        }

        // An organisation followed by a person: "Security Council Sergei Shoigu".
        for (var k = start + 1; k < end; k++)
        {
            if (FirstNames.Contains(Bare(words[k].Text)) && k < end - 1 && (OrgSuffixes.Contains(Bare(words[k - 1].Text)) || Gazetteer.IsOrganization(Bare(words[k - 1].Text))))
            {
                yield return Classify(text, words, start, k - start);
                yield return Classify(text, words, k, end - k);
                yield break;
            }
        }

        // A run of gazetteer names separated by nothing ("Moscow Kremlin") stays one name; one demonym alone is an adjective.
        var length = end - start;
        if (length == 1 && (Gazetteer.IsDemonym(Bare(words[start].Text)) || IsPluralGroup(words[start].Text)))
        {
            yield break;
        }

        yield return Classify(text, words, start, length);
    }

    private static EntityMention Classify(string text, List<Word> words, int start, int count)
    {
        var first = words[start];
        var last = words[start + count - 1];
        var spanText = text[first.Start..last.End];
        var name = spanText.TrimEnd('.');
        var bareFirst = Bare(first.Text);
        var bareLast = Bare(last.Text);
        var kind = KindOf(name, bareFirst, bareLast, count, words, start, text);
        return new EntityMention(first.Start, name.Length, name, kind, StripPossessive(name));
    }

    private static EntityKind KindOf(string name, string bareFirst, string bareLast, int count, List<Word> words, int start, string text)
    {
        var possessiveFree = StripPossessive(name);
        if (Gazetteer.IsOrganization(possessiveFree))
        {
            return EntityKind.Organization;
        }

        if (Gazetteer.IsPlace(possessiveFree) || Gazetteer.IsCountry(possessiveFree))
        {
            return EntityKind.Place;
        }

        if (OrgSuffixes.Contains(bareLast) && count > 1 || OrgPrefixes.Contains(bareFirst) && count > 2)
        {
            // "Gaza Strip" style place names end in a place word; "West Bank" is in the gazetteer already.
            return EntityKind.Organization;
        }

        // "Communist Party of Palestine", "University of Notre Dame": the head noun comes before "of".
        var ofIndex = Enumerable.Range(start, count).FirstOrDefault(k => words[k].Text == "of", -1);
        if (ofIndex > start && OrgSuffixes.Contains(Bare(words[ofIndex - 1].Text)))
        {
            return EntityKind.Organization;
        }

        if (PlaceSuffixes.Contains(bareLast) && count > 1)
        {
            return EntityKind.Place;
        }

        if (EventWords.Contains(bareLast) || EventWords.Contains(bareFirst) && count > 1)
        {
            return EntityKind.Other;
        }

        if (count == 1 && IsAcronym(name))
        {
            return EntityKind.Organization;
        }

        if (FirstNames.Contains(bareFirst) && count is >= 2 and <= 4)
        {
            return EntityKind.Person;
        }

        if (count is >= 2 and <= 3 && words.Skip(start).Take(count).All(w => IsNameLike(w.Text)) && LooksLikePersonContext(text, words, start, count))
        {
            return EntityKind.Person;
        }

        if (count == 1 && LooksLikePersonContext(text, words, start, count))
        {
            return EntityKind.Person;
        }

        if (count == 1 && IsPlaceContext(words, start) && !IsPluralGroup(name))
        {
            return EntityKind.Place;
        }

        return EntityKind.Other;
    }

    /// <summary>A short mention that matches the last or first word of a fuller person name in the same text takes its kind.</summary>
    private static IReadOnlyList<EntityMention> LinkShortMentions(string text, List<EntityMention> raw)
    {
        var people = raw.Where(m => m.Kind == EntityKind.Person && m.Name.Contains(' ', StringComparison.Ordinal)).ToList();
        if (people.Count == 0)
        {
            return raw;
        }

        var result = new List<EntityMention>(raw.Count);
        foreach (var mention in raw)
        {
            var key = StripPossessive(mention.Name);
            if (!key.Contains(' ', StringComparison.Ordinal) && mention.Kind is EntityKind.Other or EntityKind.Person or EntityKind.Place)
            {
                var full = people.FirstOrDefault(p => LastWord(p.Name).Equals(key, StringComparison.OrdinalIgnoreCase));
                if (full is not null && !Gazetteer.IsCountry(key))
                {
                    result.Add(mention with { Kind = EntityKind.Person, Name = key, FullName = StripPossessive(full.Name) });
                    continue;
                }
            }

            result.Add(mention);
        }

        return result;
    }

    private static bool LooksLikePersonContext(string text, List<Word> words, int start, int count)
    {
        var after = start + count < words.Count ? Bare(words[start + count].Text) : string.Empty;
        var before = start > 0 ? Bare(words[start - 1].Text) : string.Empty;
        if (after is "said" or "says" or "told" or "added" or "noted" or "stated" or "wrote" or "explained" or "argued" or "warned" or "cautioned" or "insisted" or "asked" or "replied")
        {
            return true;
        }

        if (before is "said" or "says" or "noted" or "added" or "told" or "explained" or "mr" or "mrs" or "ms" or "dr")
        {
            return true;
        }

        // Apposition: "Ruslan Suleymanov, an independent expert".
        var endChar = words[start + count - 1].End;
        var rest = text.AsSpan(endChar);
        return rest.StartsWith(", a ", StringComparison.Ordinal) || rest.StartsWith(", an ", StringComparison.Ordinal)
            || (count > 1 && rest.StartsWith(", the ", StringComparison.Ordinal) && start + count + 2 < words.Count && TitleWords.Contains(Bare(words[start + count + 2].Text)));
    }

    private static bool IsPlaceContext(List<Word> words, int start) =>
        start > 0 && Bare(words[start - 1].Text) is "in" or "to" or "from" or "near" or "at";

    private static int ChunkEnd(string text, List<Word> words, int start)
    {
        var end = start + 1;
        if (IsPossessive(words[start].Text) || EndsClause(text, words[start]))
        {
            return end;
        }

        while (end < words.Count)
        {
            var gap = text.AsSpan(words[end - 1].End, words[end].Start - words[end - 1].End);
            if (!IsPlainGap(gap))
            {
                break;
            }

            var word = words[end].Text;
            if (IsCapitalised(word) && !NonNameCapitals.Contains(Bare(word)))
            {
                end++;
                if (IsPossessive(word) || EndsClause(text, words[end - 1]))
                {
                    break;
                }

                continue;
            }

            // "Foreign Ministry spokesman Alexander Lukashevich": a lower-case role word between names belongs to the title.
            if (TitleWords.Contains(word) && char.IsLower(word[0]) && end + 1 < words.Count && IsCapitalised(words[end + 1].Text)
                && !NonNameCapitals.Contains(Bare(words[end + 1].Text)) && IsPlainGap(text.AsSpan(words[end].End, words[end + 1].Start - words[end].End)))
            {
                end += 2;
                continue;
            }

            // "University of Washington", "Operation Pillar of Defense", "al-Umar": a connector is kept only before another capital.
            if (IsConnector(word) && end + 1 < words.Count && IsCapitalised(words[end + 1].Text) && !NonNameCapitals.Contains(Bare(words[end + 1].Text))
                && IsPlainGap(text.AsSpan(words[end].End, words[end + 1].Start - words[end].End)))
            {
                end += 2;
                if (IsPossessive(words[end - 1].Text))
                {
                    break;
                }

                continue;
            }

            break;
        }

        return end;
    }

    private static bool EndsClause(string text, Word word) => word.Text.EndsWith('.') && word.Text.Length > 3 && !TitleWords.Contains(Bare(word.Text));

    private static bool IsPlainGap(ReadOnlySpan<char> gap) => gap.Length > 0 && gap.Trim().Length == 0 && gap.IndexOfAny('\n', '\r') < 0;

    private static bool StartsLongerGazetteerName(List<Word> words, int i)
    {
        if (i + 1 >= words.Count)
        {
            return false;
        }

        var two = $"{Bare(words[i].Text)} {Bare(words[i + 1].Text)}";
        return Gazetteer.IsPlace(two) || Gazetteer.IsOrganization(two);
    }

    private static int LongestGazetteerMatch(string text, List<Word> words, int i)
    {
        for (var n = Math.Min(Gazetteer.MaxWords, words.Count - i); n >= 1; n--)
        {
            var candidate = StripPossessive(text[words[i].Start..words[i + n - 1].End]);
            if (n == 1 && (candidate.Length < 3 || NonNameCapitals.Contains(candidate)))
            {
                // Short lower-case words ("us", "un") are ordinary words far more often than names.
                continue;
            }

            if (Gazetteer.IsPlace(candidate) || Gazetteer.IsOrganization(candidate) && candidate.Length > 3)
            {
                return n;
            }
        }

        return 0;
    }

    private static List<Word> Words(string text)
    {
        var list = new List<Word>();
        foreach (Match m in WordRegex().Matches(text))
        {
            var value = m.Value;

            // A sentence-final period belongs to the sentence, not the word, except in initials and abbreviations.
            if (value.EndsWith('.') && value.Length > 2 && !value[..^1].Contains('.', StringComparison.Ordinal) && !TitleWords.Contains(value.ToLowerInvariant()))
            {
                value = value[..^1];
            }

            list.Add(new Word(m.Index, value));
        }

        return list;
    }

    private static bool IsCapitalised(string word) => word.Length > 0 && (char.IsUpper(word[0]) || (word.StartsWith("al-", StringComparison.Ordinal) && word.Length > 3 && char.IsUpper(word[3])));

    private static bool IsConnector(string word) => word is "of" or "de" or "al" or "bin" or "ibn" or "von" or "van" or "der" or "del" or "la" or "du" or "da";

    private static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("s'", StringComparison.Ordinal) || word.EndsWith("s’", StringComparison.Ordinal);

    private static bool IsAcronym(string word) => word.Length is >= 2 and <= 6 && word.All(c => char.IsUpper(c) || c == '.' || char.IsDigit(c)) && word.Any(char.IsLetter);

    private static bool IsNameLike(string word) =>
        IsCapitalised(word) && !Gazetteer.IsDemonym(Bare(word)) && !OrgSuffixes.Contains(Bare(word)) && !PlaceSuffixes.Contains(Bare(word))
        && !EventWords.Contains(Bare(word)) && !IsPluralGroup(word) && !IsAcronym(word);

    private static bool IsPluralGroup(string word)
    {
        var bare = StripPossessive(word);
        return bare.Length > 4 && bare.EndsWith('s') && Gazetteer.IsDemonym(bare[..^1]);
    }

    internal static string StripPossessive(string name)
    {
        if (name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal))
        {
            return name[..^2];
        }

        return name.EndsWith('\'') || name.EndsWith('’') ? name[..^1] : name;
    }

    private static string Bare(string word)
    {
        var bare = StripPossessive(word).TrimEnd('.').ToLowerInvariant();
        return bare.Length == 0 ? word.ToLowerInvariant() : bare;
    }

    private static string LastWord(string name)
    {
        var index = name.LastIndexOf(' ');
        return index < 0 ? name : name[(index + 1)..];
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    private readonly record struct Word(int Start, string Text)
    {
        public int End => Start + Text.Length;
    }
}
