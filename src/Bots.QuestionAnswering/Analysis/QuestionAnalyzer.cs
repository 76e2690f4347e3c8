using System.Text.RegularExpressions;
using Bots.Text;
using Bots.Text.Dates;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Analysis;

/// <summary>
/// Reads a question as typed in a chat (any case, with or without a question mark, keyword-style) into its expected
/// answer type, the names it is about, its content words and its date constraints.
/// </summary>
public static partial class QuestionAnalyzer
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "much", "many", "long", "old",
        "did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could",
        "year", "date", "day", "month", "decade", "century", "time", "period", "era", "tell", "me", "please", "know", "name",
        "the", "a", "an", "of", "in", "on", "at", "to", "and", "exactly", "ago", "percentage", "percent", "often", "frequently",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "city", "country", "town", "place", "capital", "region", "state", "residence", "location", "venue",
        "province", "village", "nation", "territory", "island", "building", "site", "palace", "airport", "hotel",
    };

    private static readonly HashSet<string> OrgNouns = new(StringComparer.Ordinal)
    {
        "organization", "organisation", "group", "party", "movement", "faction", "agency", "ministry", "company",
        "university", "institution", "newspaper", "body", "militant", "militants", "team", "club", "network",
        "outlet", "council", "committee", "school", "college", "firm", "bank", "church",
    };

    private static readonly HashSet<string> PersonNouns = new(StringComparer.Ordinal)
    {
        "person", "leader", "president", "minister", "official", "man", "woman", "expert", "analyst", "spokesman",
        "spokeswoman", "journalist", "author", "professor", "diplomat", "politician", "king", "queen", "chairman",
        "individual", "artist", "coach", "architect", "writer", "painter", "founder", "director", "priest", "player",
        "scientist", "composer", "designer", "inventor", "bishop", "pope", "singer", "actor", "poet", "engineer",
    };

    private static readonly HashSet<string> MeasureNouns = new(StringComparer.Ordinal)
    {
        "gdp", "population", "cost", "price", "budget", "size", "area", "salary", "revenue", "rate", "height",
        "number", "amount", "toll", "value", "worth", "income", "debt", "deficit", "turnout", "length", "weight",
        "age", "total", "share", "percentage", "capacity", "enrollment", "enrolment", "count", "score", "distance",
        "speed", "temperature", "attendance", "margin", "ratio", "density", "altitude", "elevation", "depth", "width", "volume",
    };

    private static readonly HashSet<string> MoneyWords = new(StringComparer.Ordinal)
    {
        "money", "cost", "costs", "pay", "paid", "spend", "spent", "worth", "price", "budget", "dollars", "euros",
        "funding", "fund", "funds", "charge", "earn", "earned", "raise", "raised", "invest", "invested",
        "profit", "profits", "loss", "losses", "sales", "turnover", "earnings", "revenue", "revenues", "surcharge", "fee",
        "fees", "fare", "fares", "tax", "taxes", "salary", "wage", "wages", "fine", "bonus", "dividend",
    };

    /// <summary>Amounts a business or economy story reports: a keyword-style question naming one asks for the amount.</summary>
    private static readonly HashSet<string> ReportedAmounts = new(StringComparer.Ordinal)
    {
        "profit", "profits", "loss", "losses", "sales", "turnover", "earnings", "revenue", "revenues", "surcharge", "fee",
        "fees", "fare", "fares", "price", "prices", "cost", "costs", "gdp", "population", "salary", "budget", "debt", "deficit",
    };

    private static readonly HashSet<string> OrgVerbs = new(StringComparer.Ordinal)
    {
        "win", "won", "lead", "led", "leads", "control", "controls", "controlled", "rule", "ruled", "govern",
        "governs", "claim", "claimed", "organize", "organise", "organized", "organised", "sponsor", "sponsored",
        "fund", "funded", "form", "formed", "found", "founded", "sign", "signed", "attack", "attacked", "run", "runs",
        "own", "owns", "owned", "publish", "published", "employ", "employs", "host", "hosted", "recognize",
        "recognise", "recognized", "recognised", "build", "built", "establish", "established",
    };

    private static readonly HashSet<string> RoleModifiers = new(StringComparer.Ordinal)
    {
        "foreign", "prime", "defense", "defence", "interior", "finance", "deputy", "vice", "chief", "general",
        "supreme", "former", "current", "new", "political", "senior", "top", "first", "secretary", "state",
    };

    /// <summary>Bodies an office belongs to: "the Foreign Ministry spokesman", "the party secretary", "the army chief".</summary>
    private static readonly HashSet<string> OfficeBodies = new(StringComparer.Ordinal)
    {
        "ministry", "department", "office", "council", "government", "army", "agency", "party", "committee", "commission",
        "cabinet", "embassy", "administration", "parliament", "court", "bank", "police", "military", "navy", "union",
    };

    /// <summary>Nouns that only frame the question ("what type of", "the name of", "the size of"): no evidence repeats them.</summary>
    private static readonly HashSet<string> GenericNouns = new(StringComparer.Ordinal)
    {
        "type", "kind", "sort", "name", "amount", "size", "terms", "part", "number", "example",
    };

    private static readonly string[] Fillers =
    [
        "and", "so", "but", "also", "ok", "okay", "please", "tell me", "can you tell me", "could you tell me",
        "do you know", "i want to know", "i wonder", "i'd like to know", "then", "well", "hey", "hi",
    ];

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "him", "her", "them", "his", "their", "it", "its", "hers", "theirs",
    };

    [GeneratedRegex(@"^who\s+(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|may|might|else)\b)[a-z]+(?:ed|s)?\s+\S")]
    private static partial Regex DoerQuestionRegex();

    [GeneratedRegex(@"\bby\s+how\s+(?:much|many)\b|\bhow\s+much\s+(?:did|does|has|have|had|will)\b.*\b(?:rise|rose|risen|fall|fell|fallen|jump|jumped|drop|dropped|grow|grew|grown|increase|increased|decrease|decreased|climb|climbed|slump|slumped|gain|gained)\b")]
    private static partial Regex ChangeQuestionRegex();

    /// <summary>"When had Abbas last visited Moscow", "when did Labour previously hold …": the time before the one reported.</summary>
    [GeneratedRegex(@"\b(?:last|previously|before\s+this|before\s+that)\b(?!\s+(?:year|years|month|months|week|weeks|day|days|weekend|night|season|time|summer|winter|spring|autumn|fall|decade|century|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)")]
    private static partial Regex PreviousTimeRegex();

    [GeneratedRegex(@"\bsince\s+(?:when|which|what)\b|\bhow\s+far\s+back\b|\b(?:date|dates|dated|dating|go|goes|going|went|trace|traces|traced)\s+back\b")]
    private static partial Regex SinceRegex();

    /// <summary>"right after", "next", "after leaving": words that place the asked place in a sequence, said by no evidence.</summary>
    private static readonly HashSet<string> SequenceWords = new(StringComparer.Ordinal)
    {
        "right", "immediately", "just", "directly", "straight", "shortly", "next", "then", "after", "leaving", "departing",
    };

    [GeneratedRegex(@"\bafter\s+(?:leaving|departing|visiting)\b|\b(?:right|immediately|just|directly|straight|shortly)\s+after\b|\bnext$")]
    private static partial Regex SequenceQuestion();

    /// <summary>"the trip's end date", "when did the visit end": of a span the articles give, its last day.</summary>
    [GeneratedRegex(@"\b(?:end|ending|closing|final|last)\s+(?:date|day)\b|^when\s+(?:did|does|will)\b.*\b(?:end|finish|conclude|close)$")]
    private static partial Regex RangeEndRegex();

    /// <summary>"the trip's start date", "when did the visit begin": of a span the articles give, its first day.</summary>
    [GeneratedRegex(@"\b(?:start|starting|opening|first|beginning)\s+(?:date|day)\b|^when\s+(?:did|does|will)\b.*\b(?:begin|start|open|commence)$")]
    private static partial Regex RangeStartRegex();

    [GeneratedRegex(@"\b(?:name|names|named|called|known\s+as|titled|nickname|nicknamed)\b")]
    private static partial Regex AsksForNameRegex();

    [GeneratedRegex(@"^(?:who|what)(?:'s|’s|\s+(?:is|was|are|were))\s+(?<x>.+)$")]
    private static partial Regex CopulaQuestion();

    /// <summary>Analyses one question; <paramref name="reference"/> resolves "last year" and the like.</summary>
    public static QuestionAnalysis Analyze(string question, DateOnly? reference = null, string? previousQuestion = null, string? previousAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = Clean(question);

        // "Apart from the United States, who has designated Hamas …?": the answer is someone else, and the question is about the rest.
        var excluded = ExceptPhrase().Match(text);
        var excludedName = excluded.Success ? excluded.Groups["name"].Value.Trim() : null;
        if (excluded.Success)
        {
            text = text[excluded.Length..].TrimStart();
        }

        // "According to Liu, what is …", "… according to the ministry?": who says it is a name the evidence must have, not
        // part of what is asked.
        var according = AccordingToPhrase().Match(text);
        var source = according.Success ? according.Groups["name"].Value.Trim() : null;
        if (according.Success)
        {
            text = (text[..according.Index] + text[(according.Index + according.Length)..]).Trim();
        }

        text = AskForTheHolder(text);
        IReadOnlyList<QuestionTerm> contextTerms = [];
        IReadOnlyList<FocusName> inheritedNames = [];
        if (!string.IsNullOrWhiteSpace(previousQuestion) && MentionsPronoun(text))
        {
            var previous = Analyze(previousQuestion, reference);
            inheritedNames = previous.Names;
            contextTerms = previous.Terms.Where(t => !t.IsRoleWord).ToList();
            if (!string.IsNullOrWhiteSpace(previousAnswer))
            {
                var answerNames = EntityRecognizer.Recognize(previousAnswer).Where(e => e.Kind is EntityKind.Person or EntityKind.Organization).ToList();
                if (answerNames.Count > 0 && previous.Type is AnswerType.Person or AnswerType.Organization)
                {
                    inheritedNames = answerNames.Select(e => ToFocus(e.Name, e.Kind)).ToList();
                }
            }
        }

        var lower = text.ToLowerInvariant();
        // A question's "September 11" names a day of any year ("since the September 11 attacks"): the year the extractor
        // would infer from the reference date is a guess the evidence must not be held to.
        var dates = DateExtractor.Extract(text, reference)
            .Where(d => d.Precision != Text.Dates.DatePrecision.Day || d.From is not null || d.Month is not null)
            .Select(d => d.YearInferred && !d.IsRelative ? d with { Year = null, From = null, To = null } : d)
            .ToList();
        var entities = EntityRecognizer.Recognize(text)
            .Where(e => !dates.Any(d => d.Start < e.End && e.Start < d.End))
            .ToList();

        var analysis = DetectType(lower, text);
        var names = new List<FocusName>();
        var roleWords = new List<string>();
        // "abbas-putin" is said by its two names and "soviets" by its country's: no event words of their own.
        var pairWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            if (entity.Title is not null)
            {
                roleWords.AddRange(Tokenizer.Words(entity.Title).Where(w => !StopWords.Contains(w)));
            }

            // "the Abbas-Putin meeting", "the Fatah-Hamas deal": two names joined for the occasion, which the articles write
            // apart ("Abbas met Putin"); each must be supported. Text words are split at hyphens too, so an article that
            // does write "Russia-Palestine relations" still mentions both.
            if (NamePair(entity) is { } pair)
            {
                pairWords.Add(entity.Name.ToLowerInvariant());
                names.AddRange(pair.Select(PairPartFocus).Where(part => part.Words.Count > 0 && names.All(n => !n.Words.SequenceEqual(part.Words))));
                continue;
            }

            var focus = ToFocus(entity.Name, entity.Kind);
            if (focus.Words.Count > 0 && (IsInitials(entity.Name) || !focus.Words.All(w => QuestionWords.Contains(w) || StopWords.Contains(w))) && !IsOpeningAdverb(text, entity))
            {
                names.Add(focus);
            }
        }

        // "Russian-trained militants": who trained them is part of the question; an answer about Chinese-trained ones is none.
        foreach (Match compound in NameCompound().Matches(question))
        {
            if (Gazetteer.FindCountry(compound.Groups["name"].Value) is { } country && names.All(n => !n.Text.Equals(country.Name, StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(ToFocus(country.Name, EntityKind.Place));
            }
        }

        // "Did Moscow break off relations", "has Washington said": a capital acting stands for its government, which the
        // articles also call by the country's name. A capital as a place ("visit Moscow") stays the city.
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Kind == EntityKind.Place && Gazetteer.CountryOfCapital(names[i].Text) is { } governed && ActingCapital(names[i].Text).IsMatch(text))
            {
                names[i] = names[i] with { Aliases = [.. names[i].Aliases, Tokenizer.Words(governed.Name).ToList(), [governed.Demonym.ToLowerInvariant()]] };
            }
        }

        // "the Soviets", "the Americans": a people stands for its country, whose name, demonym or capital the articles use.
        foreach (Match people in PeopleOfACountry().Matches(text))
        {
            var word = people.Groups["p"].Value;
            if (Gazetteer.FindCountry(word[..^1]) is { } country && Gazetteer.IsDemonym(word[..^1]) && names.All(n => !n.Text.Equals(country.Name, StringComparison.OrdinalIgnoreCase)))
            {
                names.RemoveAll(n => n.Text.Equals(word, StringComparison.OrdinalIgnoreCase));
                names.Add(ToFocus(country.Name, EntityKind.Place));
                pairWords.Add(word.ToLowerInvariant());
            }
        }

        // "russia-palestine relations" typed in lower case: a pair of countries is a pair of names all the same.
        foreach (Match pair in HyphenatedPair().Matches(text))
        {
            if (Gazetteer.FindCountry(pair.Groups["a"].Value) is { } first && Gazetteer.FindCountry(pair.Groups["b"].Value) is { } second && first != second)
            {
                pairWords.Add(pair.Value.ToLowerInvariant());
                foreach (var country in new[] { first, second }.Where(c => names.All(n => !n.Text.Equals(c.Name, StringComparison.OrdinalIgnoreCase))))
                {
                    names.Add(ToFocus(country.Name, EntityKind.Place));
                }
            }
        }

        if (source is not null && !StopWords.Contains(source.ToLowerInvariant()))
        {
            var said = EntityRecognizer.Recognize(source).FirstOrDefault(e => e.Kind != EntityKind.Other) is { } entity
                ? ToFocus(entity.Name, entity.Kind)
                : ToFocus(Regex.Replace(source, @"^(?:the|a|an)\s+", string.Empty, RegexOptions.IgnoreCase), EntityKind.Other);
            if (said.Words.Count > 0 && !names.Any(n => n.Words.SequenceEqual(said.Words)))
            {
                names.Add(said);
            }
        }

        foreach (var inherited in inheritedNames)
        {
            if (!names.Any(n => n.Words.SequenceEqual(inherited.Words)))
            {
                names.Add(inherited);
            }
        }

        var nameWords = new HashSet<string>(names.SelectMany(n => n.Words), StringComparer.Ordinal);
        var typeModifiers = TypeModifiers(text, analysis.TypeNoun);
        var asksForExpansion = Regex.IsMatch(lower, @"\bstand\s+for$");
        // "since when", "how far back", "dating back": words that ask, which no evidence needs to repeat.
        var since = analysis.Type == AnswerType.Date ? SinceRegex().Match(lower) : Match.Empty;
        var terms = new List<QuestionTerm>();
        var wordTokens = Tokenizer.Tokenize(text).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).ToList();
        var lowerWords = wordTokens.Select(t => t.Text.ToLowerInvariant()).ToList();
        for (var index = 0; index < wordTokens.Count; index++)
        {
            var token = wordTokens[index];
            if (dates.Any(d => d.Start <= token.Start && token.Start < d.End) || since.Success && since.Index <= token.Start && token.Start < since.Index + since.Length)
            {
                continue;
            }

            var word = lowerWords[index];
            var bare = StripPossessive(word);
            if (nameWords.Contains(bare) || pairWords.Contains(bare) || StopWords.Contains(word) || QuestionWords.Contains(word) || Pronouns.Contains(word)
                || bare == analysis.TypeNoun && analysis.Type is AnswerType.Place or AnswerType.Organization or AnswerType.Person
                || Lexicon.LightWords.Contains(Lexicon.Lemma(word)) || IsPassiveLightVerb(lowerWords, index)
                || word is "last" or "previously" && analysis.Type == AnswerType.Date && PreviousTimeRegex().IsMatch(lower)
                || SequenceWords.Contains(word) && analysis.Type == AnswerType.Place && SequenceQuestion().IsMatch(lower))
            {
                continue;
            }

            var stem = Lexicon.StemOf(bare);
            if (terms.Any(t => t.Stem == stem))
            {
                continue;
            }

            // "Currently, where …": an adverb opening the question is capitalised, no name; "what does X stand for" asks for the
            // expansion, which no evidence calls standing for anything.
            if (GenericNouns.Contains(bare) || token.Start == 0 && IsAdverb(bare) || asksForExpansion && bare is "stand" or "acronym" or "abbreviation" or "initials" or "letters")
            {
                continue;
            }

            // "Which individual painted …": the asked-for noun describes the answer; the evidence need not repeat it.
            var isRole = EntityRecognizer.IsTitleWord(bare) || Gazetteer.IsDemonym(bare) || RoleModifiers.Contains(bare) || typeModifiers.Contains(word)
                || analysis.Type == AnswerType.Description && (word == analysis.TypeNoun || RoleNouns.Contains(bare) && RoleQuestion().IsMatch(lower));
            // "world war 2" is "World War II" in the articles: a small number stands for its other spellings too.
            var numerals = Numerals.OtherForms(bare);
            var related = numerals.Count == 0 ? Lexicon.RelatedStems(stem) : [.. Lexicon.RelatedStems(stem), .. numerals.Select(Lexicon.StemOf)];
            terms.Add(new QuestionTerm(bare, stem, related, isRole)
            {
                IsVerb = !isRole && IsVerbAt(lowerWords, index, nameWords),
                Similar = isRole ? SimilarWords.None : Lexicon.Similar(bare),
            });
        }

        if (analysis.Type == AnswerType.Description && analysis.DescriptionTarget is { } target)
        {
            var targetWords = Tokenizer.Words(target).Where(w => !StopWords.Contains(w)).ToList();
            // "Who were the first two PLO leaders?": how many are asked for is no part of the role, and "leaders" is the role "leader".
            targetWords = targetWords.Where(w => Bots.Text.Quantities.QuantityExtractor.ParseNumber(w) is null)
                .Select(w => w.Length > 3 && w.EndsWith('s') && EntityRecognizer.IsTitleWord(w[..^1]) ? w[..^1] : w).ToList();
            if (targetWords.Count > 0 && targetWords.All(w => EntityRecognizer.IsTitleWord(w) || Gazetteer.IsDemonym(w) || RoleModifiers.Contains(w)))
            {
                // "Who is the Palestinian president?" asks for the person holding a role, not a description.
                analysis = analysis with { Type = AnswerType.Person, DescriptionTarget = null, RoleWords = targetWords };
            }
            else if (analysis.Question.StartsWith("who", StringComparison.Ordinal) && targetWords.Any(EntityRecognizer.IsTitleWord)
                && targetWords.All(w => EntityRecognizer.IsTitleWord(w) || RoleModifiers.Contains(w) || nameWords.Contains(StripPossessive(w))))
            {
                // "Who is the Acme chairman?": the company is a name the evidence must have; the role is the rest.
                analysis = analysis with { Type = AnswerType.Person, DescriptionTarget = null, RoleWords = targetWords.Where(w => !nameWords.Contains(StripPossessive(w))).ToList() };
            }
        }

        // "What title did Thomas Blantz have?", "What is the title of Theodore Hesburgh?": the person's role, said of them.
        if (analysis.Type == AnswerType.Description && RoleNouns.Contains(RoleNounOf(analysis) ?? string.Empty)
            && names.LastOrDefault(n => n.Kind == EntityKind.Person || n.Words.Count >= 2 && n.Kind == EntityKind.Other) is { } holder)
        {
            analysis = analysis with { DescriptionTarget = holder.Text, TypeNoun = RoleNounOf(analysis) };
        }
        else if (analysis.Type == AnswerType.Description && RoleQuestion().Match(lower) is { Success: true } roleAsked)
        {
            // "what post does sergei shoigu hold", "what is shoigu's job": the same, however the holder is typed.
            var holderText = text.Substring(roleAsked.Groups["h"].Index, roleAsked.Groups["h"].Length);
            analysis = analysis with { DescriptionTarget = holderText, TypeNoun = roleAsked.Groups["n"].Value };
        }

        // "What is the primary seminary of …" asks which thing that is (a name with that head), not what a seminary is
        // ("who is the developer of …" asks for a role holder, whatever the head);
        // the head stays a word the evidence must say, so a question about something the articles lack still declines.
        if (analysis.Type == AnswerType.Description && analysis.TypeNoun is null && !lower.StartsWith("who", StringComparison.Ordinal)
            && CopulaQuestion().Match(lower) is { Success: true } described)
        {
            analysis = analysis with { TypeNoun = IdentityHead(text.Substring(described.Groups["x"].Index, described.Groups["x"].Length)) };
        }

        if (analysis.Type == AnswerType.Quantity && analysis.TypeNoun is null && UnitAsked().Match(lower) is { Success: true } unit)
        {
            analysis = analysis with { TypeNoun = unit.Groups["u"].Value.Split(' ')[^1] };
        }

        if (analysis.Type == AnswerType.Person)
        {
            var verbs = Tokenizer.Words(lower);
            analysis = analysis with { AcceptsOrganization = verbs.Any(OrgVerbs.Contains) };
        }

        return analysis with
        {
            Question = text,
            Names = names,
            Terms = terms,
            // "When did Abbas meet Putin in 2015?" asks for a time within 2015; "which year …" asks for the year itself; "what
            // month in 2020" and "on what date in 2021" ask for a time within the year they give.
            DateConstraints = analysis.Type == AnswerType.Date && analysis.DatePrecision is not (Text.Dates.DatePrecision.Day or Text.Dates.DatePrecision.Month or Text.Dates.DatePrecision.Season)
                ? dates.Where(d => d.Precision <= (analysis.DatePrecision is null ? Text.Dates.DatePrecision.Year : Text.Dates.DatePrecision.Month)).ToList()
                : dates,
            RoleWords = analysis.RoleWords.Count > 0 ? analysis.RoleWords : roleWords,
            Nationalities = Nationalities(text, terms),
            AsksForTheDoer = analysis.Type == AnswerType.Person && DoerQuestionRegex().IsMatch(lower),
            AsksForChange = ChangeQuestionRegex().IsMatch(lower),
            AsksForPrevious = analysis.Type == AnswerType.Date && PreviousTimeRegex().IsMatch(lower),
            AsksForSince = analysis.Type == AnswerType.Date && SinceRegex().IsMatch(lower),
            AsksForEnd = analysis.Type == AnswerType.Date && RangeEndRegex().IsMatch(lower),
            AsksForStart = analysis.Type == AnswerType.Date && RangeStartRegex().IsMatch(lower),
            PossessedNoun = analysis.Type == AnswerType.Person && Regex.Match(lower, @"^(?:\w+\s+){0,2}?whose\s+(?<n>[a-z][\w-]*)") is { Success: true } whose
                && !StopWords.Contains(whose.Groups["n"].Value) && !QuestionWords.Contains(whose.Groups["n"].Value) ? whose.Groups["n"].Value
                : analysis.Type == AnswerType.Place ? FromWhichCountry(lower) : null,
            AsksForName = analysis.Type is AnswerType.Description or AnswerType.Organization or AnswerType.Other && AsksForNameRegex().IsMatch(lower),
            AsksForList = analysis.Type is AnswerType.Place or AnswerType.Organization or AnswerType.Person or AnswerType.Description && IsPluralAsked(lower, analysis.TypeNoun),
            ContextTerms = contextTerms.Where(c => terms.All(t => t.Stem != c.Stem)).ToList(),
            Excluded = excludedName,
            Preceding = analysis.Type == AnswerType.Place ? PrecedingPlace(lower, names) : null,
        };
    }

    /// <summary>"a large diaspora from which country", "troops from what nation": the thing the country owns, as in "the Russian diaspora".</summary>
    private static string? FromWhichCountry(string lower) =>
        Regex.Match(lower, @"\b(?<n>[a-z][\w-]*)\s+from\s+(?:which|what)\s+(?:country|nation)\b") is { Success: true } from
        && !StopWords.Contains(from.Groups["n"].Value) && !QuestionWords.Contains(from.Groups["n"].Value) ? from.Groups["n"].Value : null;

    /// <summary>"where did she go (right) after Oslo", "after leaving Oslo, where did she head": the place left before.</summary>
    private static string? PrecedingPlace(string lower, IReadOnlyList<FocusName> names)
    {
        foreach (Match after in Regex.Matches(lower, @"\bafter\s+(?:leaving\s+|visiting\s+|departing\s+|(?:her|his|their|the)\s+(?:visit|trip|stay)\s+to\s+)?(?<rest>.+)$"))
        {
            var rest = after.Groups["rest"].Value;
            if (names.FirstOrDefault(n => n.Kind == EntityKind.Place && rest.StartsWith(n.Text.ToLowerInvariant(), StringComparison.Ordinal)) is { } place)
            {
                return place.Text;
            }
        }

        return null;
    }

    private static QuestionAnalysis DetectType(string lower, string text)
    {
        QuestionAnalysis Of(AnswerType type) => new() { Question = lower, Type = type };
        var afterHowMuch = HeadAfter(lower, "how much") ?? HeadAfter(lower, "how many");

        if (Regex.IsMatch(lower, @"\bhow\s+long\s+ago\b|\bhow\s+far\s+back\b"))
        {
            return Of(AnswerType.Date);
        }

        if (Regex.IsMatch(lower, @"\bhow\s+long\b"))
        {
            return Of(AnswerType.Duration);
        }

        if (Regex.IsMatch(lower, @"\bhow\s+old\b"))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Age };
        }

        if (Regex.IsMatch(lower, @"\bhow\s+(?:often|frequently)\b"))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Frequency };
        }

        if (Regex.IsMatch(lower, @"\bhow\s+(?:far|tall|high|large|big|deep|wide|heavy|fast|long\s+is)\b"))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Any };
        }

        if (Regex.IsMatch(lower, @"\bhow\s+many\b"))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Count, TypeNoun = afterHowMuch };
        }

        if (Regex.IsMatch(lower, @"\bhow\s+much\b"))
        {
            var money = afterHowMuch is not null && MoneyWords.Contains(afterHowMuch) || Tokenizer.Words(lower).Any(MoneyWords.Contains);
            return Of(AnswerType.Quantity) with { Quantity = money ? QuantityHint.Money : QuantityHint.Count, TypeNoun = afterHowMuch };
        }

        if (Regex.IsMatch(lower, @"\b(?:what|which|how\s+big\s+a|how\s+large\s+a)\s+(?:percentage|percent|proportion|share|fraction|portion|stake)\b"))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Percent };
        }

        // "What amount of the student body …", "what number of …": an amount, though no "how".
        if (Regex.IsMatch(lower, @"\b(?:what|which)\s+(?:amount|number|quantity)\b(?!\s+(?:is|was|are|were)\b)|\bby\s+how\s+much\b"))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Any };
        }

        // "What length is the course?", "what size …": a measure, asked with its name.
        var measure = Regex.Match(lower, @"\b(?:what|which)\s+(?<m>length|size|height|weight|distance|depth|width|area|speed|temperature|score|price|cost|population|capacity|budget|salary)\b");
        if (measure.Success)
        {
            var money = measure.Groups["m"].Value is "price" or "cost" or "budget" or "salary";
            return Of(AnswerType.Quantity) with { Quantity = money ? QuantityHint.Money : QuantityHint.Any, TypeNoun = measure.Groups["m"].Value };
        }

        var yearMatch = Regex.Match(lower, @"\b(?:what|which)\s+(?<unit>year|decade|century)\b");
        if (yearMatch.Success)
        {
            var precision = yearMatch.Groups["unit"].Value switch
            {
                "decade" => Text.Dates.DatePrecision.Decade,
                "century" => Text.Dates.DatePrecision.Century,
                _ => Text.Dates.DatePrecision.Year,
            };
            return Of(AnswerType.Date) with { DatePrecision = precision };
        }

        // "What day of the week …": the weekday of the date the articles give.
        if (Regex.IsMatch(lower, @"\b(?:what|which)\s+(?:day\s+of\s+the\s+week|weekday)\b"))
        {
            return Of(AnswerType.Date) with { DatePrecision = Text.Dates.DatePrecision.Day, AsksForWeekday = true };
        }

        // "In what season of 1974 …": the season, in the year the question gives.
        if (Regex.IsMatch(lower, @"\b(?:what|which)\s+season\b"))
        {
            return Of(AnswerType.Date) with { DatePrecision = Text.Dates.DatePrecision.Season };
        }

        // "What month …" is not answered by a year, nor "on what date" by a month alone.
        if (Regex.IsMatch(lower, @"\b(?:what|which)\s+month\b"))
        {
            return Of(AnswerType.Date) with { DatePrecision = Text.Dates.DatePrecision.Month };
        }

        if (Regex.IsMatch(lower, @"\b(?:what|which)\s+(?:date|day)\b"))
        {
            return Of(AnswerType.Date) with { DatePrecision = Text.Dates.DatePrecision.Day };
        }

        if (Regex.IsMatch(lower, @"\b(?:what|which)\s+(?:time|years|dates|period|periods|era|decades)\b") || Regex.IsMatch(lower, @"\bwhen\b") && !SubordinateWhen(lower))
        {
            return Of(AnswerType.Date);
        }

        if (IsRankQuestion(lower))
        {
            return Of(AnswerType.Quantity) with { Quantity = QuantityHint.Rank };
        }

        if (Regex.IsMatch(lower, @"\bwhere\b"))
        {
            return Of(AnswerType.Place);
        }

        // "What type of degree …" asks for a degree; "which architectural style" for a style.
        var whichNoun = Regex.Match(lower, @"\b(?:what|which)\s+(?:(?:type|kind|sort|form)s?\s+of\s+)?(?<n>[a-z]+)");
        var askedHead = whichNoun.Success ? AskedHead(text, whichNoun.Groups["n"].Index) ?? whichNoun.Groups["n"].Value : null;
        var askedNoun = askedHead is not null && !StopWords.Contains(askedHead) && !QuestionWords.Contains(askedHead) ? askedHead : null;
        // "What type of institution is Notre Dame?" asks for a kind ("a Catholic research university"), not one institution.
        var asksForAKind = whichNoun.Success && Regex.IsMatch(lower[whichNoun.Index..], @"^(?:what|which)\s+(?:type|kind|sort|form)s?\s+of\b");
        if (whichNoun.Success && !asksForAKind)
        {
            // "which news outlet", "what football club": a type noun later in the asked-for phrase says its type.
            var noun = askedHead!;
            var phrase = Tokenizer.Words(lower[whichNoun.Groups["n"].Index..]).TakeWhile(w => !PhraseEnders.Contains(w)).Take(3).ToList();
            var typed = phrase.LastOrDefault(IsTypeNoun);
            if (typed is not null && typed != noun && !IsTypeNoun(noun))
            {
                noun = typed;
                askedNoun = typed;
            }

            var singular = Singular(noun);
            if (PlaceNouns.Contains(noun) || PlaceNouns.Contains(singular))
            {
                return Of(AnswerType.Place) with { TypeNoun = noun };
            }

            if (OrgNouns.Contains(noun) || OrgNouns.Contains(singular))
            {
                return Of(AnswerType.Organization) with { TypeNoun = noun };
            }

            if (PersonNouns.Contains(noun) || PersonNouns.Contains(singular))
            {
                return Of(AnswerType.Person) with { TypeNoun = noun, AcceptsOrganization = false };
            }
        }

        // "What does NCAA stand for?": the expansion of the acronym.
        var standsFor = Regex.Match(text, @"^(?:what|which)\s+(?:does|do|did)\s+(?:the\s+)?(?:(?:acronym|abbreviation|initials|letters)\s+)?(?<x>.+?)\s+stand\s+for$", RegexOptions.IgnoreCase);
        if (standsFor.Success)
        {
            return Of(AnswerType.Description) with { DescriptionTarget = standsFor.Groups["x"].Value };
        }

        // "Who was named ambassador", "who was elected": a passive asks for the person it was done to, not for a description.
        var copula = CopulaQuestion().Match(lower);
        var passive = copula.Success && lower.StartsWith("who", StringComparison.Ordinal)
            && Tokenizer.Words(copula.Groups["x"].Value).FirstOrDefault() is { } firstWord
            && (firstWord.EndsWith("ed", StringComparison.Ordinal) && firstWord.Length > 4 || Lexicon.Lemma(firstWord) != firstWord);
        if (copula.Success && !passive)
        {
            var target = copula.Groups["x"].Value.Trim();
            // "the GDP of Russia", "the average SAT score, on …": the measure is the first word or the head of the first phrase.
            var head = Tokenizer.Words(target).FirstOrDefault(w => !StopWords.Contains(w));
            var phraseHead = Tokenizer.Tokenize(target).SkipWhile(t => t.Kind == TokenKind.Word && t.Text is "the" or "a" or "an")
                .TakeWhile(t => t.Kind == TokenKind.Word && !StopWords.Contains(t.Text) && !PhraseEnders.Contains(t.Text)).Select(t => t.Text).LastOrDefault();
            if (head is not null && !MeasureNouns.Contains(head) && phraseHead is not null && MeasureNouns.Contains(phraseHead))
            {
                head = phraseHead;
            }

            // "What was BA's pre-tax profit?": the amount is the head of the phrase, after its owner and modifiers.
            var lastOfPhrase = Tokenizer.Words(Regex.Replace(target, @"\s+(?:of|in|at|for|over|on|during|to|from)\s.*$", string.Empty)).LastOrDefault();
            if (lower.StartsWith("what", StringComparison.Ordinal) && lastOfPhrase is not null && lastOfPhrase != head && ReportedAmounts.Contains(lastOfPhrase))
            {
                head = lastOfPhrase;
            }

            if (lower.StartsWith("what", StringComparison.Ordinal) && head is not null && (MeasureNouns.Contains(head) || ReportedAmounts.Contains(head)))
            {
                return Of(AnswerType.Quantity) with { TypeNoun = head, Quantity = head is "cost" or "price" or "budget" or "salary" or "revenue" or "income" or "worth" or "value" or "gdp" or "debt" || MoneyWords.Contains(head) ? QuantityHint.Money : QuantityHint.Any };
            }

            // "Who was the president of Notre Dame in 2012?", "who is the current president": a role holder, not a description of the role.
            // "Who was Russia's prime minister …", "who is BA's chairman": the owner before the role is a name, not the role.
            var targetWords = Tokenizer.Words(target).Where(w => !StopWords.Contains(w)).ToList();
            // "Who was the Russian Foreign Ministry spokesman …": the body the role belongs to names the office too.
            var roleAt = targetWords.FindIndex(w => !(RoleModifiers.Contains(w) && !EntityRecognizer.IsTitleWord(w) || IsOwner(w) || OfficeBodies.Contains(w)));
            var role = roleAt < 0 ? null : targetWords[roleAt];
            if (lower.StartsWith("who", StringComparison.Ordinal) && role is not null && (EntityRecognizer.IsTitleWord(role) || PersonNouns.Contains(role)))
            {
                // "prime minister" is another office than "foreign minister": the modifiers that name the office count too.
                var modifiers = targetWords.Take(roleAt).Where(w => RoleModifiers.Contains(w) && !TimeModifiers.Contains(w) || Gazetteer.IsDemonym(w));
                return Of(AnswerType.Person) with { RoleWords = [.. modifiers, role] };
            }

            if (Tokenizer.Words(target).Count <= 8)
            {
                return Of(AnswerType.Description) with { DescriptionTarget = target, TypeNoun = askedNoun };
            }
        }

        if (Regex.IsMatch(lower, @"\bwho(?:m|se)?\b"))
        {
            return Of(AnswerType.Person);
        }

        // "haniyeh death date", "abbas moscow trip dates": a keyword question naming a date asks for it.
        if (Regex.IsMatch(lower, @"\b(?:date|dates|year|years)\b"))
        {
            return Of(AnswerType.Date);
        }

        // "Gurian created what in 1939?", "… is beside to which structure?": the wh-word need not come first.
        // "BA pre-tax profit three months to December 2004": a keyword question naming a reported amount asks for it.
        var amount = Tokenizer.Words(lower).FirstOrDefault(ReportedAmounts.Contains);
        if (amount is not null && !Regex.IsMatch(lower, @"\b(?:what|which|who|why)\b"))
        {
            return Of(AnswerType.Quantity) with { TypeNoun = amount, Quantity = MoneyWords.Contains(amount) ? QuantityHint.Money : QuantityHint.Any };
        }

        return Regex.IsMatch(lower, @"\b(?:what|which)\b") ? Of(AnswerType.Description) with { TypeNoun = askedNoun } : Of(AnswerType.Other);
    }

    /// <summary>
    /// "What was the endowment when Malloy became president?", "When Malloy took over, what was …": another wh-word asks
    /// the question and "when" only opens a clause that dates it ("when and where" still asks when).
    /// </summary>
    internal static bool SubordinateWhen(string lower) =>
        Regex.IsMatch(lower, @"\b(?:what|which|who|whom|whose|where|how)\b") && !Regex.IsMatch(lower, @"\bwhen\s+and\s+(?:where|how)\b|\b(?:where|how)\s+and\s+when\b")
        && !Regex.IsMatch(lower, @"^(?:\w+\s+){0,2}when\s+(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could)\b");

    /// <summary>"countries" → country, "groups" → group: enough of English plurals for the type nouns.</summary>
    private static string Singular(string word) =>
        word.Length <= 3 || !word.EndsWith('s') ? word
        : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) ? word[..^2]
        : word[..^1];

    /// <summary>"which countries", "what groups": the asked-for noun in the plural (a "-ss" or "-us" word is no plural).</summary>
    private static bool IsPluralAsked(string lower, string? typeNoun) =>
        typeNoun is { Length: > 3 } noun && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal)
        && !noun.EndsWith("is", StringComparison.Ordinal) && Regex.IsMatch(lower, $@"\b(?:which|what)\s+(?:\w+\s+){{0,2}}?{Regex.Escape(noun)}\b");

    private static bool IsTypeNoun(string word)
    {
        var singular = Singular(word);
        return PlaceNouns.Contains(word) || PlaceNouns.Contains(singular) || OrgNouns.Contains(word) || OrgNouns.Contains(singular)
            || PersonNouns.Contains(word) || PersonNouns.Contains(singular);
    }

    /// <summary>Modifiers that say when someone held a role, not which role it is.</summary>
    private static readonly HashSet<string> TimeModifiers = new(StringComparer.Ordinal) { "former", "current", "new", "first", "top", "senior" };

    private static bool IsOwner(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || Gazetteer.IsDemonym(word) || Gazetteer.FindCountry(word) is not null;

    /// <summary>"Where does it rank", "in what position did she finish", "where is he on the list": a place in an order.</summary>
    private static bool IsRankQuestion(string lower) =>
        Regex.IsMatch(lower, @"\bwhere\b") && Regex.IsMatch(lower, @"\b(?:rank|ranks|ranked|ranking|rankings|rate|rates|rated)\b|\bon\s+the\s+list\b")
        || Regex.IsMatch(lower, @"\b(?:what|which)\s+(?:position|place|rank|ranking|spot)\b")
            && Regex.IsMatch(lower, @"\b(?:rank|ranks|ranked|ranking|rated|placed|finish|finished|finishes|ended|come|came)\b(?!\s+from)");

    private static bool IsAdverb(string lower) => lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal);

    private static bool IsOpeningAdverb(string text, EntityMention entity) =>
        entity.Start == 0 && entity.Kind == EntityKind.Other && !entity.Name.Contains(' ', StringComparison.Ordinal) && IsAdverb(entity.Name.ToLowerInvariant())
        && (entity.End >= text.Length || !char.IsUpper(text[Math.Min(text.Length - 1, entity.End + 1)]));

    /// <summary>"How large is it in acres?": the unit the amount is asked in.</summary>
    [GeneratedRegex(@"\bin\s+(?<u>acres|hectares|miles|kilometres|kilometers|km|metres|meters|feet|yards|square\s+(?:miles|kilometres|kilometers|metres|meters|feet)|dollars|euros|pounds|tons|tonnes|kilograms|years|months|weeks|days|hours|minutes|seconds)\b")]
    private static partial Regex UnitAsked();

    /// <summary>Words that qualify the noun after them rather than head the phrase: "new", "main", "former".</summary>
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "new", "old", "first", "last", "main", "primary", "other", "same", "big", "large", "small", "major", "minor",
        "former", "current", "previous", "next", "early", "late", "top", "daily", "different", "particular", "certain",
        "second", "third", "whole", "entire", "original", "present", "modern", "ancient", "recent",
    };

    private static readonly string[] AdjectiveEndings = ["al", "ic", "ive", "ous", "ful", "ary", "ian", "ese", "ish", "ern", "less", "able", "ible"];

    /// <summary>
    /// The head noun of the phrase a what/which question asks with: "which architectural style" → style, "which Notre
    /// Dame institute" → institute, "what individuals live …" → individuals. Names and adjectives before the head qualify
    /// it; the phrase ends at a function word or a verb form.
    /// </summary>
    internal static string? AskedHead(string text, int from) => AskedPhrase(text, from) is { Count: > 0 } phrase ? phrase[^1] : null;

    /// <summary>"which architectural style": the words qualifying the asked-for noun describe the answer too ("French Revival" is an architectural style), so evidence need not repeat them.</summary>
    private static IReadOnlyList<string> TypeModifiers(string text, string? typeNoun)
    {
        var which = typeNoun is null ? Match.Empty : Regex.Match(text, @"\b(?:what|which)\s+(?:(?:type|kind|sort|form)s?\s+of\s+)?", RegexOptions.IgnoreCase);
        if (!which.Success)
        {
            return [];
        }

        var phrase = AskedPhrase(text, which.Index + which.Length);
        return phrase.Count > 1 && phrase[^1] == typeNoun ? phrase.Take(phrase.Count - 1).ToList() : [];
    }

    /// <summary>The asked-for phrase up to its head: "which architectural style is …" → [architectural, style].</summary>
    private static List<string> AskedPhrase(string text, int from)
    {
        var words = new List<(string Lower, bool Capitalised)>();
        foreach (var token in Tokenizer.Tokenize(text[from..]))
        {
            if (token.Kind != TokenKind.Word || words.Count == 4)
            {
                break;
            }

            var lower = token.Text.ToLowerInvariant();
            if (StopWords.Contains(lower) || PhraseEnders.Contains(lower) || QuestionWords.Contains(lower) && words.Count > 0
                || words.Count > 0 && (Lexicon.Lemma(lower) != lower || lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal)))
            {
                break;
            }

            // "which country's efforts": the possessor is what is asked for; what it owns follows.
            var bare = StripPossessive(lower);
            words.Add((bare, char.IsUpper(token.Text[0])));
            if (bare.Length != lower.Length)
            {
                break;
            }
        }

        var head = 0;
        // English compounds end in their head: "college president" asks for a president, "football club" for a club.
        while (head + 1 < words.Count && (words[head].Capitalised || IsModifier(words[head].Lower) || IsTypeNoun(words[head + 1].Lower) || EntityRecognizer.IsTitleWord(words[head + 1].Lower)))
        {
            head++;
        }

        return words.Take(head + 1).Select(w => w.Lower).ToList();
    }

    private static bool IsModifier(string lower) =>
        Modifiers.Contains(lower) || RoleModifiers.Contains(lower) && !EntityRecognizer.IsTitleWord(lower) || Gazetteer.IsDemonym(lower)
        || lower.Length > 5 && AdjectiveEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal));

    /// <summary>
    /// "the primary seminary of the Congregation" → seminary; "the name of the main library" → library: the head of a
    /// described common noun phrase, which asks for the thing's name. Null when the phrase is a name itself ("the Grotto at
    /// Notre Dame"), whose description is asked for.
    /// </summary>
    internal static string? IdentityHead(string target)
    {
        var tokens = Tokenizer.Tokenize(target).Where(t => t.Kind == TokenKind.Word).ToList();
        var i = 0;
        string? head = null;
        while (i < tokens.Count)
        {
            var phrase = new List<string>();
            for (; i < tokens.Count; i++)
            {
                var lower = tokens[i].Text.ToLowerInvariant();
                if (lower is "the" or "a" or "an" && phrase.Count == 0)
                {
                    continue;
                }

                if (StopWords.Contains(lower) || PhraseEnders.Contains(lower))
                {
                    break;
                }

                if (char.IsUpper(tokens[i].Text[0]) || lower.Contains('\'', StringComparison.Ordinal) || lower.Contains('’', StringComparison.Ordinal))
                {
                    return head;
                }

                phrase.Add(lower);
            }

            if (phrase.Count == 0)
            {
                return head;
            }

            head = phrase[^1];
            if (!GenericNouns.Contains(head) || i >= tokens.Count || tokens[i].Text.ToLowerInvariant() != "of")
            {
                return GenericNouns.Contains(head) || RoleNouns.Contains(head) ? null : head;
            }

            // "the name of the main library": the library is what is named.
            i++;
            head = null;
        }

        return head;
    }

    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "title", "role", "position", "job", "post", "office", "professorship", "occupation", "profession", "rank",
    };

    /// <summary>The noun asked for ("what title …") or the head of the described thing ("what is the title of …").</summary>
    private static string? RoleNounOf(QuestionAnalysis analysis)
    {
        if (analysis.TypeNoun is { } noun)
        {
            return noun;
        }

        var match = analysis.DescriptionTarget is { } target ? Regex.Match(target, @"^(?:the\s+|his\s+|her\s+)?(?<n>[a-z]+)\s+of\b") : Match.Empty;
        return match.Success ? match.Groups["n"].Value : null;
    }

    /// <summary>"the Russian elections", "Russia's GDP": a country or demonym directly before one of the question's event words.</summary>
    private static List<NationalityConstraint> Nationalities(string text, List<QuestionTerm> terms)
    {
        var words = Tokenizer.Words(text).Select(StripPossessive).ToList();
        var constraints = new List<NationalityConstraint>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            // "does Russia collaborate": a country after an auxiliary is the subject of a verb, not a modifier of a noun.
            if (Gazetteer.FindCountry(words[i]) is not { } country || i > 0 && Auxiliaries.Contains(words[i - 1]))
            {
                continue;
            }

            var stem = Lexicon.StemOf(words[i + 1]);
            if (terms.Any(t => !t.IsRoleWord && t.Stem == stem) && constraints.All(c => c.NounStem != stem))
            {
                constraints.Add(new NationalityConstraint(country, stem));
            }
        }

        return constraints;
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "has", "have", "had",
    };

    /// <summary>
    /// Whether the question's word at an index is its verb: after "who" ("who met"), after a do-auxiliary and the subject
    /// ("did Abbas visit", "does the ministry send"), or a participle after a form of be/have ("was … proclaimed").
    /// </summary>
    internal static bool IsVerbAt(IReadOnlyList<string> lowerWords, int index, IReadOnlySet<string> nameWords)
    {
        if (index > 0 && lowerWords[index - 1] is "who")
        {
            return true;
        }

        var word = lowerWords[index];
        var participle = word.EndsWith("ed", StringComparison.Ordinal) || Lexicon.Lemma(word) != word;
        // "Which country armed the army", "what party controls the town": the verb straight after the asked-for noun.
        if (participle && AfterWhoAndAPlace(lowerWords, index, nameWords)
            || index >= 2 && lowerWords[index - 2] is "which" or "what" && (participle || IsThirdPersonForm(word)) && !StopWords.Contains(lowerWords[index - 1]))
        {
            return true;
        }
        for (var k = index - 1; k >= Math.Max(0, index - 7); k--)
        {
            var before = lowerWords[k];
            if (before is "did" or "does" or "do" or "will" or "would" or "can" or "could" or "should" or "may" or "might")
            {
                // After an auxiliary the verb is bare: in "do israeli forces sweep" the plural "forces" is still the subject.
                return !IsThirdPersonForm(word);
            }

            if (participle && before is "was" or "were" or "is" or "are" or "been" or "being" or "be" or "has" or "have" or "had")
            {
                return true;
            }

            // Only the subject may stand between the auxiliary and the verb: its name, determiners, a title or a modifier, or a
            // common noun after a determiner ("did the ministry send"; in "did the Kremlin re-establish contact" contact is no verb).
            var bare = StripPossessive(before);
            var determined = k > 0 && lowerWords[k - 1] is "the" or "a" or "an" or "its" or "his" or "her" or "their";
            if (!(nameWords.Contains(bare) || StopWords.Contains(before) || Pronouns.Contains(before) || EntityRecognizer.IsTitleWord(bare)
                || Gazetteer.IsDemonym(bare) || RoleModifiers.Contains(bare) || char.IsDigit(before[0]) || determined))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"Who in the United States questioned …": only a phrase of names and small words stands between "who" and the verb.</summary>
    private static bool AfterWhoAndAPlace(IReadOnlyList<string> lowerWords, int index, IReadOnlySet<string> nameWords)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (lowerWords[k] is "who")
            {
                return k < index - 1 && lowerWords[k + 1] is "in" or "at" or "from" or "among" or "inside" or "within";
            }

            if (!StopWords.Contains(lowerWords[k]) && !nameWords.Contains(StripPossessive(lowerWords[k])))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsThirdPersonForm(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
        && !word.EndsWith("is", StringComparison.Ordinal) && Lexicon.Lemma(word) == word;

    /// <summary>"being held", "was hosted": the passive of a verb that only says an event takes place.</summary>
    private static bool IsPassiveLightVerb(IReadOnlyList<string> lowerWords, int index) =>
        lowerWords[index] is "held" or "hosted" or "staged"
        && lowerWords.Take(index).TakeLast(6).Any(w => w is "be" or "being" or "been" or "is" or "was" or "are" or "were");

    /// <summary>Particles that begin one hyphenated name ("Al-Maliki", "Abu-Sharif", "Ibn-Saud"), not join two.</summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "al", "el", "abu", "abou", "abd", "abdul", "bin", "ibn", "ben", "bint", "ould", "umm", "beit", "bayt", "deir", "kafr", "kfar", "khan", "ras", "tel", "tell", "ain", "bir", "bab", "wadi", "jabal", "jebel", "sidi", "mar", "von", "van", "de", "del", "della", "di", "da", "du", "la", "le", "st", "saint", "san", "santa", "mc", "mac",
    };

    /// <summary>
    /// The two names of a name pair ("Abbas-Putin", "US-China"): a single hyphenated word of capitalised parts of three
    /// letters or more that no gazetteer knows as one name. Null for one name that has a hyphen ("Novo-Ogaryovo" as a
    /// known place, "Al-Maliki", "Jean-Claude Juncker").
    /// </summary>
    internal static IReadOnlyList<string>? NamePair(EntityMention entity)
    {
        var name = entity.Name.Trim();
        if (name.Contains(' ', StringComparison.Ordinal) || Gazetteer.IsPlace(name) || Gazetteer.IsOrganization(name))
        {
            return null;
        }

        var parts = name.Split('-', '‐', '–');
        return parts.Length == 2 && parts.All(IsNamePart) ? parts : null;
    }

    /// <summary>One name of a pair: a demonym stands for its country ("Russian-Hamas talks" are Russia's).</summary>
    private static FocusName PairPartFocus(string part) =>
        Gazetteer.IsDemonym(part) && Gazetteer.FindCountry(part) is { } country ? ToFocus(country.Name, EntityKind.Place)
        : ToFocus(part, Gazetteer.IsPlace(part) ? EntityKind.Place : Gazetteer.IsOrganization(part) ? EntityKind.Organization : EntityKind.Other);

    /// <summary>"Abbas", "US": a capitalised word of three letters or more that is no particle, or an acronym.</summary>
    private static bool IsNamePart(string part) =>
        IsInitials(part)
        || part.Length >= 3 && char.IsUpper(part[0]) && part.All(char.IsLetter) && !NameParticles.Contains(part);

    /// <summary>"did Moscow break off", "has Beijing said": the capital as the subject after an auxiliary.</summary>
    private static Regex ActingCapital(string capital) =>
        new($@"\b(?:did|does|do|has|have|had|will|would|can|could)\s+{Regex.Escape(capital)}\s+(?!visit|host|welcome|receive)\p{{Ll}}", RegexOptions.IgnoreCase);

    /// <summary>
    /// "What's the name of Iran's president?" asks who holds the role, as "who is Iran's president?" does: the answer is the
    /// person, not something the sentence names beside the role. Other named things keep the question as typed.
    /// </summary>
    private static string AskForTheHolder(string text)
    {
        var match = NameOfQuestion().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var head = StripPossessive(Tokenizer.Words(Regex.Replace(match.Groups["x"].Value, @"\s+(?:of|in|at|for|from|to|on)\s.*$", string.Empty)).LastOrDefault() ?? string.Empty);
        return EntityRecognizer.IsTitleWord(head) || PersonNouns.Contains(head) ? "who is " + match.Groups["x"].Value : text;
    }

    [GeneratedRegex(@"^(?:what|which)(?:'s|’s|\s+(?:is|was|are|were))\s+the\s+(?:full\s+|real\s+)?name\s+of\s+(?<x>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NameOfQuestion();

    /// <summary>"What post does X hold", "what job did X have", "what is X's title": the role noun and its holder.</summary>
    [GeneratedRegex(@"^(?:what|which)\s+(?<n>post|position|title|job|role|office|rank|occupation|profession)\s+(?:does|did|do|has|had)\s+(?<h>.+?)\s+(?:currently\s+|now\s+)?(?:hold|holds|have|occupy|fill|serve\s+in)(?:\s+now)?$|^(?:what|which)(?:'s|’s|\s+(?:is|was|are|were))\s+(?<h>.+?)['’]s\s+(?:(?:current|official|new|former)\s+)?(?<n>post|position|title|job|role|office|rank|occupation|profession)$")]
    private static partial Regex RoleQuestion();

    [GeneratedRegex(@"\b(?<a>\p{L}{2,})[-‐–](?<b>\p{L}{2,})\b")]
    private static partial Regex HyphenatedPair();

    [GeneratedRegex(@"(?:^|\s)the\s+(?<p>\p{L}+s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PeopleOfACountry();

    /// <summary>"the US resolution": written in capitals, "US" is a country's initials, not the pronoun "us".</summary>
    private static bool IsInitials(string name) => name.Length > 1 && name.All(char.IsUpper);

    private static FocusName ToFocus(string name, EntityKind kind)
    {
        var initials = IsInitials(name);
        var words = Tokenizer.Words(name).Select(StripPossessive).Where(w => initials || !StopWords.Contains(w) || w.Length > 3 && w != "they").ToList();
        return new FocusName(name, kind, words) { Aliases = [.. NumberedForms(words), .. Lexicon.OtherNameForms(words)] };
    }

    /// <summary>
    /// "World War Two" is "World War II" or "World War 2" in the articles, and "the Second World War" is the same war: a
    /// name ending in a small number, or opening with its ordinal, also stands for its other spellings.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<string>> NumberedForms(List<string> words)
    {
        if (words.Count < 2)
        {
            return [];
        }

        if (Numerals.OtherForms(words[^1]) is { Count: > 0 } last)
        {
            return last.Select(form => (IReadOnlyList<string>)[.. words.Take(words.Count - 1), form]).ToList();
        }

        return words.Count >= 3 && Numerals.OrdinalValue(words[0]) is { } ordinal
            ? Numerals.FormsOf(ordinal).Where(form => form != words[0]).Select(form => (IReadOnlyList<string>)[.. words.Skip(1), form]).ToList()
            : [];
    }

    private static string Clean(string question)
    {
        var text = Regex.Replace(question.Trim(), @"\s+", " ").TrimEnd('?', '.', '!', ' ', '？');
        text = NameCompound().Replace(text, "${name} ${verb}");
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var filler in Fillers)
            {
                if (text.StartsWith(filler + " ", StringComparison.OrdinalIgnoreCase) || text.StartsWith(filler + ", ", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[(filler.Length + 1)..].TrimStart(',', ' ');
                    changed = true;
                }
            }
        }

        // "title of abbas's doctoral thesis", "name of the operation": keywords that ask for a name, as "what is the … of".
        return Regex.IsMatch(text, @"^(?:the\s+)?(?:title|name)\s+of\s+\S", RegexOptions.IgnoreCase) ? "what is " + text : text;
    }

    [GeneratedRegex(@"^(?:apart\s+from|aside\s+from|besides|other\s+than|except(?:\s+for)?|excluding|beyond)\s+(?<name>[^,]{2,60}),\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ExceptPhrase();

    [GeneratedRegex(@"^according\s+to\s+(?<name>[^,]{2,60}),\s*|,?\s+according\s+to\s+(?<name>[^,?]{2,60})(?=\??$)", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingToPhrase();

    /// <summary>
    /// "Russian-trained fighters", "Soviet-backed", "UN-run school": a name joined to a participle is the name and a verb
    /// of its own ("trained" by whom, "run" by whom), not one unknown name every answer would have to repeat.
    /// </summary>
    [GeneratedRegex(@"\b(?<name>\p{Lu}[\p{L}]*)[-‐](?<verb>\p{Ll}+(?:ed|en)|run|led|born|built|made|held|won|known|taught|brought|sent|set|kept|fought|shot|grown|drawn|bred|fed|funded|owned|style)\b")]
    private static partial Regex NameCompound();

    private static bool MentionsPronoun(string text) => Tokenizer.Words(text).Any(Pronouns.Contains);

    private static string? NextWord(string lower, string phrase)
    {
        var index = lower.IndexOf(phrase + " ", StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var next = Tokenizer.Words(lower[(index + phrase.Length)..]).FirstOrDefault();
        return next is null || next is "did" or "does" or "do" or "is" or "was" or "were" or "are" or "has" or "have" or "had" or "will" ? null : next;
    }

    private static readonly HashSet<string> PhraseEnders = new(StringComparer.Ordinal)
    {
        "did", "does", "do", "is", "was", "were", "are", "has", "have", "had", "will", "would", "can", "could", "in", "of",
        "at", "on", "for", "per", "by", "to", "from", "with", "that", "which", "who", "there", "the", "a", "an",
    };

    /// <summary>The head of the noun phrase after "how many": "how many student news papers are …" → "papers".</summary>
    private static string? HeadAfter(string lower, string phrase)
    {
        var index = lower.IndexOf(phrase + " ", StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var words = Tokenizer.Words(lower[(index + phrase.Length)..]).TakeWhile(w => !PhraseEnders.Contains(w)).Take(4).ToList();
        return words.Count == 0 ? null : words[^1];
    }

    /// <summary>"Abbas's", "Abbas’s", "Abbas'" → "Abbas".</summary>
    internal static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'', '’');
}
