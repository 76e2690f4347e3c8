using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Extraction;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Answering;

/// <summary>
/// The last word on a candidate answer before it is scored: a wrong answer is worse than "I don't know", so a
/// candidate that only repeats the question, has the wrong type, belongs to another event, place or person than the
/// one asked about, or is a cut-off fragment is refused here (with the reason, for the decline message).
/// </summary>
internal static partial class AnswerValidation
{
    /// <summary>Below this fit a role question's person was found without the role (see CandidateExtractor's role fit).</summary>
    private const double RoleNotCarriedFit = 0.2;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "the", "a", "an", "that",
        "which", "who", "whom", "whose", "as", "than", "its", "their", "his", "her", "is", "was", "were", "are", "has", "have",
        "had", "be", "been", "while", "although", "because", "if", "whether", "about", "over", "after", "before", "during",
        "since", "until", "when", "where", "said", "says", "according",
    };

    /// <summary>Nouns that name the doers or partners of an event: a place after them may still be where it happened.</summary>
    private static readonly HashSet<string> ParticipantNouns = new(StringComparer.Ordinal)
    {
        "official", "officials", "minister", "ministers", "leader", "leaders", "delegation", "delegations", "counterpart",
        "counterparts", "representative", "representatives", "envoy", "envoys", "diplomat", "diplomats", "president",
        "presidents", "troops", "forces", "people", "residents", "students", "members", "team", "group", "crowd",
        "supporters", "reporters", "journalists", "guests", "visitors", "pilgrims", "soldiers", "police", "family",
        "relatives", "friends", "colleagues", "partners", "allies", "ambassador", "ambassadors", "spokesman", "spokeswoman",
    };

    /// <summary>Nouns that head a place's own phrase without making it another topic: "the residence in Moscow".</summary>
    private static readonly HashSet<string> SiteNouns = new(StringComparer.Ordinal)
    {
        "residence", "palace", "airport", "hotel", "building", "headquarters", "embassy", "hall", "square", "stadium",
        "centre", "center", "base", "camp", "house", "office", "compound", "university", "school", "hospital", "church",
        "mosque", "cathedral", "museum", "library", "college", "institute", "city", "town", "village", "capital", "port",
        "border", "home", "sidelines", "venue", "site", "campus", "street", "district", "region", "province", "state",
    };

    /// <summary>Occasions a person attends: "in a meeting in Moscow".</summary>
    private static readonly HashSet<string> OccasionNouns = new(StringComparer.Ordinal)
    {
        "meeting", "meetings", "visit", "talks", "summit", "conference", "ceremony", "rally", "trip", "session", "forum",
        "interview", "funeral", "wedding", "parade", "reception", "exhibition", "festival", "concert", "match", "game",
    };

    /// <summary>Verbs that take a locative complement in their bare or -s form (their -ed/-ing forms are told by shape).</summary>
    private static readonly HashSet<string> LocativeVerbs = new(StringComparer.Ordinal)
    {
        "live", "lives", "work", "works", "remain", "remains", "stay", "stays", "arrive", "arrives", "meet", "meets",
        "land", "lands", "serve", "serves", "reside", "resides", "sit", "sits", "stand", "stands", "lie", "lies", "rest",
        "rests", "study", "studies", "teach", "teaches", "die", "dies", "open", "opens", "settle", "settles", "hide", "hides",
        "appear", "appears", "speak", "speaks", "vote", "votes", "fight", "fights", "play", "plays", "grow", "grew", "up",
        "now", "today", "yesterday", "currently", "there", "here", "abroad", "again", "too", "also",
    };

    /// <summary>Verbs that carry no content of their own: "seen watching ballet together" adds nothing to "watch ballet together".</summary>
    private static readonly HashSet<string> LightVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "seen", "see", "sees", "saw", "been", "being", "made", "make", "makes", "got", "get", "gets", "getting", "having",
    };

    /// <summary>Words that make the event after them one promised, planned, wished or denied rather than one that happened.</summary>
    private static readonly HashSet<string> Unrealising = new(StringComparer.Ordinal)
    {
        "will", "would", "could", "might", "shall", "not", "never", "without", "vow", "vowed", "vows", "promise",
        "promised", "promises", "threaten", "threatened", "threatens", "threat", "threats", "determination", "determined",
        "plan", "plans", "planned", "intend", "intends", "intended", "intention", "expect", "expected", "expects", "ready",
        "willing", "readiness", "hope", "hopes", "hoped", "want", "wants", "wanted", "seek", "seeks", "sought", "refuse",
        "refused", "refuses", "fail", "failed", "fails", "call", "called", "calls", "urge", "urged", "urges", "demand",
        "demanded", "demands", "pledge", "pledged", "pledges", "possible", "potential", "prospect", "likely", "unlikely",
    };

    /// <summary>Judges one candidate; returns the candidate to show (perhaps tidied) or null with the reason it was refused.</summary>
    public static (AnswerCandidate? Accepted, string? Reason) Judge(QuestionAnalysis question, AnswerCandidate candidate)
    {
        var reason = ExcludedByTheQuestion(question, candidate)
            ?? WhereTheyWereBefore(question, candidate)
            ?? NotAboutTheName(question, candidate)
            ?? DescribedByTheQuestion(question, candidate)
            ?? AnotherOfficeHolder(question, candidate)
            ?? NotTheTitleOfTheWork(question, candidate)
            ?? PlaceNotWhereAnyoneWent(question, candidate)
            ?? MeetingWithAnother(question, candidate)
            ?? PlaceOnlyInsideAnotherName(question, candidate)
            ?? DoneToAnother(question, candidate)
            ?? DoneByAnother(question, candidate)
            ?? AnotherCountrysThing(question, candidate)
            ?? Echo(question, candidate)
            ?? NotWhichOfTheAskedKind(question, candidate)
            ?? WrongType(question, candidate)
            ?? PlaceNotOfTheEvent(question, candidate)
            ?? DateOfAnotherThing(question, candidate)
            ?? DurationOfAnotherThing(question, candidate)
            ?? AmountBesidesTheExtra(question, candidate)
            ?? NotDoneToTheName(question, candidate)
            ?? AnotherOnesEvent(question, candidate)
            ?? NotTheDoer(question, candidate)
            ?? VerbOfAnotherEvent(question, candidate)
            ?? NotYetHappened(question, candidate)
            ?? DateOfTheNounNotTheVerb(question, candidate)
            ?? PlaceOutsideTheAskedCountry(question, candidate);
        if (reason is not null)
        {
            return (null, reason);
        }

        if (question.Type is AnswerType.Date or AnswerType.Quantity or AnswerType.Duration)
        {
            return (candidate, null);
        }

        var tidy = Tidy(candidate.Text);
        return tidy is null ? (null, "it was only a fragment of a sentence") : (tidy == candidate.Text ? candidate : candidate with { Text = tidy }, null);
    }

    /// <summary>
    /// "When was Abbas elected?" — "… since their electoral victory in the elections of 2006", two sentences after
    /// Abbas was last named: a fact about a named person comes from a sentence that names them, or one that opens by
    /// referring back to them ("He …", "His …"). Organisations are left out: "the group" may stand for any of them.
    /// </summary>
    internal static string? NotAboutTheName(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is AnswerType.Description or AnswerType.Other)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        foreach (var name in question.Names.Where(n => n.Words.Count > 0 && n.Kind == EntityKind.Person && !InSubordinateClause(question, n)))
        {
            if (NameMatcher.Mentions(sentence.LowerWords, name))
            {
                continue;
            }

            // No "he"/"she" to stand for the asked-about person, or another person named before it: the fact is someone else's.
            // "Abbas and Putin …" — "their first meeting since 2021": a plural pronoun stands for two or more asked-about people.
            var plural = question.Names.Count(n => n.Kind == EntityKind.Person) >= 2;
            var pronoun = sentence.Words.FirstOrDefault(w => w.Lower is "he" or "she" or "his" or "her" or "him" or "hers"
                || plural && w.Lower is "they" or "their" or "them" or "theirs");
            var referent = pronoun.Lower is not null ? pronoun.Start : ReferringDescription(sentence, name);
            var otherPerson = referent >= 0
                ? sentence.Entities.FirstOrDefault(e => e.Kind == EntityKind.Person && e.Start < referent)
                : null;
            if (referent < 0 || otherPerson is not null)
            {
                return otherPerson is not null
                    ? $"the sentence that has it is about {otherPerson.Name}, not {name.Text}"
                    : $"the sentence that has it does not mention {name.Text}";
            }
        }

        return null;
    }

    /// <summary>
    /// Where the sentence refers to the person by a description instead of a pronoun: "the 25-year-old" right after the
    /// person was named, or "the Russian president" when the passage titles the person so ("Russian President
    /// Vladimir Putin"). -1 when it does not.
    /// </summary>
    private static int ReferringDescription(EvidenceSentence sentence, FocusName person)
    {
        // "… Sarah Claxton …. The 25-year-old has …": the description stands for the person named last before it.
        var age = Regex.Match(sentence.Text, @"\bthe\s+\d{1,3}-year-old\b", RegexOptions.IgnoreCase);
        if (age.Success && StandsFor(sentence, person))
        {
            return age.Index;
        }

        foreach (Match the in Regex.Matches(sentence.Text, @"\bthe\s+(?<role>(?:[\p{L}-]+\s+){0,2}[\p{L}-]+)", RegexOptions.IgnoreCase))
        {
            var words = Tokenizer.Words(the.Groups["role"].Value).ToList();
            while (words.Count > 0 && !EntityRecognizer.IsTitleWord(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            if (words.Count < 2 || !words.All(w => EntityRecognizer.IsTitleWord(w) || Gazetteer.IsDemonym(w) || Gazetteer.IsCountry(w)))
            {
                continue;
            }

            var titled = new Regex($@"\b{string.Join(@"\s+", words.Select(Regex.Escape))}\s+(?:\p{{Lu}}[\p{{L}}.'’-]*\s+){{0,2}}{Regex.Escape(person.KeyWord)}\b", RegexOptions.IgnoreCase);
            if (titled.IsMatch(sentence.Passage.Text))
            {
                return the.Index;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a description opening the sentence ("The 25-year-old …") stands for the person: the one named last before
    /// it, or, in the passage's first sentence, the one its title names.
    /// </summary>
    private static bool StandsFor(EvidenceSentence sentence, FocusName person)
    {
        for (var previous = sentence.Previous; previous is not null; previous = previous.Previous)
        {
            var named = previous.Entities.Where(IsPersonLike).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            // "Sarah Claxton … at the European Indoor Championships": a later name of no person does not take her place.
            var asked = named.LastOrDefault(e => IsAskedName([person], e));
            return asked is not null && !named.Any(e => e.Kind == EntityKind.Person && e.Start > asked.Start && !IsAskedName([person], e));
        }

        return Tokenizer.Words(sentence.Passage.Title).Contains(person.KeyWord.ToLowerInvariant());
    }

    /// <summary>
    /// "Which Hamas leader did the Russian foreign minister meet?" — "Russian Foreign Minister Sergei Lavrov met with Hamas
    /// leader Khaled Meshaal": a person the sentence titles in the words the question uses for someone else is that
    /// someone, not the one asked for.
    /// </summary>
    internal static string? DescribedByTheQuestion(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Person || question.RoleWords.Count > 0 || EntityAt(candidate) is not { Kind: EntityKind.Person } entity
            || TitleOf(candidate.Sentence, entity) is not { } title)
        {
            return null;
        }

        var titleWords = Tokenizer.Words(title).Where(w => !StopWords.Contains(w)).ToList();
        if (titleWords.Count < 2 || !titleWords.Any(EntityRecognizer.IsTitleWord))
        {
            return null;
        }

        var said = question.Terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var asked = question.TypeNoun is { } noun ? Lexicon.StemOf(noun) : null;
        var stems = titleWords.Select(Lexicon.StemOf).ToList();
        return stems.All(said.Contains) && (asked is null || !stems.Contains(asked))
            ? $"{candidate.Text} is the {title.ToLowerInvariant()} the question names, not the one it asks for"
            : null;
    }

    [GeneratedRegex(@"^(?:the\s+)?(?:title|name)\s+of\s+.*\b(?<work>thesis|dissertation|book|novel|memoir|film|movie|documentary|paper|report|study|essay|article|song|album|play|poem|speech|series|show)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleOfWork();

    /// <summary>
    /// "Title of Abbas's doctoral thesis" is answered by a title the sentence gives the thesis — quoted, after "titled",
    /// "entitled", "called", or set beside the word "thesis" — not by another name in a sentence about the thesis.
    /// </summary>
    internal static string? NotTheTitleOfTheWork(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.DescriptionTarget is not { } target || TitleOfWork().Match(target) is not { Success: true } asked)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var start = candidate.FirstWord < sentence.Words.Count ? sentence.Words[candidate.FirstWord].Start : sentence.Text.Length;
        var before = sentence.Text[..start];
        var work = Regex.Escape(asked.Groups["work"].Value);
        var given = Regex.IsMatch(before, $@"(?:\b(?:titled|entitled|called|named)|\b{work}\s*[,:(]|\b{work}\s+on)\s*[\""“‘']?\s*$", RegexOptions.IgnoreCase)
            || Regex.IsMatch(before, @"[\""“‘]\s*$");
        if (!given)
        {
            return $"\"{candidate.Text}\" is not given as the title of the {asked.Groups["work"].Value.ToLowerInvariant()}";
        }

        // "title of Berg's thesis" — "Holm's thesis, titled …": the work must be the asked person's, by name or by "her thesis".
        var owner = question.Names.FirstOrDefault(n => n.Kind == EntityKind.Person && !NameMatcher.Mentions(sentence.LowerWords, n));
        return owner is null || Regex.IsMatch(before, $@"\b(?:his|her|their)\s+(?:\w+\s+)?{work}\b", RegexOptions.IgnoreCase)
            ? null
            : $"the sentence gives the title of another {asked.Groups["work"].Value.ToLowerInvariant()}, not {owner.Text}'s";
    }

    /// <summary>
    /// "When did Putin last visit Israel?" — "their first meeting since 2021 … to discuss the war between Israel and Gaza":
    /// a place the sentence names only as the owner or party of something else is not where anyone went. Where someone
    /// went is written after a preposition or a verb of going ("in Moscow", "to Moscow", "visited Moscow"), or as the
    /// host ("Moscow hosted").
    /// </summary>
    private static readonly HashSet<string> TravelWords = new(StringComparer.Ordinal)
    {
        "visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels", "travelled", "traveled", "go", "goes", "went",
        "arrive", "arrives", "arrived", "tour", "toured", "fly", "flew", "come", "came",
    };

    internal static string? PlaceNotWhereAnyoneWent(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is not (AnswerType.Date or AnswerType.Duration) || !question.Terms.Any(t => TravelWords.Contains(t.Word)))
        {
            return null;
        }

        var text = candidate.Sentence.Text;
        foreach (var place in question.Names.Where(n => n.Kind == EntityKind.Place && n.Words.Count > 0))
        {
            var name = string.Join(@"\s+", place.Words.Select(Regex.Escape));
            var mentioned = Regex.IsMatch(text, $@"\b{name}\b", RegexOptions.IgnoreCase);
            var went = Regex.IsMatch(text, $@"\b(?:in|to|at|into|from|inside|visit|visits|visited|visiting|toured|tour|reached|arrived\s+in)\s+(?:the\s+(?:city\s+of\s+)?)?{name}\b(?!['’]s)", RegexOptions.IgnoreCase)
                || Regex.IsMatch(text, $@"\b{name}\s+(?:hosted|hosts|welcomed|received)\b", RegexOptions.IgnoreCase);
            if (mentioned && !went)
            {
                return $"the sentence does not say anyone went to {place.Text}";
            }

            // "Abbas met Putin in Moscow on Tuesday … the Palestinian-Israeli conflict": it happened in another country.
            var asked = Gazetteer.FindCountry(place.Text) ?? Gazetteer.CountryOfCapital(place.Text);
            if (!went && asked is not null)
            {
                foreach (Match locative in Regex.Matches(text, @"\b(?:in|to|visited|visiting)\s+(?:the\s+)?(?<p>\p{Lu}[\w’'-]+(?:\s+\p{Lu}[\w’'-]+)?)"))
                {
                    var where = locative.Groups["p"].Value;
                    var country = Gazetteer.IsDemonym(where.Split(' ')[0]) ? null : Gazetteer.FindCountry(where) ?? Gazetteer.CountryOfCapital(where);
                    if (country is not null && country != asked)
                    {
                        return $"the sentence places it in {where}, not {place.Text}";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The role a sentence gives a person: the recognised title, or the role written straight before the name.</summary>
    private static string? TitleOf(EvidenceSentence sentence, EntityMention person) =>
        person.Title ?? (CandidateExtractor.RoleBefore(sentence, person.Start) is { } role ? sentence.Text[role.Start..role.End] : null);

    /// <summary>
    /// "Which union leader did the Swedish foreign minister meet?" — "Norwegian Fisheries Minister Odd Ramsvik met with union
    /// leader Kari Dahl": the office the question describes someone by is held in the sentence by a person of another
    /// country or department, so the event is another minister's. A sentence that names no such office holder at all
    /// says nothing against it ("Abbas visited Moscow" for "the Palestinian president").
    /// </summary>
    internal static string? AnotherOfficeHolder(QuestionAnalysis question, AnswerCandidate candidate)
    {
        var asked = question.RoleWords.Select(Lexicon.StemOf).Append(question.TypeNoun is { } noun ? Lexicon.StemOf(noun) : string.Empty).ToHashSet(StringComparer.Ordinal);
        var described = question.Terms.Where(t => t.IsRoleWord && !asked.Contains(t.Stem) && (EntityRecognizer.IsTitleWord(t.Word) || Gazetteer.IsDemonym(t.Word))).ToList();
        var office = described.FirstOrDefault(t => EntityRecognizer.IsTitleWord(t.Word));
        if (office is null || described.Count < 2)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        string? other = null;
        foreach (var person in sentence.Entities.Where(e => e.Kind == EntityKind.Person))
        {
            if (TitleOf(sentence, person) is not { } title)
            {
                continue;
            }

            var words = Tokenizer.Words(title).Where(w => !StopWords.Contains(w)).ToList();
            var stems = words.Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
            if (!stems.Contains(office.Stem))
            {
                continue;
            }

            // A story about one country need not repeat its nationality in every title.
            var hasNationality = words.Any(Gazetteer.IsDemonym);
            if (described.All(t => t == office || stems.Contains(t.Stem) || !hasNationality && Gazetteer.IsDemonym(t.Word)))
            {
                return null;
            }

            other ??= title;
        }

        return other is null ? null : $"the sentence is about the {other.ToLowerInvariant()}, not the {string.Join(' ', described.Select(t => t.Word))}";
    }

    /// <summary>"… when Theodore Hesburgh became president": a name that only dates the question is not what it is about.</summary>
    private static bool InSubordinateClause(QuestionAnalysis question, FocusName name)
    {
        var at = question.Question.IndexOf(name.Text, StringComparison.OrdinalIgnoreCase);
        return at > 0 && Regex.IsMatch(question.Question[..at], @"\b(?:when|while|after|before|during|since|until|time\s+that)\b", RegexOptions.IgnoreCase);
    }

    /// <summary>
    /// "Who is the Russian ambassador to Israel?" — "Russia": a candidate made only of the question's own names and
    /// words (or their forms: Russian/Russia), with at most titles and nationalities beside them, tells nothing new.
    /// </summary>
    internal static string? Echo(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type == AnswerType.Date)
        {
            return null;
        }

        var own = OwnWords(question);
        AddFullNamesOfAskedNames(question, candidate.Sentence, own);
        var words = Tokenizer.Words(candidate.Text).Select(Bare).Where(w => !StopWords.Contains(w)).ToList();
        if (words.Count == 0)
        {
            return "it was no answer at all";
        }

        var repeated = 0;
        foreach (var word in words)
        {
            if (own.Contains(word) || own.Contains(Lexicon.StemOf(word)))
            {
                repeated++;
            }
            else if (!EntityRecognizer.IsTitleWord(word) && !Gazetteer.IsDemonym(Capitalise(word)) && !Gazetteer.IsDemonym(word) && !LightVerbs.Contains(word))
            {
                return null;
            }
        }

        return repeated > 0 ? $"\"{candidate.Text}\" only repeats the question" : null;
    }

    /// <summary>
    /// "Which ballet did they watch?" — "… even being seen watching ballet together": the sentence names the kind asked
    /// for but not which one, and a phrase elsewhere in it ("a friendly relationship") is not that one. The answer has
    /// to stand by the kind's word (its name, a title or a modifier beside it), or the sentence does not say.
    /// </summary>
    internal static string? NotWhichOfTheAskedKind(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Description || question.TypeNoun is not { } noun
            || !Regex.IsMatch(question.Question, $@"\bwhich\s+(?:[\p{{L}}-]+\s+)?{Regex.Escape(noun)}\s+(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b", RegexOptions.IgnoreCase))
        {
            return null;
        }

        var stem = Lexicon.StemOf(noun.ToLowerInvariant());
        var words = candidate.Sentence.Words;
        var mentions = Enumerable.Range(0, words.Count).Where(i => words[i].Stem == stem).ToList();
        return mentions.Count == 0 || mentions.Any(i => NamesTheOne(words, i, candidate))
            ? null
            : $"the sentence names a {noun} but not which one";
    }

    /// <summary>Words that may stand between a kind's word and the one named after it: "the opera Carmen", "forums like the Quartet", "a novel called X", "the storm over Hallen Bay".</summary>
    private static readonly HashSet<string> NamingLinks = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "like", "such", "as", "called", "named", "titled", "entitled", "known", "including", "namely",
        "of", "in", "on", "over", "at", "from", "against", "between", "with",
    };

    /// <summary>Whether the candidate is the one of the kind the word at <paramref name="kind"/> names: it holds the word, follows it
    /// through naming links, or stands just before it ("Carmen, the opera"; "Verdi's opera").</summary>
    private static bool NamesTheOne(IReadOnlyList<SentenceWord> words, int kind, AnswerCandidate candidate)
    {
        if (kind >= candidate.FirstWord && kind < candidate.EndWord)
        {
            return true;
        }

        var gap = kind < candidate.FirstWord ? words.Skip(kind + 1).Take(candidate.FirstWord - kind - 1) : words.Skip(candidate.EndWord).Take(kind - candidate.EndWord);
        var limit = kind < candidate.FirstWord ? 3 : 1;
        var between = gap.ToList();
        return between.Count <= limit && between.All(w => NamingLinks.Contains(w.Lower));
    }

    /// <summary>
    /// A who-question is answered by a person or organisation (or, for "who is X", what X is), never by a place or a
    /// date; a role question ("who is the Iranian president") only by a person who carries that role; a quantity
    /// question only by an amount.
    /// </summary>
    internal static string? WrongType(QuestionAnalysis question, AnswerCandidate candidate)
    {
        var text = candidate.Text;
        var sentence = candidate.Sentence;
        var entity = EntityAt(candidate);
        var isPlace = entity?.Kind == EntityKind.Place && entity.Name.Length >= text.Length - 4 || Gazetteer.IsPlace(text) || Gazetteer.IsCountry(text);
        var isDate = Covers(candidate, sentence.Dates.Select(d => (d.Start, d.End))) || !text.Any(char.IsLetter);
        var asksWho = WhoQuestion().IsMatch(question.Question);
        switch (question.Type)
        {
            // "Whose proposals …" may be a country's.
            case AnswerType.Person or AnswerType.Organization when isDate || isPlace && question.PossessedNoun is null:
                return $"\"{text}\" is a {(isDate ? "date" : "place")}, not a person or organisation";
            case AnswerType.Person when question.RoleWords.Count > 0 && candidate.Fit < RoleNotCarriedFit:
                return $"{text} is not said to be the {string.Join(' ', question.RoleWords)}";
            case AnswerType.Description when isDate:
                return $"\"{text}\" is a date, not what was asked";
            case AnswerType.Description when asksWho:
                return WhoIsRefusal(question, candidate, entity, isPlace);
            case AnswerType.Quantity when !text.Any(char.IsDigit) && !Tokenizer.Words(text).Any(w => Bots.Text.Quantities.QuantityExtractor.ParseNumber(w) is not null || w is "hundreds" or "thousands" or "dozens" or "millions" or "billions" or "tens" or "scores" or "once" or "twice" or "daily" or "weekly" or "monthly" or "annually" or "yearly"):
                return $"\"{text}\" is no amount";
            default:
                return null;
        }
    }

    /// <summary>
    /// "Who is X?" is answered by what X is — an apposition, a title, a role phrase — not by another name in the
    /// sentence; "who is the Russian ambassador" (a role) only by a person the sentence gives that role.
    /// </summary>
    private static string? WhoIsRefusal(QuestionAnalysis question, AnswerCandidate candidate, EntityMention? entity, bool isPlace)
    {
        var text = candidate.Text;
        if (isPlace)
        {
            return $"\"{text}\" is a place, not who someone is";
        }

        var target = Tokenizer.Words(question.DescriptionTarget ?? string.Empty);
        // "the Russian ambassador", "the developer of Eddy Street Commons": a role asked for.
        var ofHead = Regex.Match(question.DescriptionTarget ?? string.Empty, @"^(?:the|a|an)\s+(?:\w+\s+)?(?<role>[a-z]+)\s+of\b", RegexOptions.IgnoreCase);
        var role = target.FirstOrDefault(EntityRecognizer.IsTitleWord) ?? (ofHead.Success ? ofHead.Groups["role"].Value.ToLowerInvariant() : null);
        var wholeName = entity is not null && entity.Kind != EntityKind.Other && (entity.Name.Length >= text.Length - 4 || text.EndsWith(entity.Name, StringComparison.Ordinal));
        if (role is not null && !question.Names.Any(n => n.Kind == EntityKind.Person))
        {
            // A role asked for: the answer is a name (a person's, a firm's) the sentence gives that role.
            var sentence = candidate.Sentence;
            var start = entity?.Start ?? (candidate.FirstWord < sentence.Words.Count ? sentence.Words[candidate.FirstWord].Start : 0);
            var near = sentence.Text[Math.Max(0, start - 60)..Math.Min(sentence.Text.Length, start + text.Length)] + " " + entity?.Title;
            var roleStem = Lexicon.StemOf(role);
            var named = Regex.IsMatch(text, @"^(?:(?:the|a|an)\s+)?\p{Lu}[\w’'.-]*(?:\s+(?:(?:of|de|van|von|al|and|&)\s+)?\p{Lu}[\w’'.-]*)*$");
            return named && Tokenizer.Words(near).Any(w => Lexicon.StemOf(w) == roleStem)
                ? null
                : $"{text} is not said to be the {role}";
        }

        if (candidate.Key.StartsWith("desc:", StringComparison.Ordinal))
        {
            return null;
        }

        // A description found by shape alone must name a role or a kind of group, and be no other name.
        var describes = !wholeName && Tokenizer.Words(text).Any(w => EntityRecognizer.IsTitleWord(w)
            || w is "author" or "expert" or "professor" or "analyst" or "group" or "party" or "organization" or "organisation" or "movement");
        return describes ? null : $"\"{text}\" does not say who anyone is";
    }

    /// <summary>
    /// "On January 26, A met B to discuss the situation in the Middle East": the Middle East is what they talked about,
    /// not where they met. A where-answer must be governed by the event — a locative phrase of its verb or of its
    /// participants ("met B in Moscow"), "X-based", "held in X", "visit to X" — not the object of another noun
    /// ("the situation in X", "peace in X", "connections to X", "the Foreign Minister of X").
    /// </summary>
    internal static string? PlaceNotOfTheEvent(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Place || candidate.FirstWord >= candidate.Sentence.Words.Count || question.AsksForAParty)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var text = sentence.Text;
        var start = sentence.Words[candidate.FirstWord].Start;
        var end = candidate.EndWord < sentence.Words.Count ? sentence.Words[candidate.EndWord].Start : text.Length;
        var after = text[Math.Min(end, text.Length)..];
        var before = text[..start];
        var linked = LocativeBefore().Match(before);
        if (!linked.Success)
        {
            // "a Baku-based expert", "Moscow talks", "Moscow, where …": the place qualifies the event or is its scene.
            var firstAfter = Tokenizer.Words(after).FirstOrDefault();
            var tied = Regex.IsMatch(after, @"^[^\s]*-?\s*(?:based|hosted|held)\b|^\s*,\s*where\b", RegexOptions.IgnoreCase)
                || firstAfter is not null && IsQuestionWord(question, firstAfter);
            return tied ? null : $"{candidate.Text} is mentioned, but not as where it happened";
        }

        if (linked.Groups["verb"].Success)
        {
            return null;
        }

        // "from Europe to Palestine": where something came from answers only a question asking "from".
        if (linked.Groups["prep"].Value.Equals("from", StringComparison.OrdinalIgnoreCase) && !Regex.IsMatch(question.Question, @"\bfrom\b", RegexOptions.IgnoreCase))
        {
            return $"{candidate.Text} is where it came from, not where it happened";
        }

        // "rescued 40 migrants off the coast of Crete", "in international waters": such places only ever say where.
        if (Regex.IsMatch(candidate.Text, @"\b(?:waters|seas?|coast)\b", RegexOptions.IgnoreCase))
        {
            return null;
        }

        // "the assassination of Hamas leader Ismail Haniyeh in Iran": past the name to the event noun whose "of" it is.
        if (EventNounOwningName(text[..linked.Index]) is { } owner && !IsQuestionWord(question, owner))
        {
            return $"{candidate.Text} is where the {owner} happened, not what was asked";
        }

        // The words heading the phrase the preposition belongs to: "situation" in "the situation in", "assassination
        // attempt" in "an assassination attempt in".
        var head = HeadBefore(text, linked.Index);
        if (head.Count == 0 || !IsPlainNoun(head[0]) && !IsGerundNoun(text, linked.Index, head[0]) || head.Any(w => IsQuestionWord(question, w)))
        {
            return null;
        }

        // "Where was Haniyeh in 2020?" — "Haniyeh in a meeting in Moscow in 2020": with no event of its own, the question
        // asks where the person was, and the place of an occasion they were at says it.
        var occasion = OccasionNouns.Contains(head[0]) && question.Terms.All(t => t.IsRoleWord);
        return occasion || ParticipantNouns.Contains(head[0]) || SiteNouns.Contains(head[0]) || EntityRecognizer.IsTitleWord(head[0]) || IsTimeNoun(head[0])
            ? null
            : $"{candidate.Text} is where the {head[0]} is, not where it happened";
    }

    /// <summary>The event noun ("assassination", "dissolution") whose "of" phrase ends right here with a name, or null.</summary>
    private static string? EventNounOwningName(string before)
    {
        // "the assassination of Hamas political leader Ismail Haniyeh in Iran on July 31": the place where it happened may follow the name.
        var owner = Regex.Match(before, @"\b(?<noun>[a-z]{3,})\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}\p{Lu}[\w’'-]*(?:\s+(?:in|at)\s+(?:the\s+)?\p{Lu}[\w’'-]*(?:\s+\p{Lu}[\w’'-]*)?)?\s*$", RegexOptions.RightToLeft);
        return owner.Success && IsEventNoun(owner.Groups["noun"].Value) ? owner.Groups["noun"].Value : null;
    }

    /// <summary>
    /// "During the dissolution of the Soviet Union in the early 1990s, Russia began to improve its relations with
    /// Israel" does not say when Russia recognised Israel: a date inside the phrase of another event noun (or before it:
    /// "the 2006 elections") dates that event, not the one asked about.
    /// </summary>
    internal static string? DateOfAnotherThing(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is not (AnswerType.Date or AnswerType.Duration) || candidate.Date is not { } date)
        {
            return null;
        }

        var text = candidate.Sentence.Text;
        if (date.Start < 0 || date.End > text.Length)
        {
            return null;
        }

        var before = text[..date.Start];
        if (question.AsksForSince && CandidateExtractor.SincePhrase().IsMatch(before))
        {
            // "since their victory in the elections of 2006": the date of the thing "since" names is the answer.
            return null;
        }

        string? noun = null;
        var pp = Regex.Match(before, @"\b(?:in|on|of|at|from|since|during)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft);
        if (pp.Success)
        {
            var head = HeadBefore(text, pp.Index);
            // "the dissolution of the Soviet Union in …": past a name to the noun whose "of" it is.
            noun = head.FirstOrDefault() ?? EventNounOwningName(before[..pp.Index]);
        }

        // "During the 2014 Gaza conflict, Putin telephoned …": a period the sentence opens with frames its main event, when
        // that is the asked one ("when did Putin phone …", not "when was Putin born").
        if (noun is null && Regex.IsMatch(before, @"^\W*during\s+(?:the|a|an)\s+$", RegexOptions.IgnoreCase)
            && question.Terms.Where(t => t.IsVerb).ToList() is { Count: > 0 } verbs
            && candidate.Sentence.Words.Any(w => w.Start >= date.End && verbs.Any(v => Says(v, w))))
        {
            return null;
        }

        if (noun is null && Regex.IsMatch(before, @"\b(?:the|a|an|its|their|his|her)\s+$", RegexOptions.IgnoreCase))
        {
            // "the 2006 elections", "the October 2023 Hamas attack": the date modifies the noun after it.
            var next = Regex.Match(text[date.End..], @"^(?:\s+[A-Z][\w’'–-]*){0,3}\s+(?<noun>[a-z]{3,})");
            noun = next.Success ? next.Groups["noun"].Value : null;
        }

        if (noun is null || !IsPlainNoun(noun) && !IsEventNoun(noun) || IsQuestionWord(question, noun) || IsTimeNoun(noun)
            || EntityRecognizer.IsTitleWord(noun) || ParticipantNouns.Contains(noun) || SiteNouns.Contains(noun) || !IsEventNoun(noun))
        {
            return null;
        }

        return $"{candidate.Text} dates the {noun}, not what was asked";
    }

    /// <summary>
    /// "How many tons of extra aid did he order?" — "In addition to 60 tons of aid …, he ordered extra aid": the amount
    /// "in addition to" which the extra came is just the one the question does not ask for.
    /// </summary>
    internal static string? AmountBesidesTheExtra(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Quantity || candidate.FirstWord >= candidate.Sentence.Words.Count
            || !Regex.IsMatch(question.Question, @"\b(?:extra|additional|further)\b", RegexOptions.IgnoreCase))
        {
            return null;
        }

        var before = candidate.Sentence.Text[..candidate.Sentence.Words[candidate.FirstWord].Start];
        return Regex.IsMatch(before, @"\b(?:in\s+addition\s+to|on\s+top\s+of|besides|apart\s+from|aside\s+from)\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|the)\s+)?$", RegexOptions.IgnoreCase)
            ? $"{candidate.Text} is what the extra came in addition to"
            : null;
    }

    /// <summary>
    /// "How long did the minister stay in Paris?" — "a two-hour meeting": a length written before a noun measures that
    /// noun; it answers only when the noun is the question's own event ("how long did the meeting last").
    /// </summary>
    internal static string? DurationOfAnotherThing(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Duration || candidate.Date is not null)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var words = sentence.Words;
        var length = AdjectivalLength().Match(candidate.Text);
        if (!length.Success || Bots.Text.Quantities.QuantityExtractor.ParseNumber(length.Groups["n"].Value.ToLowerInvariant()) is null
            || candidate.EndWord >= words.Count)
        {
            return null;
        }

        // The noun the length modifies: the last of the plain words after it ("three-hour closed-door meeting" → meeting).
        string? head = null;
        var at = words[candidate.EndWord - 1].Start + words[candidate.EndWord - 1].Length;
        for (var i = candidate.EndWord; i < words.Count && i < candidate.EndWord + 3; i++)
        {
            var between = sentence.Text[at..words[i].Start];
            if (between.Trim().Length > 0 || StopWords.Contains(words[i].Lower) || char.IsUpper(sentence.Text[words[i].Start]))
            {
                break;
            }

            head = words[i].Lower;
            at = words[i].Start + words[i].Length;
        }

        return head is null || IsQuestionWord(question, head) || IsQuestionWord(question, head.Split('-')[^1])
            ? null
            : $"{candidate.Text} is how long the {head} was, not what was asked";
    }

    [GeneratedRegex(@"^(?<n>[\w.]+)[-\s](?:second|minute|hour|day|night|week|month|year|decade|century)(?:-long)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AdjectivalLength();

    /// <summary>
    /// "When was Hamas founded?" — "Fatah and Hamas signed a deal to form a national unity government": the sentence
    /// has a founding word, but what was formed is the government. In a passive question the asked-about name must be
    /// what the event was done to: "Hamas was founded", "Hamas (founded in …)", "the founding of Hamas", "founded Hamas".
    /// </summary>
    internal static string? NotDoneToTheName(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is not (AnswerType.Date or AnswerType.Place) || question.Names.Count == 0)
        {
            return null;
        }

        var passive = PassiveQuestion().Match(question.Question.ToLowerInvariant());
        if (!passive.Success)
        {
            return null;
        }

        var verbStem = Lexicon.StemOf(passive.Groups["verb"].Value);
        var subject = passive.Groups["subject"].Value;
        var patients = question.Names.Where(n => n.Words.Any(w => subject.Contains(w, StringComparison.Ordinal))).ToList();
        var sentence = candidate.Sentence;
        var events = sentence.Words.Where(w => w.Stem == verbStem || Lexicon.RelatedStems(verbStem).Contains(w.Stem)).ToList();
        if (patients.Count == 0 || events.Count == 0)
        {
            return null;
        }

        // Any of the asked-about names as what the event was done to will do ("the College of Engineering at Notre Dame").
        var present = false;
        foreach (var patient in patients)
        {
            var nameWords = NameMatcher.NameWords(patient);
            var at = sentence.Words.Where(w => nameWords.Contains(Bare(w.Lower))).Select(w => w.Index).ToList();
            present |= at.Count > 0;
            if (events.Any(e => at.Any(n => PatientOf(sentence, e.Index, n))))
            {
                return null;
            }
        }

        // "It was founded in 1932" refers back; "The Sailing Union (founded in 1932)" after a sentence on the Harbor Club does not.
        if (!present && sentence.Words.Take(2).Any(w => w.Lower is "it" or "its" or "they" or "their" or "he" or "she" or "his" or "her"))
        {
            return null;
        }

        return $"the sentence says something was {passive.Groups["verb"].Value}, but not {patients[0].Text}";
    }

    /// <summary>
    /// "When did the Soviet Union recognise the State of Palestine?" — "… was the first state to recognize the Israeli state
    /// … on May 17, 1948": the sentence does the question's verb to another named thing (a name or a nationality right
    /// after the verb) and never names the one asked about, so its date is of that other act.
    /// </summary>
    internal static string? DoneToAnother(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is not (AnswerType.Date or AnswerType.Place or AnswerType.Duration))
        {
            return null;
        }

        var lower = question.Question.ToLowerInvariant();
        var (verb, verbAt) = AskedVerb(question, lower);
        if (verb is null || verbAt <= 0)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var objects = question.Names.Where(n => lower.IndexOf(n.Text.ToLowerInvariant(), StringComparison.Ordinal) > verbAt).ToList();
        // "USSR also encouraged Arafat and the PLO to recognize Israel": the PLO is named, but before the verb, as who was to do it.
        var lastVerb = sentence.Words.Where(w => verb.Matches(w.Stem)).Select(w => w.Index).DefaultIfEmpty(-1).Max();
        var missing = objects.FirstOrDefault(n => !NameMatcher.Mentions(sentence.LowerWords, n)
            || lastVerb >= 0 && !sentence.Words.Any(w => w.Index > lastVerb && NameMatcher.NameWords(n).Contains(Bare(w.Lower))));
        if (missing is null)
        {
            return null;
        }

        foreach (var word in sentence.Words.Where(w => verb.Matches(w.Stem)))
        {
            var after = sentence.Text[(word.Start + word.Length)..];
            var done = Regex.Match(after, @"^\s+(?:(?:the|a|an)\s+)?(?:(?:new|first|young|fledgling)\s+)?(?<name>\p{Lu}[\w’'-]+(?:\s+\p{Lu}[\w’'-]+)*)");
            if (!done.Success)
            {
                continue;
            }

            var name = done.Groups["name"].Value;
            var asked = question.Names.Any(n => n.Words.Any(w => Tokenizer.Words(name).Contains(w)));
            if (!asked && (Gazetteer.IsDemonym(name) || sentence.Entities.Any(e => e.Start == word.Start + word.Length + done.Groups["name"].Index)))
            {
                return $"the sentence says {sentence.Text.Substring(word.Start, word.Length)} {name}, not {missing.Text}";
            }
        }

        return null;
    }

    /// <summary>The question's verb and where it stands in the lower-case question (-1 when it has none).</summary>
    private static (QuestionTerm? Verb, int At) AskedVerb(QuestionAnalysis question, string lower)
    {
        var verb = question.Terms.FirstOrDefault(t => t.IsVerb);
        return (verb, verb is null ? -1 : Regex.Match(lower, $@"\b{Regex.Escape(verb.Word)}\b").Index);
    }

    /// <summary>
    /// "Who won Israel's 2006 elections?" — "after Hamas' win in the Palestinian elections": the thing the question gives
    /// a country as owner is, in the sentence, another country's (its name or demonym written just before it), and the
    /// asked country's own is not there, so the sentence answers for the other one.
    /// </summary>
    internal static string? AnotherCountrysThing(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (OwnedThing().Match(question.Question) is not { Success: true } asked || Gazetteer.FindCountry(asked.Groups["owner"].Value) is not { } owner)
        {
            return null;
        }

        const int ModifierReach = 3;
        // The owned thing is one of the few words after the owner ("Israel's 2006 elections", "Finland's new budget").
        var things = Tokenizer.Words(asked.Groups["rest"].Value).Where(w => !StopWords.Contains(w) && w.Any(char.IsLetter)).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        var words = candidate.Sentence.Words;
        Country? other = null;
        string? thing = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (!things.Contains(words[i].Stem))
            {
                continue;
            }

            for (var j = i - 1; j >= Math.Max(0, i - ModifierReach); j--)
            {
                if (Gazetteer.FindCountry(Bare(candidate.Sentence.Text.Substring(words[j].Start, words[j].Length))) is { } country)
                {
                    if (country == owner)
                    {
                        return null;
                    }

                    other ??= country;
                    thing ??= words[i].Lower;
                    break;
                }
            }
        }

        return other is null ? null : $"the {thing} in the sentence {(thing!.EndsWith('s') ? "are" : "is")} {other.Demonym}, not {owner.Name}'s";
    }

    /// <summary>"Israel's 2006 elections", "Norway's new budget": a capitalised owner and the words after it, among them what it owns.</summary>
    [GeneratedRegex(@"\b(?<owner>\p{Lu}[\p{L}-]*)['’]s(?<rest>(?:\s+[\p{L}\d-]+){1,3})")]
    private static partial Regex OwnedThing();

    /// <summary>
    /// "When did Russia veto the US resolution?" — "Russia's own motions … were rejected by the US": the passive's doer is
    /// a name the question gives another part than the doer's, so the event is the other way round.
    /// </summary>
    internal static string? DoneByAnother(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is not (AnswerType.Date or AnswerType.Place or AnswerType.Quantity or AnswerType.Duration) || question.Names.Count < 2)
        {
            return null;
        }

        var lower = question.Question.ToLowerInvariant();
        var (verb, verbAt) = AskedVerb(question, lower);
        // Found as a word: "US" is inside "russia".
        var doers = question.Names.Where(n => Regex.Match(lower, $@"\b{Regex.Escape(n.Text.ToLowerInvariant())}\b") is { Success: true } at && at.Index < verbAt).ToList();
        if (verb is null || verbAt <= 0 || doers.Count == 0)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        foreach (var word in sentence.Words.Where(w => Says(verb, w)))
        {
            var by = Regex.Match(sentence.Text[(word.Start + word.Length)..], @"^\s+by\s+(?:the\s+)?(?<name>\p{Lu}[\w’'-]*)");
            if (!by.Success)
            {
                continue;
            }

            // The agent as the question writes it after its verb ("the US resolution"), a name or not ("US" reads as a word).
            var agent = by.Groups["name"].Value;
            var named = Regex.Match(question.Question[verbAt..], $@"\b{Regex.Escape(agent)}\b", RegexOptions.IgnoreCase).Success;
            if (named && !doers.Any(d => d.Words.Contains(agent.ToLowerInvariant())))
            {
                return $"the sentence says it was {word.Lower} by {agent}, not by {doers[0].Text}";
            }
        }

        return null;
    }

    /// <summary>
    /// "When did the Soviet Union recognise the State of Palestine?" — "… to recognise the Palestine Liberation Organization
    /// in 1974": a place the sentence names only inside the name of something else (an organisation, a university) is not
    /// the place asked about.
    /// </summary>
    internal static string? PlaceOnlyInsideAnotherName(QuestionAnalysis question, AnswerCandidate candidate)
    {
        var sentence = candidate.Sentence;
        foreach (var place in question.Names.Where(n => n.Kind == EntityKind.Place && n.Words.Count > 0))
        {
            var key = place.KeyWord;
            var mentions = Regex.Matches(sentence.Text, $@"\b{Regex.Escape(key)}\b", RegexOptions.IgnoreCase);
            if (mentions.Count == 0)
            {
                continue;
            }

            EntityMention? container = null;
            foreach (Match mention in mentions)
            {
                // "Russia's Security Council" is Russia's; "Soviet-Palestinian relations" join the two places.
                var holder = sentence.Entities.FirstOrDefault(e => e.Start <= mention.Index && mention.Index + mention.Length <= e.End);
                var owner = Regex.IsMatch(sentence.Text.AsSpan(mention.Index + mention.Length), @"^['’]s\b");
                if (holder is null || owner || holder.Name.IndexOfAny(['-', '–']) >= 0 || holder.Kind is EntityKind.Place or EntityKind.Person
                    || Tokenizer.Words(holder.Name).Count <= place.Words.Count + 1 && place.Words.All(w => Tokenizer.Words(holder.Name).Contains(w)))
                {
                    container = null;
                    break;
                }

                container ??= holder;
            }

            if (container is not null)
            {
                return $"the sentence names {place.Text} only inside \"{container.Name}\"";
            }
        }

        return null;
    }

    /// <summary>
    /// "When did Berg meet Nord?" — "Lund met Berg in Stockholm on Tuesday", with Nord only in the next sentence: a meeting
    /// (or call, or talks) of one asked-about person with someone the question does not name is another meeting.
    /// </summary>
    internal static string? MeetingWithAnother(QuestionAnalysis question, AnswerCandidate candidate)
    {
        var people = question.Names.Where(n => n.Kind is EntityKind.Person or EntityKind.Other && n.Words.Count > 0).ToList();
        if (question.Type is not (AnswerType.Date or AnswerType.Place or AnswerType.Duration) || people.Count < 2
            || !question.Terms.Any(t => t.IsVerb && Lexicon.IsSymmetric(t.Stem)))
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var absent = people.FirstOrDefault(n => !NameMatcher.Mentions(sentence.LowerWords, n));
        if (absent is null || sentence.Words.Any(w => w.Lower is "he" or "she" or "him" or "her" or "they" or "them"))
        {
            return null;
        }

        var other = sentence.Entities.FirstOrDefault(e => e.Kind == EntityKind.Person && !IsAskedName(people, e));
        return other is null ? null : $"the sentence is about a meeting with {other.Name}, not with {absent.Text}";
    }

    /// <summary>
    /// "When did Abbas die?" — "after Arafat's death in 2004": the event is another person's. When every mention of
    /// the question's event in the sentence belongs to someone the question does not name ("X's death", "the death of
    /// X"), its date, place or amount is not the asked-about person's; nor is an age said next to another person.
    /// </summary>
    internal static string? AnotherOnesEvent(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type is not (AnswerType.Date or AnswerType.Place or AnswerType.Quantity or AnswerType.Duration))
        {
            return null;
        }

        var named = question.Names.Where(n => n.Kind != EntityKind.Place).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var people = sentence.Entities.Where(e => e.Kind is EntityKind.Person or EntityKind.Organization or EntityKind.Other).ToList();
        if (question.Type == AnswerType.Quantity && question.Quantity == QuantityHint.Age)
        {
            // "Abbas, 88, met Putin, 71": the age belongs to the person named nearest to it. "The 25-year-old" is the person
            // the story is about, whom the sentence refers back to.
            var start = candidate.FirstWord < sentence.Words.Count ? sentence.Words[candidate.FirstWord].Start : sentence.Text.Length;
            if (Regex.IsMatch(sentence.Text[..start], @"\bthe\s+$", RegexOptions.IgnoreCase) && candidate.Text.EndsWith("year-old", StringComparison.OrdinalIgnoreCase))
            {
                return named.Any(n => StandsFor(sentence, n)) ? null : $"the {candidate.Text} is someone the question does not name";
            }

            var nearest = people.Where(IsPersonLike)
                .OrderBy(e => e.End <= start ? start - e.End : e.Start - start)
                .FirstOrDefault() ?? Antecedent(sentence);
            return nearest is not null && !IsAskedName(named, nearest) ? $"the age given is {nearest.Name}'s" : null;
        }

        var owners = new List<string>();
        foreach (var word in sentence.Words.Where(w => IsEventTerm(question, w.Stem)))
        {
            // "Israel's assassination of Haniyeh" is Haniyeh's as much as Israel's: either owner may be the asked-about one.
            var (possessor, of) = OwnersOf(sentence, word);
            if (possessor is null && of.Count == 0 || possessor is not null && IsAskedName(named, possessor) || of.Any(o => IsAskedName(named, o)))
            {
                return null;
            }

            owners.Add((of.FirstOrDefault() ?? possessor)!.Name);
        }

        return owners.Count > 0 ? $"the sentence is about {owners[0]}'s {string.Join(' ', question.Terms.Where(t => !t.IsRoleWord).Select(t => t.Word).Take(1))}, not that of {named[0].Text}" : null;
    }

    /// <summary>
    /// "Who founded the Communist Party?" — "…, founded by Jewish immigrants in 1919, upon admission to the Comintern":
    /// when the evidence says the event in the passive, the doer is the one after "by"; in the active, the doer is not a
    /// name in another clause after the event ("… signed a deal …, the spokesman Sazonov said").
    /// </summary>
    internal static string? NotTheDoer(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (!question.AsksForTheDoer || candidate.FirstWord >= candidate.Sentence.Words.Count)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var words = sentence.Words;
        var events = words.Where(w => IsEventTerm(question, w.Stem) && w.Index < candidate.FirstWord).ToList();
        if (events.Count == 0 || DoesTheAskedVerb(question, candidate))
        {
            return null;
        }

        var nearest = events[^1];
        var between = sentence.Text[(nearest.Start + nearest.Length)..words[candidate.FirstWord].Start];
        var passiveBy = words.Skip(nearest.Index + 1).Take(3).Any(w => w.Lower == "by");
        if (passiveBy)
        {
            return Regex.IsMatch(between, @"^\s*(?:\w+\s+)?by\s+(?:the\s+)?$", RegexOptions.IgnoreCase) ? null : $"{candidate.Text} is not who did it";
        }

        // "the assassination of Hamas leader X": what the event was done to, not who did it.
        if (Regex.IsMatch(between, @"^\s*of\s+(?:the\s+)?$", RegexOptions.IgnoreCase))
        {
            return $"{candidate.Text} is who it was done to, not who did it";
        }

        // "The assassination of X shocked the party": after an event noun only "by" (or a partner's "with") names the doer.
        if (IsEventNoun(nearest.Lower) && !nearest.Lower.EndsWith("ed", StringComparison.Ordinal) && !Regex.IsMatch(between, @"^\s*(?:with|between)\b", RegexOptions.IgnoreCase))
        {
            return $"{candidate.Text} is not who did it";
        }

        var clauseBreak = between.IndexOfAny([',', ';', ':', '(']) >= 0 || Regex.IsMatch(between, @"\b(?:said|says|told|according|while|whereas|but)\b", RegexOptions.IgnoreCase);
        // Counted to the name itself: a title the recogniser took into the name ("the Russian … spokesman Alexei Sazonov") is between too.
        var lastWord = words[Math.Min(candidate.EndWord, words.Count) - 1];
        var toName = sentence.Text[(nearest.Start + nearest.Length)..Math.Max(nearest.Start + nearest.Length, lastWord.Start)];
        return clauseBreak && Tokenizer.Words(toName).Count > 3 ? $"{candidate.Text} is named in another clause than the event" : null;
    }

    /// <summary>Words that may stand between a subject and its verb: "Medvedev also ordered", "Katz has said".</summary>
    private static readonly HashSet<string> BeforeVerb = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "also", "then", "later", "again", "personally", "reportedly", "himself", "herself", "itself", "themselves",
    };

    /// <summary>"…, President Medvedev ordered extra aid", "…,\" Katz added": the name right before the asked verb is its subject.</summary>
    private static bool DoesTheAskedVerb(QuestionAnalysis question, AnswerCandidate candidate)
    {
        var words = candidate.Sentence.Words;
        var verbs = question.Terms.Where(t => t.IsVerb).ToList();
        for (var i = candidate.EndWord; i < words.Count && i < candidate.EndWord + 3; i++)
        {
            if (verbs.Any(v => Says(v, words[i])))
            {
                return true;
            }

            if (!BeforeVerb.Contains(words[i].Lower))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Evidence that words the question's event otherwise may still answer it ("Abbas is in Moscow for talks" for a
    /// visit) — but when the sentence tells another known event in a verb of its own ("In December 2023, Lavrov said …",
    /// "On November 27, Medvedev sent Abbas a letter" for when Abbas was elected), its date or place belongs to that
    /// event, not the asked one.
    /// </summary>
    internal static string? VerbOfAnotherEvent(QuestionAnalysis question, AnswerCandidate candidate)
    {
        // "Which countries refused to back …" asks for a party to the event, which its verb names, not for its time or scene.
        if (question.Type is not (AnswerType.Date or AnswerType.Place) || question.AsksForAParty)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var credits = sentence.TermCredits;
        // Only when every asked verb is one whose other wordings are known ("razed" may be "destroyed" in the evidence).
        var verbs = question.Terms.Select((term, index) => (term, index)).Where(t => t.term.IsVerb).ToList();
        if (verbs.Count == 0 || verbs.Any(v => v.index < credits.Length && credits[v.index] > 0) || verbs.Any(v => v.term.Related.Count == 0))
        {
            return null;
        }

        var words = sentence.Words;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            // A past form, or a present one straight after its subject's name ("Putin (right) meets Abbas").
            var afterName = char.IsUpper(sentence.Text[words[i - 1].Start]) || sentence.Text[..word.Start].TrimEnd().EndsWith(')');
            var past = word.Lower.Length > 4 && word.Lower.EndsWith("ed", StringComparison.Ordinal)
                || Lexicon.Lemma(word.Lower) != word.Lower && word.Lower is not ("was" or "were" or "had" or "has" or "been" or "did" or "done" or "became" or "born" or "known" or "left")
                || afterName && word.Lower.Length > 3 && word.Lower.EndsWith('s') && !word.Lower.EndsWith("ss", StringComparison.Ordinal);
            // Only a verb known to mean something else ("said", "sent") tells another event; an unknown one ("presented"
            // for "unveil") may be the asked event in other words. An aside in brackets ("(as it had been led by …)") tells none.
            if (!past || InBrackets(sentence.Text, word.Start) || char.IsUpper(sentence.Text[word.Start]) || IsEventTerm(question, word.Stem) || Lexicon.RelatedStems(word.Stem).Count == 0
                || words[i - 1].Lower is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "being" or "of" or "for" or "well")
            {
                continue;
            }

            return $"the sentence does not say it; its {candidate.Text} is when or where something was {word.Lower}";
        }

        return null;
    }

    private static bool InBrackets(string text, int position) =>
        text.LastIndexOf('(', Math.Max(0, position - 1)) is var open and >= 0 && text.IndexOf(')', open) is var close && (close < 0 || close > position);

    /// <summary>"Russia was critical of the Gaza War (2008–09) and": a short answer ends on a content word, with its brackets closed.</summary>
    internal static string? Tidy(string text)
    {
        var result = text.Trim();
        for (var changed = true; changed;)
        {
            changed = false;
            var open = result.LastIndexOf('(');
            if (open >= 0 && result.IndexOf(')', open) < 0)
            {
                result = result[..open].TrimEnd();
                changed = true;
            }

            var trimmed = result.TrimEnd(',', ';', ':', '—', '–', '-', ' ', '“', '"', '‘');
            var last = Tokenizer.Words(trimmed).LastOrDefault();
            if (last is not null && FunctionWords.Contains(last) && trimmed.EndsWith(last, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^last.Length].TrimEnd();
            }

            var first = Tokenizer.Words(trimmed).FirstOrDefault();
            if (first is not null && first is not ("the" or "a" or "an") && FunctionWords.Contains(first) && trimmed.StartsWith(first, StringComparison.OrdinalIgnoreCase)
                && trimmed.Length > first.Length && !char.IsLetterOrDigit(trimmed[first.Length]))
            {
                trimmed = trimmed[first.Length..].TrimStart();
            }

            if (trimmed != result)
            {
                result = trimmed;
                changed = true;
            }
        }

        return Tokenizer.Words(result).Any(w => !StopWords.Contains(w)) ? result : null;
    }

    /// <summary>
    /// The name is what the event was done to, unless the event is a purpose the name pursues: "Hamas signed a deal to
    /// form a government" forms the government, not Hamas.
    /// </summary>
    private static bool PatientOf(EvidenceSentence sentence, int eventIndex, int nameIndex)
    {
        var words = sentence.Words;
        if (nameIndex < eventIndex)
        {
            return !(eventIndex > 0 && words[eventIndex - 1].Lower == "to" && eventIndex - nameIndex > 2);
        }

        // "first offered graduate degrees, in the form of a Master of Arts": the object, however worded, follows closely.
        return nameIndex - eventIndex <= 10;
    }

    /// <summary>
    /// The names that own an event word: "Arafat's death", "the death of Yasser Arafat"; every name of the "of" phrase
    /// counts ("the assassination of Hamas political leader Ismail Haniyeh" is Haniyeh's as much as Hamas's).
    /// </summary>
    private static (EntityMention? Possessor, IReadOnlyList<EntityMention> Of) OwnersOf(EvidenceSentence sentence, SentenceWord word)
    {
        var text = sentence.Text;
        var possessor = sentence.Entities.FirstOrDefault(e => e.Kind != EntityKind.Place && !Gazetteer.IsDemonym(e.Name) && e.End <= word.Start && word.Start - e.End <= 4
            && (Regex.IsMatch(text[e.End..word.Start], @"^(?:'s|’s|'|’)\s+$") || Regex.IsMatch(e.Text, @"(?:'s|’s)$") && text[e.End..word.Start].Trim().Length == 0));
        var rest = text[(word.Start + word.Length)..];
        var of = Regex.Match(rest, @"^\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,3}");
        if (!of.Success)
        {
            return (possessor, []);
        }

        var at = word.Start + word.Length + of.Length;
        var first = sentence.Entities.FirstOrDefault(e => e.Kind != EntityKind.Place && e.Start >= at && e.Start - at <= 40
            && !text[at..e.Start].Contains(',', StringComparison.Ordinal));
        if (first is null)
        {
            return (possessor, []);
        }

        // The phrase goes on through the names and role words that follow without a break: "Hamas political leader Ismail Haniyeh".
        var phrase = new List<EntityMention> { first };
        foreach (var next in sentence.Entities.Where(e => e.Start >= phrase[^1].End && e.Kind != EntityKind.Place))
        {
            var between = text[phrase[^1].End..next.Start];
            if (!Regex.IsMatch(between, @"^(?:\s+[a-z]+){0,3}\s+$") || Regex.IsMatch(between, @"\b(?:in|on|at|and|by|with|from|to|for|after|before)\b"))
            {
                break;
            }

            phrase.Add(next);
        }

        return (possessor, phrase);
    }

    private static bool IsPersonLike(EntityMention e) => e.Kind is EntityKind.Person or EntityKind.Other && !Gazetteer.IsDemonym(e.Name);

    /// <summary>
    /// Whom a sentence naming no one ("In previous seasons, the 25-year-old also ran") goes on about: the person named
    /// last in the nearest sentence before it that names one.
    /// </summary>
    private static EntityMention? Antecedent(EvidenceSentence sentence)
    {
        for (var previous = sentence.Previous; previous is not null; previous = previous.Previous)
        {
            if (previous.Entities.Where(IsPersonLike).LastOrDefault() is { } named)
            {
                return named;
            }
        }

        return null;
    }

    private static bool IsAskedName(List<FocusName> named, EntityMention entity)
    {
        var words = EvidenceSentence.WordSet(Tokenizer.Words(entity.Canonical + " " + entity.Text));
        return named.Any(n => n.Words.Count > 0 && (n.Words.All(words.Contains) || words.Contains(n.Words[^1])));
    }

    private static EntityMention? EntityAt(AnswerCandidate candidate)
    {
        var sentence = candidate.Sentence;
        return sentence.Entities.FirstOrDefault(e => Overlaps(candidate, e.Start, e.End));
    }

    /// <summary>One of the spans holds the whole candidate ("5 August" is a date; "USA Today" only holds one).</summary>
    private static bool Covers(AnswerCandidate candidate, IEnumerable<(int Start, int End)> spans)
    {
        var words = candidate.Sentence.Words;
        if (candidate.FirstWord >= words.Count || candidate.EndWord <= candidate.FirstWord)
        {
            return false;
        }

        var last = words[Math.Min(candidate.EndWord, words.Count) - 1];
        var from = words[candidate.FirstWord].Start;
        var to = last.Start + last.Length;
        return spans.Any(s => s.Start <= from + 1 && s.End >= to - 1);
    }

    private static bool Overlaps(AnswerCandidate candidate, int start, int end)
    {
        var words = candidate.Sentence.Words;
        if (candidate.FirstWord >= words.Count || candidate.EndWord <= candidate.FirstWord)
        {
            return false;
        }

        var from = words[candidate.FirstWord].Start;
        var to = words[Math.Min(candidate.EndWord, words.Count) - 1].Start + words[Math.Min(candidate.EndWord, words.Count) - 1].Length;
        return start < to && from < end;
    }

    /// <summary>Up to two lower-case words straight before a position, nearest first; empty when a name, number or punctuation is there.</summary>
    private static List<string> HeadBefore(string text, int position)
    {
        var head = new List<string>();
        var end = position;
        while (head.Count < 2)
        {
            var stop = end;
            while (stop > 0 && text[stop - 1] == ' ')
            {
                stop--;
            }

            // "the Jewish community. in Russia": a stray full stop inside a sentence still leaves the noun the head.
            if (head.Count == 0 && stop > 1 && text[stop - 1] == '.' && char.IsLower(text[stop - 2]))
            {
                stop--;
            }

            var begin = stop;
            while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] is '-' or '\'' or '’'))
            {
                begin--;
            }

            if (begin == stop || stop == end && end != position || char.IsUpper(text[begin]))
            {
                break;
            }

            var word = text[begin..stop].ToLowerInvariant();
            if (head.Count > 0 && StopWords.Contains(word))
            {
                break;
            }

            head.Add(word);
            end = begin;
        }

        return head;
    }

    /// <summary>"further fighting in Gaza", "the shelling in X": an -ing word after a determiner or modifier is a noun, not the verb.</summary>
    private static bool IsGerundNoun(string text, int prepositionAt, string word)
    {
        if (!word.EndsWith("ing", StringComparison.Ordinal) || word.Length < 6)
        {
            return false;
        }

        var before = Regex.Match(text[..prepositionAt], @"(?<w>[a-z][\w’'-]*)\s+[a-z]+ing\s*$", RegexOptions.RightToLeft);
        var previous = before.Success ? before.Groups["w"].Value : null;
        return previous is not null && (previous is "the" or "a" or "an" or "this" or "its" or "their" or "his" or "her" or "further" or "heavy" or "renewed"
            || !StopWords.Contains(previous) && !previous.EndsWith("ly", StringComparison.Ordinal) && !previous.EndsWith("ed", StringComparison.Ordinal) && Lexicon.Lemma(previous) == previous);
    }

    /// <summary>A lower-case word that can head a noun phrase: not a function word, verb form, adverb or number.</summary>
    private static bool IsPlainNoun(string word) =>
        word.Length > 2 && word.All(c => char.IsLetter(c) || c == '-') && !StopWords.Contains(word) && !LocativeVerbs.Contains(word)
        && !word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("ly", StringComparison.Ordinal)
        && Lexicon.Lemma(word) == word;

    /// <summary>Nouns naming a happening or a state of affairs, which a date or place can belong to.</summary>
    private static bool IsEventNoun(string noun) =>
        EventNounEnding().IsMatch(noun) || noun is "war" or "wars" or "death" or "birth" or "raid" or "attack" or "attacks" or "visit" or "visits"
            or "talks" or "meeting" or "summit" or "elections" or "election" or "crisis" or "conflict" or "coup" or "revolution" or "deal"
            or "victory" or "defeat" or "collapse" or "fall" or "rise" or "accession" or "siege" or "strike" or "strikes" or "invasion" or "trip"
            or "truce" or "ceasefire" or "agreement" or "treaty" or "war" or "ban" or "vote" or "crash" or "fire" or "flood" or "split" or "merger"
            or "killing" or "bombing" or "shooting" or "uprising" or "fighting" or "massacre" or "murder" or "arrest" or "release";

    private static bool IsTimeNoun(string noun) =>
        noun is "summer" or "winter" or "spring" or "autumn" or "fall" or "end" or "beginning" or "start" or "middle" or "half" or "part"
            or "week" or "month" or "year" or "years" or "decade" or "century" or "period" or "time" or "course" or "morning" or "evening" or "night" or "day";

    private static bool IsEventTerm(QuestionAnalysis question, string stem) =>
        question.Terms.Any(t => !t.IsRoleWord && t.Matches(stem));

    private static bool IsQuestionWord(QuestionAnalysis question, string lowerWord)
    {
        var stem = Lexicon.StemOf(lowerWord);
        return question.Terms.Any(t => t.Matches(stem)) || question.Names.Any(n => n.Words.Contains(Bare(lowerWord)));
    }

    /// <summary>The question's names and words, their stems, and the other forms of the countries among them (Russian → Russia).</summary>
    private static HashSet<string> OwnWords(QuestionAnalysis question)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in question.Names.SelectMany(n => n.Words).Concat(question.Terms.Select(t => t.Word)).Concat(Tokenizer.Words(question.Question).Select(Bare)))
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            own.Add(word);
            own.Add(Lexicon.StemOf(word));
            if (Gazetteer.FindCountry(Capitalise(word)) is { } country)
            {
                foreach (var form in Tokenizer.Words(country.Name + " " + country.Demonym))
                {
                    own.Add(form);
                }
            }
        }

        return own;
    }

    /// <summary>
    /// "Which ballet did Putin and Netanyahu watch?" — "Putin and Israeli Prime Minister Benjamin Netanyahu": the sentence
    /// writes the asked names in full, and a first name of an asked person is the question's own too.
    /// </summary>
    private static void AddFullNamesOfAskedNames(QuestionAnalysis question, EvidenceSentence sentence, HashSet<string> own)
    {
        // Only a name ending in an asked name is that person's full form: "UN Security Council" is not the UN's.
        var asked = question.Names.Select(n => n.Words[^1]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in sentence.Entities.Where(e => e.Kind is not (EntityKind.Place or EntityKind.Organization)))
        {
            var words = Tokenizer.Words(entity.Name);
            if (words.Count > 1 && asked.Contains(words[^1]))
            {
                // Its title ("Prime Minister") is the question's too, unless the question asks who the person is.
                var title = question.DescriptionTarget is null ? Tokenizer.Words(entity.Title ?? string.Empty) : [];
                own.UnionWith(words.Concat(title).Select(w => w.ToLowerInvariant()));
            }
        }
    }

    private static string Bare(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'', '’');

    /// <summary>
    /// "When did Iran retaliate?" — "On Sunday the Guards reiterated Iran's determination to retaliate": the date is of the
    /// promise; the retaliation has not happened. When every mention of the question's verb in the sentence is promised,
    /// planned, wished or denied ("vowed to", "would", "did not", "promised retaliation"), its dates are not the event's —
    /// unless the question asks about the promise itself ("when did Iran vow to retaliate").
    /// </summary>
    private static string? NotYetHappened(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Date || Tokenizer.Words(question.Question).Any(Unrealising.Contains))
        {
            return null;
        }

        // The verb is the last of the words taken for verbs that the sentence has ("did the army attack": "army" is the subject).
        var words = candidate.Sentence.Words;
        var mentions = question.Terms.Where(t => t.IsVerb && !Lexicon.LightWords.Contains(t.Word))
            .Select(v => Enumerable.Range(0, words.Count).Where(i => words[i].Stem == v.Stem || v.Related.Contains(words[i].Stem)).ToList())
            .LastOrDefault(m => m.Count > 0);
        if (mentions is null)
        {
            return null;
        }

        // Up to three words back, over "to", "not", a possessive or an adverb: "determination to retaliate", "would not attack".
        var unrealised = mentions.All(i => Enumerable.Range(Math.Max(0, i - 3), i - Math.Max(0, i - 3)).Any(k => Unrealising.Contains(words[k].Lower)));
        return unrealised ? $"the sentence says \"{words[mentions[0]].Lower}\" was promised or planned, not when it happened" : null;
    }

    /// <summary>
    /// "When did Iran retaliate for Haniyeh's killing?" — "after the assassination of Haniyeh in Iran on July 31": the
    /// sentence has the killing but not the retaliating, so its date is the killing's. When the question's verb is nowhere
    /// in the sentence (in any related form) and an event noun of the question is, the date is that other event's.
    /// </summary>
    private static string? DateOfTheNounNotTheVerb(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Date)
        {
            return null;
        }

        var sentence = candidate.Sentence;
        var verb = question.Terms.LastOrDefault(t => t.IsVerb && !Lexicon.LightWords.Contains(t.Word) && !IsEventNoun(t.Word));
        if (verb is null || sentence.Words.Any(w => Says(verb, w)))
        {
            return null;
        }

        // Only an event the question sets apart from its own ("for the killing", "against the arrest", "after the war"; not
        // "razed in a fire"), written just before the date ("the killing of Haniyeh in Iran on July 31").
        foreach (var term in question.Terms.Where(t => !t.IsVerb && IsEventNoun(t.Word)))
        {
            if (!Regex.IsMatch(question.Question, $@"\b(?:for|after|over|against|following|before|since|amid|despite)\s+(?:[\w'’-]+\s+){{0,3}}{Regex.Escape(term.Word)}\b", RegexOptions.IgnoreCase))
            {
                continue;
            }

            var near = Enumerable.Range(Math.Max(0, candidate.FirstWord - 12), Math.Min(12, candidate.FirstWord)).Any(i => Says(term, sentence.Words[i]));
            if (near)
            {
                return $"its date is of the {term.Word}, and it does not say \"{verb.Word}\"";
            }
        }

        return null;
    }

    /// <summary>"Apart from the United States, who …": the United States is what the question has set aside.</summary>
    private static string? ExcludedByTheQuestion(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Excluded is not { } excluded)
        {
            return null;
        }

        var asked = Tokenizer.Words(excluded).Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var said = Tokenizer.Words(candidate.Text).Where(w => !StopWords.Contains(w)).ToList();
        return said.Count > 0 && said.All(asked.Contains) ? $"the question sets {excluded} aside" : null;
    }

    /// <summary>"Where did Abbas travel right after Moscow?" — not Moscow, nor a place in it ("the residence in Moscow").</summary>
    private static string? WhereTheyWereBefore(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Preceding is not { } preceding)
        {
            return null;
        }

        // Leaving Russia is leaving its capital too.
        var country = Gazetteer.FindCountry(Capitalise(preceding)) ?? Gazetteer.CountryOfCapital(Capitalise(preceding));
        var left = Tokenizer.Words(country is null ? preceding : $"{preceding} {country.Name} {country.Capital}").ToHashSet(StringComparer.Ordinal);
        return Tokenizer.Words(candidate.Text).Any(left.Contains) ? $"{candidate.Text} is where they were before, not where they went next" : null;
    }

    /// <summary>The word is the term in any form the matching accepts: its stem, its family, its WordNet relatives.</summary>
    private static bool Says(QuestionTerm term, SentenceWord word) =>
        word.Stem == term.Stem || term.Related.Contains(word.Stem) || Lexicon.Similar(term.Word).Stems.Contains(word.Stem);

    /// <summary>"Which city in Kazakhstan hosted them?" — "Washington" is the capital of another country, not a city in Kazakhstan.</summary>
    private static string? PlaceOutsideTheAskedCountry(QuestionAnalysis question, AnswerCandidate candidate)
    {
        if (question.Type != AnswerType.Place)
        {
            return null;
        }

        var asked = PlaceInCountry().Match(question.Question);
        if (!asked.Success || Gazetteer.FindCountry(asked.Groups["country"].Value) is not { } country)
        {
            return null;
        }

        var other = Gazetteer.FindCountry(candidate.Text) ?? Gazetteer.CountryOfCapital(candidate.Text);
        return other is not null && other != country ? $"{candidate.Text} is not in {country.Name}" : null;
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex(@"^\s*(?:and\s+|so\s+|but\s+)?who(?:m|se)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhoQuestion();

    [GeneratedRegex(@"(?:\b(?<prep>in|at|near|inside|outside|to|into|from|toward|towards|across|throughout|within|via|off)|\b(?<verb>visit|visited|visiting|visits|toured|reached|entered|held|based|hosted|located|situated))(?:\s+the)?(?:\s+(?:communist|socialist|neighbouring|neighboring|nearby|northern|southern|eastern|western|central|occupied|besieged))?\s*$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex LocativeBefore();

    [GeneratedRegex(@"^(?:when|where|what\s+year|which\s+year|in\s+what\s+year|in\s+which\s+year|what\s+date|on\s+what\s+date)\s+(?:was|were|has\s+been|had\s+been)\s+(?<subject>.+?)\s+(?<verb>(?!based\b|located\b|situated\b|known\b|called\b|named\b)[a-z]+(?:ed|en|wn|lt|nt|un))\b")]
    private static partial Regex PassiveQuestion();

    [GeneratedRegex(@"(?:tion|sion|ment)s?$")]
    private static partial Regex EventNounEnding();

    [GeneratedRegex(@"\b(?:city|town|village|port|capital|region|province|state|district)\s+(?:in|of)\s+(?:the\s+)?(?<country>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")]
    private static partial Regex PlaceInCountry();
}
