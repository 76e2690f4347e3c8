using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;
using Bots.Text.Dates;
using Bots.Text.Entities;
using Bots.Text.Quantities;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>Finds the spans of the expected type in an evidence sentence: dates, people, places, organisations, amounts, descriptions.</summary>
internal static partial class CandidateExtractor
{
    private const int MaxAnswerWords = 10;

    /// <summary>Type fit of a noun phrase for a what/which question: below a typed answer or an apposition, which say more.</summary>
    private const double PhraseFit = 0.6;

    private static readonly HashSet<string> LocativeFacilityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "residence", "palace", "airport", "hotel", "building", "headquarters", "embassy", "hall", "square", "stadium",
        "centre", "center", "base", "camp", "house", "office", "compound", "university", "school", "hospital", "church",
        "mosque", "cathedral", "basilica", "grotto", "museum", "library", "college", "institute", "dome",
    };

    [GeneratedRegex(@"^\s*(?:,|\(|—|–|-)\s*(?<np>(?:an?|the)\s+[^,;.()“”""]{2,130}|[^,;.()“”""]{0,90}?(?:\b(?:professor|author|expert|spokesman|spokeswoman|leader|president|minister|chairman|director|head|member|founder|analyst|official|journalist|editor|secretary|ambassador|emeritus|chief|lawyer|diplomat|researcher|fellow|dean|rector|provost|chancellor|coach|treasurer|governor|mayor|curator|manager|commissioner|captain|bishop)\b)[^,;.()“”""]{0,120})(?:,|\)|;|\.|$| —| –)")]
    private static partial Regex AppositionAfter();

    [GeneratedRegex(@"\b(?:(?:once|twice|thrice|(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+times)(?:\s+(?:a|per|each|every)\s+(?:day|week|month|year|semester|term|season|decade))?|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|biannually|biweekly|hourly|every\s+(?:\w+\s+)?(?:day|week|month|year|years|semester|season))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Frequency();

    [GeneratedRegex(@"^,?\s*(?:[A-Z]\.){2,}[A-Z]?\.?(?=\s*,)")]
    private static partial Regex Postnominal();

    /// <summary>"Notre Dame's Vice President …": the organisation owning a role is said in the question already.</summary>
    [GeneratedRegex(@"\G\s*(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*(?:'s|’s)\s+")]
    private static partial Regex OwnerPrefix();

    [GeneratedRegex(@"^(?:\s+[a-z][\w-]*){0,2}?\s+(?:residence|palace|airport|hotel|building|headquarters|embassy|hall|square|stadium|centre|center|base|camp|house|office|compound|university|school|hospital|church|mosque|cathedral|basilica|grotto|museum|library|college|institute|dome)\b(?:\s+in\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?")]
    private static partial Regex FacilityAfter();

    [GeneratedRegex(@"^\s+(?:is|was|has been|had been|became|remains|serves as|served as)\s+(?<np>(?:an?|the|one of)\s+[^,;.“”""]{2,90})")]
    private static partial Regex CopulaAfter();

    /// <summary>All candidates of the question's type in the sentence.</summary>
    public static IEnumerable<AnswerCandidate> Extract(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var found = ByType(question, sentence);
        return question.AsksForList ? WithLists(question, sentence, found.ToList(), ListFit, SingleFit)
            : AsksWhoDid(question) ? WithLists(question, sentence, found.ToList(), 1.05, 1.0)
            : found;
    }

    private const double ListFit = 1.2;
    private const double SingleFit = 0.8;

    /// <summary>
    /// "Who has labelled Hamas a terrorist organisation?" — "the United States and the European Union": "who" does not say
    /// how many did it, so a coordinated list that holds the answer is the fuller answer, though not a stronger one.
    /// </summary>
    private static bool AsksWhoDid(QuestionAnalysis question) =>
        question.Type is AnswerType.Person or AnswerType.Organization && question.RoleWords.Count == 0 && question.TypeNoun is null
        && Regex.IsMatch(question.Question, @"(?:^|,\s*)who\s", RegexOptions.IgnoreCase);

    private static IEnumerable<AnswerCandidate> ByType(QuestionAnalysis question, EvidenceSentence sentence)
    {
        if (question.PossessedNoun is not null)
        {
            return Possessors(question, sentence);
        }

        return question.Type switch
        {
            AnswerType.Date => Dates(question, sentence),
            AnswerType.Person => People(question, sentence).Concat(GapAligner.Extract(question, sentence).Where(c => char.IsUpper(c.Text[0]))),
            AnswerType.Place => Places(question, sentence),
            AnswerType.Organization => Organizations(question, sentence).Concat(Phrases(question, sentence, PhraseFit * 0.8)).Concat(GapAligner.Extract(question, sentence).Where(c => char.IsUpper(c.Text[0])))
                .Concat(ExcludedAlternative.Extract(question, sentence)),
            AnswerType.Quantity => Quantities(question, sentence, question.Quantity),
            AnswerType.Duration => Durations(sentence),
            // "What is the Grotto?": an apposition or copula of the thing defines it; a phrase merely nearby seldom does.
            AnswerType.Description => GapFirst(sentence, Descriptions(question, sentence).Concat(Phrases(question, sentence, question.DescriptionTarget is not null && question.TypeNoun is null ? PhraseFit * 0.7 : PhraseFit)),
                GapAligner.Extract(question, sentence).Concat(NounComplement.Extract(question, sentence)).Concat(ExcludedAlternative.Extract(question, sentence))
                    .Concat(Composition.Extract(question, sentence)).ToList()),
            _ => Characterisation.IsAsked(question) ? Characterisation.Extract(question, sentence).Concat(Statement(question, sentence))
                : GapFirst(sentence, Statement(question, sentence), GapAligner.Extract(question, sentence).Concat(ExcludedAlternative.Extract(question, sentence)).ToList()),
        };
    }

    /// <summary>Shape-found phrases of a sentence outside the span its syntax ties to the question say less there.</summary>
    private const double OutsideSpanFit = 0.6;

    /// <summary>A span whose question words line up this well is trusted over the sentence's other phrases.</summary>
    private const double MinimumSpanFit = 0.5;

    /// <summary>
    /// "What did Lund say the ministry would receive?" — once the question's words line up around a gap in the sentence
    /// ("Lund said the ministry would receive a refund from …"), the other phrases of that sentence are not what it asks:
    /// they are the question's own context.
    /// </summary>
    private static IEnumerable<AnswerCandidate> GapFirst(EvidenceSentence sentence, IEnumerable<AnswerCandidate> others, List<AnswerCandidate> spans)
    {
        foreach (var span in spans)
        {
            yield return span;
        }

        spans = spans.Where(s => s.Fit >= MinimumSpanFit).ToList();
        foreach (var other in others)
        {
            var inside = spans.Count == 0 || spans.Any(s => other.FirstWord < s.EndWord && s.FirstWord < other.EndWord);
            yield return inside || !other.Fallback && !other.Key.StartsWith("stmt:", StringComparison.Ordinal) ? other : other with { Fit = other.Fit * OutsideSpanFit };
        }
    }

    /// <summary>
    /// "Which countries mediate …" — "talks mediated by Egypt, Qatar, and the US": a plural question is answered by the
    /// whole coordinated list that holds a name of the asked type, written compactly ("Egypt, Qatar and US"); a lone
    /// name says less and counts for less.
    /// </summary>
    private static IEnumerable<AnswerCandidate> WithLists(QuestionAnalysis question, EvidenceSentence sentence, List<AnswerCandidate> found, double listFit, double singleFit)
    {
        foreach (var list in Coordinations(sentence))
        {
            var members = list.Where(e => !IsQuestionName(question, e) && (question.Type == AnswerType.Person || e.Kind != EntityKind.Person)).ToList();
            var start = list[0].Start;
            var end = list[^1].End;
            var typed = found.Where(c => c.FirstWord < sentence.Words.Count && sentence.Words[c.FirstWord].Start >= start && sentence.Words[c.FirstWord].Start < end).ToList();
            if (members.Count < 2 || typed.Count == 0)
            {
                continue;
            }

            var names = members.Select(e => e.Name).ToList();
            var text = string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
            var key = "list:" + string.Join("|", names.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal));
            yield return Candidate(text, key, sentence, start, end - start, Math.Min(1.0, typed.Max(c => c.Fit) * listFit));
        }

        foreach (var candidate in found)
        {
            yield return singleFit == 1.0 ? candidate : candidate with { Fit = candidate.Fit * singleFit };
        }
    }

    /// <summary>
    /// "Whose proposals did Russia veto?" — "to oppose British and American proposals", "Zelenskyy's Jewish roots",
    /// "the proposals of the Arab League": the owner written before the asked-for noun (a possessive or nationality
    /// adjectives) or after it with "of"/"by". The question's own names are not the answer.
    /// </summary>
    private static IEnumerable<AnswerCandidate> Possessors(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var stem = Lexicon.StemOf(question.PossessedNoun!);
        var text = sentence.Text;
        var words = sentence.Words;
        foreach (var noun in words.Where(w => w.Stem == stem && !w.Lower.EndsWith("ed", StringComparison.Ordinal)))
        {
            var chainStart = -1;
            var modifiers = 0;
            for (var k = noun.Index - 1; k >= 0 && k >= noun.Index - 5; k--)
            {
                var word = words[k];
                if (text.AsSpan(word.Start + word.Length, words[k + 1].Start - word.Start - word.Length).Trim().Length > 0
                    && text[(word.Start + word.Length)..words[k + 1].Start].Trim() != ",")
                {
                    break;
                }

                if (word.Lower.EndsWith("'s", StringComparison.Ordinal) || word.Lower.EndsWith("’s", StringComparison.Ordinal))
                {
                    // "Zelenskyy's Jewish roots": the possessive, as the whole name it ends.
                    var owner = sentence.Entities.FirstOrDefault(e => e.Start <= word.Start && word.Start < e.End + 2);
                    var name = owner?.Name ?? text.Substring(word.Start, word.Length - 2);
                    if (owner is null || !IsQuestionName(question, owner))
                    {
                        yield return Candidate(name, "owner:" + name.ToLowerInvariant(), sentence, word.Start, word.Length, 1.0) with { Anchored = true };
                    }

                    chainStart = -1;
                    break;
                }

                if (IsNationality(text.Substring(word.Start, word.Length)))
                {
                    chainStart = k;
                }
                else if (word.Lower is "and" or "or" && chainStart == k + 1)
                {
                    continue;
                }
                else if (chainStart >= 0 || ++modifiers > 2 || StopWords.Contains(word.Lower))
                {
                    // Up to two other modifiers may stand between an owner and the noun: "Russia's own proposals", "Zelenskyy's Jewish roots".
                    break;
                }
            }

            if (chainStart >= 0)
            {
                // "British and American proposals", "British-American proposals".
                var start = words[chainStart].Start;
                var last = words[noun.Index - 1];
                var adjectives = text[start..(last.Start + last.Length)];
                if (!Tokenizer.Words(adjectives).Where(w => w is not ("and" or "or")).SelectMany(w => w.Split('-')).All(w => IsQuestionCountry(question, w)))
                {
                    // "Which country" is answered by the country a single nationality names: "the Russian diaspora" → Russia.
                    var owner = question.Type == AnswerType.Place && chainStart == noun.Index - 1 && Gazetteer.FindCountry(adjectives) is { } country ? country.Name : adjectives;
                    yield return Candidate(owner, "owner:" + owner.ToLowerInvariant(), sentence, start, adjectives.Length, 1.0) with { Anchored = true };
                }
            }

            var of = Regex.Match(text[(noun.Start + noun.Length)..], @"^\s+(?:of|by|from)\s+(?:the\s+)?");
            var after = of.Success ? sentence.Entities.FirstOrDefault(e => e.Start == noun.Start + noun.Length + of.Length) : null;
            // "the support of Russia and Türkiye": each owner of a list, however the question sets one aside.
            for (var owner = after; owner is not null; owner = NextInList(sentence, owner))
            {
                if (!IsQuestionName(question, owner))
                {
                    yield return Candidate(owner.Name, "owner:" + owner.Name.ToLowerInvariant(), sentence, owner.Start, owner.Length, 0.9) with { Anchored = true };
                }
            }
        }
    }

    /// <summary>The name after this one in a list ("Russia and Türkiye", "Egypt, Qatar and the US"), or null.</summary>
    private static EntityMention? NextInList(EvidenceSentence sentence, EntityMention entity) =>
        sentence.Entities.Where(e => e.Start >= entity.End).OrderBy(e => e.Start).FirstOrDefault() is { } next
        && Regex.IsMatch(sentence.Text[entity.End..next.Start], @"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")
            ? next
            : null;

    /// <summary>"American", "British-American": nationality adjectives, capitalised.</summary>
    private static bool IsNationality(string word) =>
        word.Length > 2 && char.IsUpper(word[0]) && word.Split('-', '‐').All(part => part.Length > 2 && Gazetteer.IsDemonym(part));

    private static bool IsQuestionCountry(QuestionAnalysis question, string demonym) =>
        Gazetteer.FindCountry(demonym) is { } country && question.Names.Any(n => Gazetteer.FindCountry(n.Text) == country);

    /// <summary>Names written as one list: "Egypt, Qatar, and the US", "Hamas, Fatah and Islamic Jihad" (the last joined by "and"/"or").</summary>
    internal static IEnumerable<List<EntityMention>> Coordinations(EvidenceSentence sentence)
    {
        var text = sentence.Text;
        var group = new List<EntityMention>();
        var closed = false;
        foreach (var entity in sentence.Entities.OrderBy(e => e.Start))
        {
            var separator = group.Count > 0 && entity.Start >= group[^1].End ? ListSeparator().Match(text[group[^1].End..entity.Start]) : Match.Empty;
            if (separator.Success && !closed)
            {
                group.Add(entity);
                closed = separator.Groups["and"].Success;
                continue;
            }

            if (group.Count >= 2 && closed)
            {
                yield return group;
            }

            group = [entity];
            closed = false;
        }

        if (group.Count >= 2 && closed)
        {
            yield return group;
        }
    }

    [GeneratedRegex(@"^(?:\s*,\s*|\s*,?\s+(?<and>and|or)\s+|\s*,\s*(?<and>and|or)\s+)(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    private static IEnumerable<AnswerCandidate> Dates(QuestionAnalysis question, EvidenceSentence sentence)
    {
        foreach (var date in sentence.Dates)
        {
            var before = sentence.Text[..date.Start].TrimEnd();
            var fit = date.Precision switch
            {
                DatePrecision.Day => 1.0,
                DatePrecision.Month or DatePrecision.Season => 0.95,
                DatePrecision.Year => 0.85,
                DatePrecision.Decade => 0.8,
                _ => 0.7,
            };

            // "for the first time since 2021": a bound, not the time of the event — unless the question asks when it last
            // happened before, which is just what "the first time since" says.
            var sinceBound = Regex.IsMatch(before, @"\bsince$", RegexOptions.IgnoreCase);
            if (question.AsksForSince)
            {
                // "Since when …" is answered by what follows "since" or "dating back to", not by when the sentence's event happened.
                fit *= SincePhrase().IsMatch(before) ? 1.5 : 0.3;
            }
            else if (question.AsksForPrevious && sinceBound)
            {
                fit *= Regex.IsMatch(before, @"\bfirst\s+time\s+since$", RegexOptions.IgnoreCase) ? 1.5 : 1.0;
            }
            else if (question.AsksForPrevious)
            {
                // The reported occasion itself is not the one before it.
                fit *= FirstTimeSince().IsMatch(sentence.Text) ? 0.4 : 0.7;
            }
            else if (sinceBound || Regex.IsMatch(before, @"\b(?:until|till|by|before|after|prior to)$", RegexOptions.IgnoreCase)
                && !ByThenItHadHappened(before, sentence.Text[date.End..]))
            {
                fit *= 0.35;
            }

            if (date.From is null)
            {
                fit *= date.IsRelative ? 0.5 : 0.9;
            }

            if (question.DatePrecision is { } wanted && date.Precision > wanted)
            {
                // "What month …" is not answered by a year, nor "what day" by one: only a month for a day is half an answer —
                // unless it is the question's own ("on what day in February 2024 …" is not answered by "February 2024").
                if (wanted <= DatePrecision.Month && date.Precision >= DatePrecision.Year
                    || question.DateConstraints.Any(c => c.From is not null && c.From == date.From && c.To == date.To))
                {
                    continue;
                }

                fit *= 0.5;
            }

            if (question.DateConstraints.Count > 0 && !question.DateConstraints.Any(c => DateAgreement.Satisfies(date, c)))
            {
                continue;
            }

            var precision = question.DatePrecision is { } asked && asked > date.Precision ? asked : date.Precision;
            var text = date.From is null || IsWrittenPeriod(date) ? StripOpening(date.Text) : date.Describe(precision);
            if (question.AsksForWeekday)
            {
                // "on Tuesday" or "13 August 2024": one known day has one weekday; a range or a day without a year has none.
                if (date.From is not { } day || date.To != day)
                {
                    continue;
                }

                text = $"{day.DayOfWeek.ToString()}, {text}";
            }
            else if (question.DatePrecision == DatePrecision.Day && date.From is { } single && date.To == single
                && date.Text.Contains(single.DayOfWeek.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                // "On which day did …", answered by "on Sunday": the day as the article gave it, and the date it was.
                text = $"{single.DayOfWeek.ToString()}, {text}";
            }

            // "In what year …" asks for one year: of "the 1854–1855 academic year" that is when it began.
            if (question.DatePrecision == DatePrecision.Year && date.From is { } from && date.To is { } to && from.Year != to.Year)
            {
                text = from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            // "When did the visit end?" — "from August 12 to 14": the span's last day (or, for its start, the first).
            if (date.IsRange && (question.AsksForEnd ^ question.AsksForStart) && !IsWrittenPeriod(date) && RangeBound(date, question.AsksForEnd, precision) is { } bound)
            {
                text = bound;
            }

            yield return Candidate(text, "date:" + text.ToLowerInvariant(), sentence, date.Start, date.Length, fit) with { Date = date };
        }
    }

    private static IEnumerable<AnswerCandidate> People(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var found = false;
        foreach (var entity in sentence.Entities)
        {
            // "Danish supermodel Helena Christensen": a name the recogniser could not type is a person when a role stands before it.
            var isPerson = entity.Kind == EntityKind.Person || entity.Kind == EntityKind.Other && LooksLikePersonalName(entity.Name) && RoleBefore(sentence, entity.Start) is not null;
            var isOrg = entity.Kind == EntityKind.Organization && question.TypeNoun is null;
            if (!isPerson && !isOrg || IsQuestionName(question, entity))
            {
                continue;
            }

            // Organisations do things too ("distributed through the Red Crescent"), but an office is held by a person.
            var fit = isPerson ? (entity.Kind == EntityKind.Person ? 1.0 : 0.85) : question.AcceptsOrganization ? 0.9 : question.RoleWords.Count == 0 ? 0.7 : 0.35;
            if (question.RoleWords.Count > 0)
            {
                fit *= RoleFit(question, sentence, entity, question.RoleWords);
            }
            else if (isPerson && question.TypeNoun is { } noun && EntityRecognizer.IsTitleWord(noun))
            {
                // "Which Hamas leader did Lavrov meet?" — "Lavrov met with Hamas leader Khaled Meshaal": the one the
                // sentence calls a leader; another person in it may still be the answer when no one carries the title.
                fit *= RoleFit(question, sentence, entity, [noun]) >= 0.8 ? 1.0 : 0.6;
            }

            // The agent of a passive or of a channel: "to be distributed through X", "was founded by X".
            if (AgentPreposition().IsMatch(sentence.Text.AsSpan(0, entity.Start)))
            {
                fit = Math.Min(1.0, fit * 1.2);
            }

            found = true;
            var name = isPerson ? WithHonorific(entity, entity.Canonical, sentence.Text) : entity.Name;
            yield return Candidate(name, "name:" + Surname(name), sentence, entity.Start, entity.Length, fit);
        }

        // "He adds: “Moscow does not have …”": the speaker is named in an earlier sentence of the passage.
        if (!found && question.RoleWords.Count == 0 && Speaker(sentence) is { } speaker)
        {
            found = true;
            yield return Candidate(speaker.Canonical, "name:" + Surname(speaker.Canonical), sentence, 0, 0, 0.8);
        }

        // A name the recogniser did not type ("Rev. Michael J. Shea") is still a capitalised phrase; never for a role
        // question, where only a name carrying the role will do.
        if (!found && question.RoleWords.Count == 0)
        {
            foreach (var phrase in Phrases(question, sentence, PhraseFit * 0.8).Where(c => IsCapitalisedName(c.Text)))
            {
                yield return phrase;
            }
        }
    }

    [GeneratedRegex(@"\b(?:by|through|via)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex AgentPreposition();

    /// <summary>Two or three capitalised words that are no known place or organisation: "Helena Christensen".</summary>
    private static bool LooksLikePersonalName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 2 or 3 && words.All(w => w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'' or '’'))
            && !Gazetteer.IsPlace(name) && !Gazetteer.IsOrganization(name);
    }

    private static bool IsCapitalisedName(string text)
    {
        var words = Tokenizer.Words(text);
        return words.Count is >= 2 and <= 5 && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => char.IsUpper(w[0]) || w is "of" or "de" or "van" or "von");
    }

    private static IEnumerable<AnswerCandidate> Places(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var candidates = new List<(AnswerCandidate Candidate, int Start, int End)>();
        foreach (var entity in sentence.Entities)
        {
            var isFacility = entity.Kind == EntityKind.Organization && LocativeFacilityWords.Contains(LastWord(entity.Name));
            var namesAFacility = entity.Kind is EntityKind.Other or EntityKind.Person && FacilityAfter().IsMatch(sentence.Text[entity.End..]);
            if (!(entity.Kind == EntityKind.Place || isFacility || namesAFacility) || IsQuestionName(question, entity) || Gazetteer.IsDemonym(entity.Name)
                || IsCountryOfQuestionCapital(question, entity.Name))
            {
                continue;
            }

            var before = sentence.Text[..entity.Start].TrimEnd();
            var fit = Regex.IsMatch(before, @"\b(?:in|at|near|inside|outside|visit|visited|visiting|visits|toured|reached|entered)(?:\s+the)?$", RegexOptions.IgnoreCase) ? 1.0
                : Regex.IsMatch(before, @"\b(?:to|from|into|toward|towards)(?:\s+the)?$", RegexOptions.IgnoreCase) ? 0.75
                : 0.55;
            if (question.TypeNoun is "country" or "countries" && !Gazetteer.IsCountry(entity.Name))
            {
                fit *= 0.4;
            }
            else if (question.TypeNoun is "city" && Gazetteer.IsCountry(entity.Name))
            {
                fit *= 0.4;
            }

            // "the Novo-Ogaryovo presidential residence in Moscow" says more than "Novo-Ogaryovo" or "Moscow".
            var end = ExtendFacility(sentence, entity, isFacility);
            if (end is { } span)
            {
                var text = sentence.Text[entity.Start..span];
                candidates.Add((Candidate(text, "place:" + entity.Name.ToLowerInvariant(), sentence, entity.Start, span - entity.Start, Math.Min(1.0, fit * 1.08)), entity.Start, span));
                continue;
            }

            candidates.Add((Candidate(entity.Name, "place:" + entity.Name.ToLowerInvariant(), sentence, entity.Start, entity.Length, fit), entity.Start, entity.End));
        }

        // "in international waters", "off the coast of Gaza", "on the high seas": a place that is no proper name.
        foreach (Match common in CommonPlace().Matches(sentence.Text))
        {
            var place = common.Groups["p"];
            candidates.Add((Candidate(place.Value, "place:" + place.Value.ToLowerInvariant(), sentence, place.Index, place.Length, 0.9), place.Index, place.Index + place.Length));
        }

        // A city inside a longer place span ("... residence in Moscow") is part of that answer, not a rival.
        return candidates
            .Where(c => !candidates.Any(o => !ReferenceEquals(o.Candidate, c.Candidate) && o.Start <= c.Start && c.End <= o.End && o.End - o.Start > c.End - c.Start))
            .Select(c => c.Candidate);
    }

    [GeneratedRegex(@"\b(?:in|into|on|at|off|near)\s+(?<p>(?:international|territorial|neutral|open|coastal|(?-i:\p{Lu}\w+))\s+waters|the\s+high\s+seas|the\s+open\s+sea|the\s+coast\s+of\s+(?-i:\p{Lu}[\w-]+(?:\s+\p{Lu}[\w-]+)?)|(?<=off\s+)the\s+(?:\w+\s+)?coast)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommonPlace();

    private static bool IsCountryOfQuestionCapital(QuestionAnalysis question, string place)
    {
        var country = Gazetteer.FindCountry(place);
        return country is not null && Gazetteer.IsCountry(place)
            && question.Names.Any(n => n.Text.Equals(country.Capital, StringComparison.OrdinalIgnoreCase));
    }

    private static string LastWord(string name)
    {
        var index = name.LastIndexOf(' ');
        return index < 0 ? name : name[(index + 1)..];
    }

    private static IEnumerable<AnswerCandidate> Organizations(QuestionAnalysis question, EvidenceSentence sentence)
    {
        foreach (var entity in sentence.Entities)
        {
            if (IsQuestionName(question, entity))
            {
                continue;
            }

            var fit = entity.Kind switch
            {
                EntityKind.Organization => 1.0,
                EntityKind.Other => 0.5,
                _ => 0,
            };
            if (fit > 0)
            {
                yield return Candidate(entity.Name, "org:" + entity.Name.ToLowerInvariant(), sentence, entity.Start, entity.Length, fit);
            }
        }
    }

    private static IEnumerable<AnswerCandidate> Quantities(QuestionAnalysis question, EvidenceSentence sentence, QuantityHint hint)
    {
        if (hint == QuantityHint.Rank)
        {
            foreach (var rank in Ranks(sentence))
            {
                yield return rank;
            }

            yield break;
        }

        if (hint == QuantityHint.Frequency)
        {
            foreach (Match match in Frequency().Matches(sentence.Text))
            {
                yield return Candidate(match.Value, "freq:" + match.Value.ToLowerInvariant(), sentence, match.Index, match.Length, 1.0);
            }

            yield break;
        }

        foreach (var quantity in sentence.Quantities)
        {
            var fit = (hint, quantity.Kind) switch
            {
                (QuantityHint.Age, QuantityKind.Age) => 1.0,
                (QuantityHint.Money, QuantityKind.Money) => 1.0,
                (QuantityHint.Percent, QuantityKind.Percent) => 1.0,
                (_, QuantityKind.Percent or QuantityKind.Money) when question.AsksForChange => 1.0,
                (QuantityHint.Count, QuantityKind.Count) => 0.85,
                (QuantityHint.Any, _) => 0.8,
                (QuantityHint.Count, QuantityKind.Money) => 0.5,
                (QuantityHint.Count, QuantityKind.Duration) when IsTimeUnit(question.TypeNoun) => 0.95,
                _ => 0.15,
            };

            // "hundreds of tons of aid" answers "how much aid"; "60 people" answers "how many people".
            if (question.TypeNoun is { } noun)
            {
                var after = sentence.Text[quantity.End..];
                var nounStem = Lexicon.StemOf(noun);
                var unitStem = quantity.Unit is null ? string.Empty : Lexicon.StemOf(quantity.Unit);
                if (unitStem == nounStem || Regex.IsMatch(after, $@"^\s+(?:of\s+)?(?:\w+\s+)?{Regex.Escape(noun)}", RegexOptions.IgnoreCase)
                    || Lexicon.RelatedStems(nounStem).Contains(unitStem))
                {
                    fit = Math.Min(1.0, fit + 0.15);
                }
                else if (hint == QuantityHint.Count && quantity.Kind == QuantityKind.Count && unitStem.Length > 0 && !SameThing(unitStem, nounStem))
                {
                    // "62 members" does not count titles: a count of another thing answers another question.
                    fit *= 0.4;
                }
            }

            fit *= ChangeFit(question, sentence, quantity);
            var (start, length) = WithApproximator(sentence, quantity.Start, quantity.Length);
            if (quantity.Kind == QuantityKind.Duration && DurationOpening().Match(sentence.Text, start, length) is { Success: true } opening && opening.Index == start)
            {
                // "for 44 years" answers "over how many years" as "44".
                (start, length) = (start + opening.Length, length - opening.Length);
            }

            var amountStart = Math.Max(start, quantity.Start);
            if (question.TypeNoun is { } asked && quantity.Kind is QuantityKind.Count or QuantityKind.Duration && NumberOnly(sentence.Text[amountStart..quantity.End], asked) is { } number)
            {
                // "How many colleges?" — "five", "how large in acres?" — "1,250": the question already names the unit.
                length = amountStart - start + number;
            }

            var text = sentence.Text.Substring(start, length);
            yield return Candidate(text, "qty:" + quantity.Text.ToLowerInvariant(), sentence, start, length, fit);
        }

        // "they have sent tons of cargo": a unit in the plural, without a number, is how much was sent.
        if (question.TypeNoun is { } thing && hint is QuantityHint.Count or QuantityHint.Any && thing.Length > 2)
        {
            foreach (Match bare in Regex.Matches(sentence.Text, $@"\b(?:tons|tonnes|kilos|kilograms|litres|liters|barrels|gallons|dozens|hundreds|thousands|millions|billions|truckloads|planeloads|shiploads|boxes|crates|bags|loads)\s+of\s+(?:[\w-]+\s+){{0,2}}?{Regex.Escape(thing)}\b", RegexOptions.IgnoreCase))
            {
                if (!sentence.Quantities.Any(q => q.Start <= bare.Index && bare.Index < q.End) && !Regex.IsMatch(sentence.Text[..bare.Index], @"\b(?:of|\d[\d,.]*)\s*$"))
                {
                    var unit = bare.Value[..bare.Value.IndexOf(' ', StringComparison.Ordinal)];
                    yield return Candidate(unit, "qty:" + unit.ToLowerInvariant(), sentence, bare.Index, unit.Length, 0.7);
                }
            }
        }

        if (hint is QuantityHint.Count)
        {
            foreach (var number in BareNumbers(question, sentence))
            {
                yield return number;
            }
        }
    }

    /// <summary>"18th overall", "third", "No. 1", "the top 10 to 15": places in an order; an ordinal inside a date is a day.</summary>
    private static IEnumerable<AnswerCandidate> Ranks(EvidenceSentence sentence)
    {
        foreach (Match match in RankPattern().Matches(sentence.Text))
        {
            if (sentence.Dates.Any(d => d.Start < match.Index + match.Length && match.Index < d.End))
            {
                continue;
            }

            // Figures say a rank plainly; an ordinal word is as often a sequence ("the first American to …").
            var fit = match.Value.Any(char.IsDigit) ? 1.0 : 0.8;
            yield return Candidate(match.Value, "rank:" + match.Value.ToLowerInvariant(), sentence, match.Index, match.Length, fit);
        }
    }

    [GeneratedRegex(@"\b(?:(?:joint|equal)\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:no\.|number)\s*\d+|top\s+(?:\d+|ten|five|three|twenty)(?:\s+to\s+\d+)?)(?:\s+overall)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RankPattern();

    /// <summary>The last (or first) day of a span, as written; for a span of one month without a year ("August 12 to 14"), its day in that month.</summary>
    private static string? RangeBound(DateMention date, bool end, DatePrecision precision)
    {
        if (date.From is { } first && date.To is { } last)
        {
            var day = end ? last : first;
            return first == last ? null : (date with { From = day, To = day, IsRange = false }).Describe(precision);
        }

        var days = Regex.Matches(date.Text, @"\b\d{1,2}\b").Select(m => m.Value).ToList();
        return date.Month is { } month && days.Count == 2
            ? $"{System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {(end ? days[1] : days[0])}"
            : null;
    }

    /// <summary>"By 1972 the Soviets had declared …": the past perfect after an opening "by" dates the event no later than then, which is all the article says.</summary>
    private static bool ByThenItHadHappened(string before, string after) =>
        Regex.IsMatch(before, @"^\W*by$", RegexOptions.IgnoreCase) && Regex.IsMatch(after, @"^[^.;]*?\bhad\s+(?:already\s+|also\s+)?\p{Ll}+(?:ed|en|wn|ne|un)\b");

    /// <summary>The text before a date ends inside a phrase opened by "since" or "(dating) back to": "since their victory in the elections of".</summary>
    [GeneratedRegex(@"\b(?:since|back\s+to)(?:\s+[^,;.()]{0,60})?\s*$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    internal static partial Regex SincePhrase();

    [GeneratedRegex(@"\bfirst\s+time\s+since\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstTimeSince();

    [GeneratedRegex(@"\bfrom\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FromBefore();

    [GeneratedRegex(@"\bto\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ToBefore();

    [GeneratedRegex(@"\b(?:by|jumped|jumps|jump|rose|rises|rise|risen|fell|falls|fall|fallen|increased|increases|decreased|decreases|climbed|climbs|dropped|drops|slumped|slumps|slump|grew|grows|gained|gains|lost|cut|up|down|soared|surged|plunged|shrank)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeBefore();

    [GeneratedRegex(@"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparedBefore();

    [GeneratedRegex(@"\b(?:before|previously|earlier|originally|used\s+to|old|from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForEarlierValue();

    /// <summary>
    /// Where an amount stands in a report of change: "profits jumped 76% to $1.13bn, from $639m". "By how much" asks for
    /// the 76%; any other amount question for the level now, $1.13bn — not the old value after "from" or "compared with",
    /// nor a conversion in brackets ("£600m" after "$1.13bn (").
    /// </summary>
    private static double ChangeFit(QuestionAnalysis question, EvidenceSentence sentence, QuantityMention quantity)
    {
        var before = sentence.Text[..quantity.Start];
        var earlierAsked = AsksForEarlierValue().IsMatch(question.Question);
        if (before.TrimEnd().EndsWith('(') && sentence.Quantities.Any(q => q.End <= quantity.Start && quantity.Start - q.End <= 3))
        {
            return 0.5;
        }

        if (question.AsksForChange)
        {
            return ChangeBefore().IsMatch(before) ? 1.3 : ToBefore().IsMatch(before) || FromBefore().IsMatch(before) ? 0.5 : 1.0;
        }

        if ((FromBefore().IsMatch(before) || ComparedBefore().IsMatch(before)) && !earlierAsked)
        {
            return 0.6;
        }

        return ToBefore().IsMatch(before) && sentence.Quantities.Any(q => q.End <= quantity.Start && quantity.Start - q.End <= 6) ? 1.1 : 1.0;
    }

    /// <summary>
    /// "15 for males", "has three newspapers", "Fifty-seven chapels": a number outside the known units and outside dates still
    /// counts things; it fits best when the asked-for noun follows it. "[35]" is a reference, not a count.
    /// </summary>
    private static IEnumerable<AnswerCandidate> BareNumbers(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var nounStem = question.TypeNoun is { } noun ? Lexicon.StemOf(noun) : null;
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            // "14-story" counts stories; the number is the part before the hyphen.
            var hyphen = word.Lower.IndexOf('-', StringComparison.Ordinal);
            var number = hyphen > 0 && char.IsDigit(word.Lower[0]) ? word.Lower[..hyphen] : word.Lower;
            var isDigits = number.All(c => char.IsDigit(c) || c == ',' || c == '.') && char.IsDigit(number[0]);
            if (!isDigits && (!char.IsLetter(word.Lower[0]) || word.Lower.Length < 3 || QuantityExtractor.ParseNumber(word.Lower) is null)
                || word.Lower is "one" && !(i + 1 < words.Count && words[i + 1].Stem == nounStem)
                || word.Start > 0 && sentence.Text[word.Start - 1] == '['
                || sentence.Quantities.Any(q => q.Start <= word.Start && word.Start < q.End)
                || sentence.Dates.Any(d => d.Start <= word.Start && word.Start < d.End))
            {
                continue;
            }

            var fit = 0.55;
            for (var k = i + 1; k < Math.Min(words.Count, i + 4); k++)
            {
                if (words[k].Stem == nounStem || nounStem is not null && Lexicon.RelatedStems(nounStem).Contains(words[k].Stem))
                {
                    fit = 0.85;
                    break;
                }
            }

            var (start, length) = WithApproximator(sentence, word.Start, number.Length);
            yield return Candidate(sentence.Text.Substring(start, length), "qty:" + number, sentence, start, length, fit) with { Fallback = true };
        }
    }

    /// <summary>Stems naming the same counted thing: equal, related, or one derived from the other ("undergrad"/"undergraduate").</summary>
    private static bool SameThing(string a, string b) =>
        a == b || Lexicon.RelatedStems(a).Contains(b) || a.Length >= 5 && b.Length >= 5 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    /// <summary>"over 700 teams", "more than 750 miles": the approximator is part of the amount a person would quote.</summary>
    internal static (int Start, int Length) WithApproximator(EvidenceSentence sentence, int start, int length)
    {
        var match = Approximator().Match(sentence.Text[..start]);
        return match.Success ? (match.Index, start + length - match.Index) : (start, length);
    }

    /// <summary>The length of the leading number of a counted amount whose unit is the asked-for noun ("five undergraduate colleges" for "colleges"), else null.</summary>
    internal static int? NumberOnly(string amount, string askedNoun)
    {
        var words = amount.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var askedStem = Lexicon.StemOf(askedNoun);
        if (words.Length < 2 || Lexicon.StemOf(words[^1]) != askedStem || words.Length > 3)
        {
            return null;
        }

        var first = words[0];
        var isNumber = char.IsDigit(first[0]) || QuantityExtractor.ParseNumber(first.ToLowerInvariant()) is not null;
        return isNumber ? first.Length : null;
    }

    [GeneratedRegex(@"\G(?:for|lasted|lasting|after|within|over)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DurationOpening();

    private static bool IsTimeUnit(string? noun) =>
        noun is "year" or "years" or "month" or "months" or "week" or "weeks" or "day" or "days" or "hour" or "hours" or "minute" or "minutes"
            or "decade" or "decades" or "century" or "centuries" or "seconds";

    [GeneratedRegex(@"\b(?:over|more than|less than|fewer than|about|around|nearly|almost|approximately|roughly|some|up to|at least|at most)\s+$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex Approximator();

    [GeneratedRegex(@"\b(?<h>(?:Father|Fr\.|Rev\.|Reverend|Saint|St\.|Sister|Brother|Professor|Prof\.|Dr\.|Sir|Cardinal|Bishop|Archbishop|Pope|Rabbi|Imam|Sheikh|Monsignor|Msgr\.))\s+$", RegexOptions.RightToLeft)]
    private static partial Regex HonorificBefore();

    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "father", "fr", "rev", "reverend", "saint", "st", "sister", "brother", "professor", "prof", "dr", "sir",
        "cardinal", "bishop", "archbishop", "pope", "rabbi", "imam", "sheikh", "monsignor", "msgr",
    };

    /// <summary>"Father Julius Nieuwland", "Saint Bernadette": a form of address is part of how the person is named; an office is not.</summary>
    private static string WithHonorific(EntityMention entity, string name, string text)
    {
        if (entity.Title is not { } title || name.Split(' ').Length > 4)
        {
            // "the Rev. William Corby": the recogniser may leave the form of address outside the name.
            var before = HonorificBefore().Match(text[..entity.Start]);
            return before.Success && name.Split(' ').Length <= 4 ? $"{before.Groups["h"].Value} {name}" : name;
        }

        var last = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimEnd('.');
        return last is not null && Honorifics.Contains(last) ? $"{title.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]} {name}" : name;
    }

    private static IEnumerable<AnswerCandidate> Durations(EvidenceSentence sentence)
    {
        foreach (var quantity in sentence.Quantities.Where(q => q.Kind == QuantityKind.Duration))
        {
            var text = Regex.Replace(quantity.Text, @"^(?:for|lasted|lasting|after|within|over)\s+", string.Empty, RegexOptions.IgnoreCase);
            yield return Candidate(text, "dur:" + text.ToLowerInvariant(), sentence, quantity.Start, quantity.Length, 1.0);
        }

        // "How long did she stay?" — "she was in Paris from 3 to 5 May": the span answers as well as a length, year known or not.
        foreach (var date in sentence.Dates.Where(d => d.IsRange))
        {
            var text = date.From is null || IsWrittenPeriod(date) ? StripOpening(date.Text) : date.Describe();
            yield return Candidate(text, "dur:" + text.ToLowerInvariant(), sentence, date.Start, date.Length, 0.85) with { Date = date };
        }
    }

    private static IEnumerable<AnswerCandidate> Descriptions(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var targetWords = question.DescriptionTarget is { } target
            ? Tokenizer.Words(target).Where(w => !StopWords.Contains(w)).ToList()
            : [];
        if (targetWords.Count == 0)
        {
            yield break;
        }

        // "Who is the developer of …" — "The developer, Kite Realty, …": the name apposed to the asked-for role holds it.
        if (RoleHolderPattern(question) is { } roleHolder && roleHolder.Match(sentence.Text) is { Success: true } holder)
        {
            var name = holder.Groups["n"];
            yield return Candidate(name.Value, "desc:" + name.Value.ToLowerInvariant(), sentence, name.Index, name.Length, 1.0);
        }

        foreach (var entity in sentence.Entities)
        {
            var words = EvidenceSentence.WordSet(Tokenizer.Words(entity.Text));
            var fullWords = EvidenceSentence.WordSet(Tokenizer.Words(entity.Canonical));
            if (!targetWords.All(w => words.Contains(w) || fullWords.Contains(w)) && !(targetWords.Count == 1 && entity.Name.Equals(targetWords[0], StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // "Thomas Blantz, C.S.C., Notre Dame's Vice President": letters after a name are no description of the person.
            var postnominal = Postnominal().Match(sentence.Text[entity.End..]);
            var afterStart = entity.End + (postnominal.Success ? postnominal.Length : 0);
            var after = sentence.Text[afterStart..];
            var apposition = AppositionAfter().Match(after);
            if (apposition.Success)
            {
                var group = apposition.Groups["np"];
                // "Acme Bank's chief economist" answers "what title did Lund have at the bank"; "who is Lund" keeps the bank.
                var owner = question.TypeNoun is null ? Match.Empty : OwnerPrefix().Match(group.Value);
                var np = group.Value[owner.Length..].Trim();
                yield return Candidate(np, "desc:" + np.ToLowerInvariant(), sentence, afterStart + group.Index + owner.Length, np.Length, 1.0);
            }

            var copula = CopulaAfter().Match(after);
            if (copula.Success)
            {
                var np = copula.Groups["np"].Value.Trim();
                yield return Candidate(np, "desc:" + np.ToLowerInvariant(), sentence, entity.End + copula.Groups["np"].Index, np.Length, 0.95);
            }

            // "Palestine Liberation Organization (PLO)": the expansion defines the acronym.
            var acronym = Regex.Match(sentence.Text[..entity.Start], @"(?<full>(?:[A-Z][\w’'-]+\s+(?:of\s+|for\s+|the\s+)?){1,7})\($");
            if (acronym.Success && entity.Name.All(char.IsUpper))
            {
                var full = acronym.Groups["full"].Value.Trim();
                yield return Candidate(full, "desc:" + full.ToLowerInvariant(), sentence, acronym.Index, full.Length, 1.0);
            }

            // "Who is X": a title describes the person ("President"); before a thing's name ("Notre Dame Grotto") the words only say whose it is.
            if (entity.Title is { } title && question.Question.StartsWith("who", StringComparison.OrdinalIgnoreCase))
            {
                yield return Candidate(title, "desc:" + title.ToLowerInvariant(), sentence, entity.Start, title.Length, 0.8);
            }
            else if (RoleBefore(sentence, entity.Start) is { } role)
            {
                var text = sentence.Text[role.Start..role.End];
                yield return Candidate(text, "desc:" + text.ToLowerInvariant(), sentence, role.Start, text.Length, 0.9) with { Anchored = true };
            }

            if (RoleApposedBefore(sentence, entity.Start) is { } apposed)
            {
                var text = sentence.Text[apposed.Start..apposed.End];
                yield return Candidate(text, "desc:" + text.ToLowerInvariant(), sentence, apposed.Start, text.Length, 0.9) with { Anchored = true };
            }
        }

        // "What is the Grotto at Notre Dame?" — "the Grotto, a Marian place of prayer": the thing itself, without where
        // it is, may be no name the recogniser knows; its apposition or copula describes it all the same.
        var core = CoreOfTarget(question.DescriptionTarget!);
        if (core.Count > 0 && !(core.Count == targetWords.Count && sentence.Entities.Any(e => core.All(EvidenceSentence.WordSet(Tokenizer.Words(e.Canonical)).Contains))))
        {
            var mention = Regex.Match(sentence.Text, $@"\b{string.Join(@"\s+", core.Select(Regex.Escape))}\b", RegexOptions.IgnoreCase);
            if (mention.Success)
            {
                var end = mention.Index + mention.Length;
                var rest = sentence.Text[end..];
                var apposition = AppositionAfter().Match(rest);
                var copula = CopulaAfter().Match(rest);
                var found = apposition.Success ? apposition : copula;
                if (found.Success)
                {
                    var np = found.Groups["np"].Value.Trim();
                    yield return Candidate(np, "desc:" + np.ToLowerInvariant(), sentence, end + found.Groups["np"].Index, np.Length, apposition.Success ? 0.95 : 0.9);
                }
            }
        }

        foreach (var related in RelationalCopula(question.DescriptionTarget!, sentence))
        {
            yield return related;
        }
    }

    /// <summary>
    /// "What is the core concern of Abbas's trip?" — "the core concern of his visit is likely to be the conflict between
    /// Iran and Israel": the phrase the question's relational noun is equated with, when what it is "of" is the same
    /// thing (in other words, or a pronoun for it).
    /// </summary>
    private static IEnumerable<AnswerCandidate> RelationalCopula(string target, EvidenceSentence sentence)
    {
        var relation = Regex.Match(target, @"^(?:(?:the|a|an)\s+)?(?<head>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+of\s+(?<of>.+)$", RegexOptions.IgnoreCase);
        if (!relation.Success || Tokenizer.Words(relation.Groups["head"].Value).All(StopWords.Contains))
        {
            yield break;
        }

        var head = string.Join(@"\s+", Tokenizer.Words(relation.Groups["head"].Value).Select(Regex.Escape));
        var ofStems = Tokenizer.Words(relation.Groups["of"].Value).Where(w => !StopWords.Contains(w)).Select(w => Lexicon.StemOf(QuestionAnalyzer.StripPossessive(w))).ToList();
        var pattern = $@"\b{head}\s+of\s+(?<of>[^,;.:“”""]{{1,60}}?)\s+(?:(?:is|was|are|were)\s+(?:likely|expected|said|believed|thought)\s+to\s+be|(?:appears|seems)\s+to\s+be|will\s+be|would\s+be|is|was|are|were|remains|remained)\s+(?<np>(?:to\s+[“""]?)?[^,;.“”""]{{2,90}})";
        foreach (Match match in Regex.Matches(sentence.Text, pattern, RegexOptions.IgnoreCase))
        {
            var of = Tokenizer.Words(match.Groups["of"].Value);
            var same = of.Any(w => w is "his" or "her" or "its" or "their" or "this" or "that")
                || of.Select(w => Lexicon.StemOf(QuestionAnalyzer.StripPossessive(w))).Any(stem => ofStems.Any(t => t == stem || Lexicon.RelatedStems(t).Contains(stem)));
            if (!same)
            {
                continue;
            }

            // "is to “prolong the war”": the purpose quoted is still the answer, without the quote marks.
            var np = match.Groups["np"];
            var text = np.Value.Replace("“", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal).Trim();
            yield return Candidate(text, "desc:" + text.ToLowerInvariant(), sentence, np.Index, text.Length, 0.95);
        }
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "on", "from", "of", "with", "by", "for", "during", "after", "before", "under", "to", "into", "near", "since", "as", "like",
    };

    /// <summary>
    /// The role written straight before a name: "the visiting Secretary of Russia's Security Council Sergei Shoigu",
    /// "chairman and chief executive Richard Parsons", "BA chairman Martin Broughton", "Danish supermodel Helena
    /// Christensen". Title words, capitalised words and the connectors between them, or one or two lower-case nouns
    /// after a capitalised word; punctuation, a verb or a function word ends it.
    /// </summary>
    internal static (int Start, int End)? RoleBefore(EvidenceSentence sentence, int nameStart)
    {
        var words = sentence.Words;
        var text = sentence.Text;
        var next = nameStart;
        int? first = null;
        var hasRole = false;
        var lowerNouns = 0;
        for (var k = sentence.WordIndexAt(nameStart) - 1; k >= 0 && nameStart - words[k].Start < 120; k--)
        {
            var word = words[k];
            if (text.AsSpan(word.Start + word.Length, next - word.Start - word.Length).Trim().Length > 0)
            {
                break;
            }

            var bare = word.Lower.EndsWith("'s", StringComparison.Ordinal) || word.Lower.EndsWith("’s", StringComparison.Ordinal) ? word.Lower[..^2] : word.Lower;
            var capital = char.IsUpper(text[word.Start]);
            if (EntityRecognizer.IsTitleWord(bare))
            {
                hasRole = true;
            }
            else if (bare is "of" or "and" or "for" or "the" && first is not null)
            {
                // Inside the role ("Secretary of Russia's Security Council"); trimmed when it ends up first.
            }
            else if (capital && !StopWords.Contains(bare))
            {
                hasRole |= lowerNouns > 0 && first == k + 1;
            }
            else if (!capital && lowerNouns < 2 && (first is null || lowerNouns > 0 && first == k + 1 || EntityRecognizer.IsTitleWord(words[first.Value].Lower)) && IsPlainNoun(bare))
            {
                // "supermodel" in "Danish supermodel", "aviation" in "aviation analyst": counts once a capitalised word or title confirms it.
                lowerNouns++;
            }
            else
            {
                break;
            }

            first = k;
            next = word.Start;
        }

        while (first is { } f && f < words.Count && words[f].Lower is "of" or "and" or "for" or "the")
        {
            first = f + 1;
        }

        if (!hasRole || first is not { } start || start >= words.Count || words[start].Start >= nameStart)
        {
            return null;
        }

        var end = text.AsSpan(0, nameStart).TrimEnd().Length;
        return (words[start].Start, end);
    }

    /// <summary>A lower-case word that can be a role noun: not a function word, verb form or adverb.</summary>
    private static bool IsPlainNoun(string word) =>
        word.Length > 2 && word.All(char.IsLetter) && !StopWords.Contains(word) && !word.EndsWith("ed", StringComparison.Ordinal)
        && !word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("ly", StringComparison.Ordinal) && Lexicon.Lemma(word) == word
        && word is not ("said" or "says" or "told" or "met" or "visit" or "visits" or "meets" or "tells" or "asks" or "urges" or "calls");

    /// <summary>
    /// A role set off by commas before a name: "the Palestinian leader, Mahmoud Abbas", "Chairman of the Foreign Affairs
    /// Committee of the Federation Council, in the upper house of the Russian Parliament, Mikhail Margelov". A phrase
    /// opening with a preposition only places the role; the one before it is the role.
    /// </summary>
    internal static (int Start, int End)? RoleApposedBefore(EvidenceSentence sentence, int nameStart)
    {
        var text = sentence.Text;
        var end = text.AsSpan(0, nameStart).TrimEnd().Length;
        for (var segments = 0; segments < 2 && end > 0 && text[end - 1] == ','; segments++)
        {
            var segmentEnd = end - 1;
            var open = text.LastIndexOfAny([',', ';', '(', '“', '"', ':'], segmentEnd - 1) + 1;
            var segment = text[open..segmentEnd];
            var start = open + (segment.Length - segment.TrimStart().Length);
            var firstWord = Tokenizer.Words(segment).FirstOrDefault();
            if (firstWord is null)
            {
                return null;
            }

            if (Prepositions.Contains(firstWord))
            {
                end = open;
                continue;
            }

            // "… said on Monday that the Palestinian leader, Mahmoud Abbas": the role is the last noun phrase holding a title.
            static bool HoldsRole(string part) => Tokenizer.Words(part).Any(w => EntityRecognizer.IsTitleWord(w) || w is "executive" or "member");
            var determiner = RoleDeterminer().Matches(segment).LastOrDefault(m => m.Index > 0 && HoldsRole(segment[m.Index..]));
            if (determiner is not null)
            {
                start = open + determiner.Index;
            }

            var role = text[start..segmentEnd];
            var opensAsRole = determiner is not null || firstWord is "the" or "a" or "an" || EntityRecognizer.IsTitleWord(firstWord) || char.IsUpper(text[start]);
            if (!opensAsRole || Tokenizer.Words(role).Count > 14 || !HoldsRole(role) || open > 0 && text[open - 1] != ',')
            {
                return null;
            }

            return (start, segmentEnd);
        }

        return null;
    }

    /// <summary>For "who is the developer of X": the role noun followed by a capitalised name in apposition ("the developer, Kite Realty").</summary>
    private static Regex? RoleHolderPattern(QuestionAnalysis question)
    {
        var role = question.DescriptionTarget is { } target && question.Question.StartsWith("who", StringComparison.OrdinalIgnoreCase)
            ? Regex.Match(target, @"^(?:the|its|their)\s+(?<r>[a-z]+)\b")
            : Match.Empty;
        return role.Success
            ? new Regex($@"\b(?i:{Regex.Escape(role.Groups["r"].Value)})\s*,\s+(?<n>(?:\p{{Lu}}[\w’'.&-]*\s+){{0,4}}\p{{Lu}}[\w’'.&-]*)")
            : null;
    }

    /// <summary>The described thing without where it is: "the grotto at notre dame" → grotto.</summary>
    internal static IReadOnlyList<string> CoreOfTarget(string target)
    {
        var core = Regex.Replace(target, @"\s+(?:at|in|on|near|from)\s+.*$", string.Empty, RegexOptions.IgnoreCase);
        return Tokenizer.Words(core).Where(w => !StopWords.Contains(w)).ToList();
    }

    /// <summary>
    /// Noun phrases near the question's words that are not made of them — the answer to "what is in front of the Main
    /// Building" is the phrase the question lacks. A head matching the asked-for noun ("which prize") fits best; short
    /// phrases beat long ones, as a person would write the answer.
    /// </summary>
    private static IEnumerable<AnswerCandidate> Phrases(QuestionAnalysis question, EvidenceSentence sentence, double baseFit)
    {
        var asked = QuestionStems(question);
        var typeStem = question.TypeNoun is { } noun ? Lexicon.StemOf(noun) : null;
        var typeModifier = typeStem is null ? null : ModifierOfType(question);
        var eventWords = EventWordIndexes(question, sentence);
        var matched = sentence.Matches.Select(m => m.WordIndex).ToHashSet();
        foreach (var phrase in sentence.Phrases)
        {
            // A date or an amount answers when/how-many questions, not what-questions.
            if (sentence.Dates.Any(d => d.Start < phrase.End && phrase.Start < d.End) && !sentence.Text.AsSpan(phrase.Start, phrase.Length).ContainsAny(Letters)
                || IsAbbreviationOnly(sentence.Text.Substring(phrase.Start, phrase.Length)))
            {
                continue;
            }

            int content = 0, shared = 0;
            var headMatchesType = false;
            foreach (var word in Tokenizer.Words(sentence.Text.Substring(phrase.Start, phrase.Length)))
            {
                if (StopWords.Contains(word))
                {
                    continue;
                }

                var stem = Lexicon.StemOf(word);
                if (stem == typeStem)
                {
                    headMatchesType = true;
                    continue;
                }

                content++;
                shared += asked.Contains(stem) ? 1 : 0;
            }

            if (content == 0 || shared == content)
            {
                continue;
            }

            // A name with the asked-for head ("the Joan B. Kroc Institute for International Peace Studies" for "what
            // institute") may share words with the question; another phrase doing so mostly repeats it.
            var namedOfType = headMatchesType && phrase.IsProper;
            var fit = baseFit * (1 - (namedOfType ? 0.3 : 0.8) * shared / content) / (namedOfType ? 1 : 1 + 0.04 * Math.Max(0, phrase.Words - 4));

            // "a copper statue of Christ" says which statue: an "of" naming something specifies the phrase.
            var phraseText = sentence.Text.AsSpan(phrase.Start, phrase.Length);
            var ofAt = phraseText.IndexOf(" of ", StringComparison.Ordinal);
            if (ofAt > 0 && ofAt + 4 < phraseText.Length && char.IsUpper(phraseText[ofAt + 4]))
            {
                fit *= 1.05;
            }
            // "a significant role", "the ongoing conflict": a head the question asks for with only words of degree or time
            // before it says no more than the question does.
            if (headMatchesType && !phrase.IsProper && OnlyVagueModifiers(sentence, phrase, typeStem!))
            {
                headMatchesType = false;
                fit *= 0.5;
            }

            if (headMatchesType)
            {
                fit *= namedOfType ? 1.6 : 1.35;
            }

            // "included as a guarantor", "serves as mediator": for "what role", the phrase "as" predicates of its subject is one.
            if (typeStem is not null && RoleNouns.Contains(typeStem) && FollowsAs(sentence.Text.AsSpan(0, phrase.Start)))
            {
                fit *= 2.5;
            }

            // "Which UN body …" — "the UN Security Council": a name that grows the question's own modifier of the asked
            // noun into a longer name is the thing of that kind, though it shares a word with the question.
            if (!headMatchesType && phrase.IsProper && typeModifier is not null && ExtendsModifierName(typeModifier, sentence, phrase, asked))
            {
                fit *= 1.9;
            }

            // "hundreds of tons" (of aid) measures the thing sent rather than naming it.
            if (sentence.Quantities.Any(q => q.Start <= phrase.Start && phrase.End <= q.End))
            {
                fit *= 0.3;
            }

            // The question's verb followed by its object: "modeled after German Catholic journals", "known as Washington Hall".
            var first = sentence.WordIndexAt(phrase.Start);
            if (question.TypeNoun is null && IsAddressee(sentence, first))
            {
                // "stated to Al Jazeera", "told reporters": whom a speaker tells is not what the speaker says.
                fit *= 0.6;
            }
            else if (eventWords.Any(e => first > e && first - e <= 3))
            {
                fit *= 1.4;
            }

            fit *= Relation(sentence, phrase, matched);
            // "Which UN body …" asks for an organisation, which has a name, as "what is the paper called" does.
            var wantsName = question.AsksForName || question.Type == AnswerType.Organization && question.TypeNoun is not null;
            if (phrase.IsProper)
            {
                fit *= wantsName ? 1.5 : 1.1;
            }
            else if (wantsName)
            {
                // "What is the paper called?" asks for a name: a common-noun phrase is not one.
                fit *= 0.6;
            }

            // "artist Millard Sheets" answers "which artist": the words the question already has are left off the front —
            // unless capitalised, as part of the name ("Buechner Prize for Preaching", "Congregation of Holy Cross").
            var start = phrase.Start;
            var end = phrase.End;

            // "Notre Dame's Vice President of Student Affairs": an owner the question names is said already.
            var owner = OwnerPrefix().Match(sentence.Text, start, end - start);
            if (owner.Success && owner.Index == start && Tokenizer.Words(owner.Value).All(w => StopWords.Contains(w) || asked.Contains(Lexicon.StemOf(w))))
            {
                start += owner.Length;
            }

            foreach (var word in sentence.Words.Where(w => w.Start >= start && w.Start + w.Length <= end))
            {
                if (word.Stem != typeStem && !asked.Contains(word.Stem) && !StopWords.Contains(word.Lower)
                    || char.IsUpper(sentence.Text[word.Start]) && !StopWords.Contains(word.Lower))
                {
                    break;
                }

                start = word.Start + word.Length;
            }

            // "French Revival style" answers "which architectural style" as "French Revival": the name before a common-noun
            // head the question asks with says it; a capitalised head is part of the name ("Moreau Seminary"), and without a
            // name before it the head completes the phrase ("federal anti-racketeering laws").
            var inPhrase = sentence.Words.Where(w => w.Start >= start && w.Start + w.Length <= end).ToList();
            if (inPhrase.Count >= 2 && inPhrase[^1].Stem == typeStem && char.IsLower(sentence.Text[inPhrase[^1].Start])
                && inPhrase.SkipLast(1).All(w => char.IsUpper(sentence.Text[w.Start]) || StopWords.Contains(w.Lower)))
            {
                end = inPhrase[^2].Start + inPhrase[^2].Length;
            }

            var text = sentence.Text[start..end].Trim();
            if (text.Count(char.IsLetterOrDigit) < 2 || Gazetteer.IsDemonym(text))
            {
                continue;
            }

            start = end - text.Length;

            // A lone common noun ("research", "part", "spot") is seldom what a what-question asks for.
            if (!text.Contains(' ', StringComparison.Ordinal) && char.IsLower(text[0]) && !char.IsDigit(text[0]))
            {
                fit *= 0.5;
            }

            yield return Candidate(text, "np:" + LeadingArticle().Replace(text.ToLowerInvariant(), string.Empty), sentence, start, text.Length, Math.Min(1.0, fit)) with { Fallback = true };
        }
    }

    /// <summary>True when the word before the phrase is a verb of saying, or such a verb and "to": the phrase is whom it was said to.</summary>
    private static bool IsAddressee(EvidenceSentence sentence, int first)
    {
        var verb = first - 1 >= 0 && sentence.Words[first - 1].Lower == "to" ? first - 2 : first - 1;
        return verb >= 0 && sentence.Words[verb].Lower is not "say" and not "said" and not "says" && Lexicon.IsSaying(sentence.Words[verb].Stem);
    }

    /// <summary>Nouns that ask for a function something has ("what role did it play"): answered by "as a mediator".</summary>
    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        Lexicon.StemOf("role"), Lexicon.StemOf("position"), Lexicon.StemOf("capacity"), Lexicon.StemOf("function"),
    };

    /// <summary>Adjectives of degree, importance or time: they grade the noun but do not say which one it is.</summary>
    private static readonly HashSet<string> VagueModifiers = new(StringComparer.Ordinal)
    {
        "significant", "important", "key", "major", "minor", "big", "bigger", "biggest", "great", "greater", "large", "larger",
        "small", "smaller", "main", "central", "crucial", "critical", "vital", "pivotal", "essential", "leading", "prominent",
        "active", "ongoing", "current", "recent", "latest", "new", "old", "growing", "increasing", "certain", "particular",
        "real", "serious", "special", "strong", "stronger", "weak", "whole", "entire", "broader", "wider", "long", "longer",
        "possible", "potential", "future", "past", "previous", "further", "more", "less", "much", "many", "some", "any", "other",
    };

    private static bool OnlyVagueModifiers(EvidenceSentence sentence, Extraction.NounPhrase phrase, string typeStem)
    {
        var content = sentence.Words.Where(w => w.Start >= phrase.Start && w.Start < phrase.End && !StopWords.Contains(w.Lower) && w.Stem != typeStem).ToList();
        return content.All(w => VagueModifiers.Contains(w.Lower));
    }

    /// <summary>"… included as " or "… included as a ": the text before a phrase ends with "as" and perhaps an article.</summary>
    private static bool FollowsAs(ReadOnlySpan<char> before)
    {
        before = before.TrimEnd();
        foreach (var article in (ReadOnlySpan<string>)[" a", " an", " the"])
        {
            if (before.EndsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                before = before[..^article.Length].TrimEnd();
                break;
            }
        }

        return before.EndsWith(" as", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\b(?<m>[A-Z][\w.&-]*)\s+(?=(?<n>[\p{L}-]+))")]
    private static partial Regex CapitalisedModifier();

    /// <summary>"Which UN body": the capitalised word the question puts before the noun it asks for, lower-cased.</summary>
    private static string? ModifierOfType(QuestionAnalysis question)
    {
        foreach (Match match in CapitalisedModifier().Matches(question.Question))
        {
            if (match.Groups["n"].Value.Equals(question.TypeNoun, StringComparison.OrdinalIgnoreCase) && match.Index > 0)
            {
                return match.Groups["m"].Value.ToLowerInvariant();
            }
        }

        return null;
    }

    private static bool ExtendsModifierName(string modifier, EvidenceSentence sentence, Extraction.NounPhrase phrase, HashSet<string> asked)
    {
        var words = sentence.Words.Where(w => w.Start >= phrase.Start && w.Start < phrase.End && !StopWords.Contains(w.Lower)).ToList();
        return words.Count >= 2 && words.Any(w => w.Lower == modifier) && words.Count(w => !asked.Contains(w.Stem)) >= 2;
    }

    /// <summary>
    /// How strongly the sentence's syntax ties a phrase to the question's words: "X is/was Y" with the question's words
    /// on the other side of the copula ("in front of the Main Building … is a copper statue"), or an apposition
    /// ("Old College, the oldest building on campus"; "its main seminary, Moreau Seminary,").
    /// </summary>
    internal static double Relation(EvidenceSentence sentence, Extraction.NounPhrase phrase, HashSet<int> matched)
    {
        var text = sentence.Text;
        var before = text[..phrase.Start];
        var after = text[phrase.End..];
        var first = sentence.WordIndexAt(phrase.Start);
        var last = sentence.WordIndexAt(phrase.End) - 1;
        bool MatchedWithin(int from, int to) => matched.Any(i => i >= from && i <= to);

        if (CopulaBefore().IsMatch(before) && MatchedWithin(first - 9, first - 2))
        {
            return 1.45;
        }

        if (ApposedDescriptionAfter().IsMatch(after) && MatchedWithin(last + 1, last + 7))
        {
            return 1.4;
        }

        if (before.TrimEnd().EndsWith(',') && after.TrimStart().StartsWith(',') && MatchedWithin(first - 4, first - 1))
        {
            return 1.35;
        }

        if (CopulaAfter2().IsMatch(after) && MatchedWithin(last + 2, last + 9))
        {
            return 1.2;
        }

        return 1.0;
    }

    [GeneratedRegex(@"\b(?:is|are|was|were)\s*$", RegexOptions.RightToLeft)]
    private static partial Regex CopulaBefore();

    [GeneratedRegex(@"^\s+(?:is|are|was|were)\b")]
    private static partial Regex CopulaAfter2();

    [GeneratedRegex(@"^\s*,\s*(?:the|a|an|its|their|his|her|one of)\b")]
    private static partial Regex ApposedDescriptionAfter();

    /// <summary>Positions of the sentence's words that say the question's event (its non-role words or their related forms).</summary>
    private static List<int> EventWordIndexes(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var indexes = new List<int>();
        foreach (var word in sentence.Words)
        {
            if (question.Terms.Any(t => !t.IsRoleWord && t.Matches(word.Stem)))
            {
                indexes.Add(word.Index);
            }
        }

        return indexes;
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>"C.S.C.", "the Rev": a title or initials alone name nothing.</summary>
    private static bool IsAbbreviationOnly(string phrase)
    {
        var words = Tokenizer.Words(phrase).Where(w => !StopWords.Contains(w)).ToList();
        return words.All(w => w.Length <= 3 && (phrase.Contains(w + ".", StringComparison.OrdinalIgnoreCase) || EntityRecognizer.IsTitleWord(w)))
            || words.All(EntityRecognizer.IsTitleWord);
    }

    private static HashSet<string> QuestionStems(QuestionAnalysis question)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in question.Terms)
        {
            stems.Add(term.Stem);
        }

        foreach (var word in question.Names.SelectMany(n => n.Words))
        {
            stems.Add(Lexicon.StemOf(word));
        }

        return stems;
    }

    [GeneratedRegex(@"^(?:the|a|an)\s+")]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\b(?:the|a|an)\s")]
    private static partial Regex RoleDeterminer();

    private static IEnumerable<AnswerCandidate> Statement(QuestionAnalysis question, EvidenceSentence sentence)
    {
        if (sentence.Matches.Count == 0)
        {
            yield break;
        }

        // The ten-word window around the words that matched the question.
        var centre = (int)sentence.Matches.Average(m => m.WordIndex);
        var first = Math.Max(0, Math.Min(centre - MaxAnswerWords / 2, sentence.Words.Count - MaxAnswerWords));
        var last = Math.Min(sentence.Words.Count, first + MaxAnswerWords) - 1;
        var start = sentence.Words[first].Start;
        var end = sentence.Words[last].Start + sentence.Words[last].Length;
        var text = sentence.Text[start..end];
        yield return Candidate(text, "stmt:" + text.ToLowerInvariant(), sentence, start, end - start, 0.6);
    }

    private static AnswerCandidate Candidate(string text, string key, EvidenceSentence sentence, int charStart, int charLength, double fit)
    {
        var first = sentence.WordIndexAt(charStart);
        var end = charLength == 0 ? first : Math.Max(first + 1, sentence.WordIndexAt(charStart + charLength));
        return new AnswerCandidate(Shorten(text), key, sentence, first, end, fit);
    }

    internal static string Shorten(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxAnswerWords ? text.Trim() : string.Join(' ', words.Take(MaxAnswerWords));
    }

    private static bool IsQuestionName(QuestionAnalysis question, EntityMention entity)
    {
        var words = EvidenceSentence.WordSet(Tokenizer.Words(entity.Canonical));
        return question.Names.Any(n => n.Words.Count > 0 && (n.Words.All(words.Contains) || n.Kind == EntityKind.Person && words.Contains(n.Words[^1])
            || n.Aliases.Any(a => a.Count > 0 && a.All(words.Contains))));
    }

    private static double RoleFit(QuestionAnalysis question, EvidenceSentence sentence, EntityMention entity, IReadOnlyList<string> roleWords)
    {
        // The role may be a title ("Palestinian President Mahmoud Abbas") or an apposition before the name ("the Palestinian leader, Mahmoud Abbas").
        // A title fragment the recogniser left apart ("the Rev.") is no other person bounding the window.
        var previousEnd = sentence.Entities.Where(e => e.End <= entity.Start && e.Kind != EntityKind.Other).Select(e => e.End).DefaultIfEmpty(0).Max();
        var windowStart = Math.Max(previousEnd, Math.Max(0, entity.Start - 40));
        var context = sentence.Text[windowStart..entity.Start] + " " + (entity.Title ?? string.Empty);
        var roleText = entity.Title ?? string.Empty;
        foreach (var role in new[] { RoleBefore(sentence, entity.Start), RoleApposedBefore(sentence, entity.Start) })
        {
            if (role is { } span)
            {
                roleText += " " + sentence.Text[span.Start..span.End];
            }
        }

        // "Secretary of Russia's Security Council Sergei Shoigu" holds no office of Iran: a role said of another country is another role.
        var asked = question.Names.Where(n => Gazetteer.IsCountry(n.Text)).Select(n => Gazetteer.FindCountry(n.Text)).OfType<Country>().ToList();
        var said = Tokenizer.Words(roleText).Select(w => EvidenceSentence.WordSet([w]).Select(Gazetteer.FindCountry).FirstOrDefault(c => c is not null)).OfType<Country>().ToList();
        if (asked.Count > 0 && said.Count > 0 && !said.Any(asked.Contains))
        {
            return 0.1;
        }

        context += " " + roleText;

        var roles = roleWords.Select(Lexicon.StemOf).ToList();
        if (HasRoles(context, roles))
        {
            return 1.0;
        }

        // Or said of the person after the name, before the next one: "O'Hara was elected … president of Notre Dame in 1934".
        var nextStart = sentence.Entities.Where(e => e.Start >= entity.End && e.Kind == EntityKind.Person).Select(e => e.Start).DefaultIfEmpty(sentence.Text.Length).Min();
        var after = sentence.Text[entity.End..Math.Min(nextStart, Math.Min(sentence.Text.Length, entity.End + 80))];
        return Regex.IsMatch(after, @"^\s*(?:,|was|is|became|has been|had been|served)", RegexOptions.IgnoreCase) && HasRoles(after, roles) ? 0.9 : 0.15;
    }

    private static bool HasRoles(string context, List<string> roles)
    {
        var words = EvidenceSentence.WordSet(Tokenizer.Words(context)).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        return roles.All(r => words.Contains(r) || Lexicon.RelatedStems(r).Any(words.Contains));
    }

    private static EntityMention? Speaker(EvidenceSentence sentence)
    {
        var opensWithPronoun = Regex.IsMatch(sentence.Text, @"^\W*(?:He|She|They)\b") || sentence.Text.TrimStart().StartsWith('“') || sentence.Text.TrimStart().StartsWith('"');
        if (!opensWithPronoun)
        {
            return null;
        }

        // The latest person named before this sentence in the same passage.
        var passageText = sentence.Passage.Text;
        var sentenceStart = passageText.IndexOf(sentence.Text, StringComparison.Ordinal);
        if (sentenceStart <= 0)
        {
            return null;
        }

        return EntityRecognizer.Recognize(passageText[..sentenceStart]).LastOrDefault(e => e.Kind == EntityKind.Person);
    }

    private static int? ExtendFacility(EvidenceSentence sentence, EntityMention entity, bool isFacility)
    {
        var rest = sentence.Text[entity.End..];
        var located = Regex.Match(rest, @"^[^,;.()]{0,40}?\s+in\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?");
        if (isFacility)
        {
            return located.Success && located.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 ? entity.End + located.Length : null;
        }

        var match = FacilityAfter().Match(rest);
        return match.Success ? entity.End + match.Length : null;
    }

    private static string StripOpening(string text) => Regex.Replace(text, @"^(?:from|between|during)\s+", string.Empty, RegexOptions.IgnoreCase);

    /// <summary>"the 1990s until 2001", "the late 1980s to 1991": a period of mixed precision reads best as written; no one number range says it.</summary>
    private static bool IsWrittenPeriod(DateMention date) =>
        date.IsRange && date.Precision >= DatePrecision.Year && Regex.IsMatch(date.Text, @"\d0s\b|\bcentury\b|\b(?:early|late|mid)\b", RegexOptions.IgnoreCase);

    private static string Surname(string name)
    {
        var words = name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? name.ToLowerInvariant() : words[^1];
    }
}
