using System.Globalization;
using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Extraction;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;
using Bots.Text.Dates;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Answering;

/// <summary>
/// Answers a question from the stored articles: analyse it, retrieve passages, rank sentences, extract candidates of
/// the expected type, score them (type fit, closeness to the question's words, retrieval rank, agreement across
/// independent stories) — and decline when no evidence mentions what the question is about.
/// </summary>
public sealed class QuestionAnswerer(IPassageSearch search, QuestionAnsweringOptions options, TimeProvider? clock = null)
{
    private const int SentencesToMine = 14;
    private const double MinimumCoverage = 0.35;
    private const double MinimumEventCoverage = 0.2;
    private const double MinimumScore = 0.2;
    private const double MinimumFallbackScore = 0.12;
    private const double DisagreementRatio = 0.85;

    /// <summary>Evidence that words the question's event otherwise (see <see cref="MissesOnlyTheVerb"/>) counts for less.</summary>
    private const double RewordedPenalty = 0.75;

    private readonly PassageRetriever retriever = new(search);

    // Question analysis and extraction ask about thirty fixed patterns through the static Regex methods, whose cache of
    // parsed patterns holds fifteen by default: every ask parsed most of them again.
    static QuestionAnswerer() => System.Text.RegularExpressions.Regex.CacheSize = Math.Max(System.Text.RegularExpressions.Regex.CacheSize, 128);
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>Answers one question; throws <see cref="InvalidQuestionException"/> for a question that cannot be asked as sent.</summary>
    public async Task<Answer> AskAsync(Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        Validate(question.Text);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var analysis = QuestionAnalyzer.Analyze(question.Text, today, question.PreviousQuestion, question.PreviousAnswer);
        var passages = await retriever.RetrieveAsync(analysis, cancellationToken).ConfigureAwait(false);
        if (passages.Count == 0)
        {
            return Answer.Decline(analysis.Type.ToWireName(), "I found nothing about that in the articles. Try other words, or add articles about it.");
        }

        // "last year" means the corpus's last year: resolve against the newest article found, not the clock.
        if (analysis.DateConstraints.Any(d => d.IsRelative))
        {
            var newest = passages.Select(p => DateExtractor.ParseReference(p.Published)).Where(d => d is not null).DefaultIfEmpty(today).Max();
            analysis = QuestionAnalyzer.Analyze(question.Text, newest, question.PreviousQuestion, question.PreviousAnswer);
        }

        analysis = ResolveNameKinds(CorrectMisspelledNames(PromoteLowerCaseNames(DemoteOpeningCommonWords(analysis, passages), passages), passages), passages);
        var withAliases = LearnAliases(analysis, passages);
        if (!ReferenceEquals(withAliases, analysis))
        {
            // "British Airways" is "BA" in most sentences of the story: fetch the passages that only use the short form.
            analysis = withAliases;
            passages = await retriever.AddAliasPassagesAsync(analysis, passages, cancellationToken).ConfigureAwait(false);
        }

        return AnswerFrom(analysis, passages);
    }

    /// <summary>Refuses an empty or over-long question with <see cref="InvalidQuestionException"/>.</summary>
    public void Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidQuestionException("The question is empty: type what you want to know, for example \"When did Abbas visit Moscow?\".");
        }

        if (text.Length > options.MaxQuestionLength)
        {
            throw new InvalidQuestionException(string.Create(CultureInfo.InvariantCulture,
                $"The question is {text.Length:N0} characters long; the limit is {options.MaxQuestionLength:N0}. Ask one shorter question."));
        }
    }

    private static Answer AnswerFrom(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        var typeName = analysis.Type.ToWireName();
        var sentences = passages.SelectMany((p, rank) => EvidenceSentence.FromPassage(p, rank)).ToList();
        SentenceRanker.Rank(analysis, sentences);

        // Which question names each article mentions anywhere in what was retrieved of it.
        var wordsByArticle = WordsByArticle(passages);
        if (PublicationAnswer.IsAsked(analysis) && PublicationAnswer.From(analysis, passages, wordsByArticle) is { } publication)
        {
            return publication;
        }

        var unmentioned = analysis.Names.Where(n => !wordsByArticle.Values.Any(words => NameMatcher.Mentions(words, n))).ToList();
        if (unmentioned.Count > 0)
        {
            return Answer.Decline(typeName, $"None of the articles mention {JoinNames(unmentioned.Select(n => n.Text))}. {Coverage(analysis, passages)}");
        }

        var reworded = new HashSet<EvidenceSentence>();
        var namesAllMentioned = wordsByArticle.ToDictionary(a => a.Key, a => analysis.Names.All(n => NameMatcher.Mentions(a.Value, n)));
        var aboutTheQuestion = sentences
            .Where(s => namesAllMentioned[s.Passage.ArticleId])
            .Where(s => s.NamesInSentence + s.NamesInContext == analysis.Names.Count && s.PlacesOnlyInPassage == 0)
            .Where(s => HasTheNumbers(analysis, s))
            .Where(s => s.Coverage >= MinimumCoverage && (s.EventCoverage >= MinimumEventCoverage || analysis.Names.Count >= 2 && s.NamesInSentence == analysis.Names.Count && s.EventCoverage > 0)
                || MissesOnlyTheVerb(analysis, s) && reworded.Add(s))
            .ToList();

        // Whether a sentence meets the dates asked for needs its passage's dates found, and whether it is about other
        // people or places its names recognised: asked of the best sentences only, best first (the sort is stable, so
        // filtering after it keeps the order filtering before it gave).
        var mined = aboutTheQuestion
            .OrderByDescending(s => s.Score)
            .Where(s => MeetsDateConstraints(analysis, s))
            .Where(s => !FocusSupport.Contradicts(analysis, s))
            .Take(SentencesToMine)
            .ToList();
        if (mined.Count == 0)
        {
            return Answer.Decline(typeName, DeclineMessage(analysis, passages, sentences, aboutTheQuestion));
        }

        var candidates = new List<AnswerCandidate>();
        var refusals = new List<string>();
        foreach (var sentence in mined)
        {
            var dated = analysis.DateConstraints.Count > 0 && analysis.Type != AnswerType.Date && sentence.Dates.Count > 0 ? 0.1 : 0;
            foreach (var extracted in CandidateExtractor.Extract(analysis, sentence))
            {
                var (candidate, refusal) = AnswerValidation.Judge(analysis, extracted);
                if (candidate is null)
                {
                    refusals.Add(refusal!);
                    continue;
                }

                // A phrase found by shape alone needs the event in the evidence too: both names in a sentence is not enough.
                var verbReworded = reworded.Contains(sentence);
                if (candidate.Fallback && (verbReworded || sentence.EventCoverage < MinimumEventCoverage || !SaysTheEvent(analysis, sentence)))
                {
                    continue;
                }

                // "Who won …" is answered by the sentence that says who won, not by one that borrows "won" from its neighbour;
                // any other sentence borrowing the event must at least name everyone the question does ("Fighting continued
                // around Kabul this week" does not say when Holm visited Kabul).
                if (!verbReworded && (analysis.Type == AnswerType.Person || analysis.AsksForAParty && analysis.Type == AnswerType.Place || sentence.NamesInSentence < analysis.Names.Count) && !SaysTheEvent(analysis, sentence))
                {
                    continue;
                }

                // "Which countries rejected the budget?" is not answered by who rejected the proposal: the things the question names are said too.
                if (analysis.AsksForAParty && analysis.Type == AnswerType.Place && !SaysTheThings(analysis, sentence))
                {
                    continue;
                }

                // "Who distributed the aid …" is answered by a sentence that says the distributing (in some words), not one that only has the aid.
                if (analysis.AsksForTheDoer && (!DoneToTheNames(analysis, sentence) || !SaysTheVerb(analysis, sentence)))
                {
                    continue;
                }

                candidate.Score = (sentence.Score + dated) * candidate.Fit * (0.55 + 0.45 * Proximity(analysis, candidate)) * (verbReworded ? RewordedPenalty : 1);
                candidates.Add(candidate);
            }
        }

        var groups = Group(analysis, candidates);
        if (groups.Count == 0 || groups[0].Score < (groups[0].Best.Fallback ? MinimumFallbackScore : MinimumScore))
        {
            var refused = refusals.Count > 0 ? $" (the nearest I found: {refusals[0]})" : string.Empty;
            return Answer.Decline(typeName, $"The articles mention {Topic(analysis)}, but I found no {Describe(analysis.Type)} for that in them{refused}. {Coverage(analysis, passages)}");
        }

        var best = groups[0];
        var citations = best.Members
            .GroupBy(c => c.Sentence.Passage.StoryId)
            .Select(g => g.OrderByDescending(c => c.Score).First())
            .OrderByDescending(c => c.Score)
            .Take(3)
            .Select(Cite)
            .ToList();

        var message = string.Empty;
        var alternatives = new List<string>();
        var rival = groups.Skip(1).FirstOrDefault(g => g.Score >= DisagreementRatio * best.Score
            && g.Best.Sentence.Passage.StoryId != best.Best.Sentence.Passage.StoryId
            && g.Best.Sentence.NamesInSentence >= best.Best.Sentence.NamesInSentence
            && best.Members.All(m => m.Sentence.Passage.StoryId != g.Best.Sentence.Passage.StoryId));
        if (rival is not null && analysis.Type is AnswerType.Date or AnswerType.Quantity or AnswerType.Place or AnswerType.Person)
        {
            alternatives.Add(rival.Best.Text);
            citations.Add(Cite(rival.Best));
            message = $"Sources disagree: {SourceName(best.Best)} says {best.Best.Text}; {SourceName(rival.Best)} says {rival.Best.Text}.";
        }

        var confidence = Calibrate(best, rival is not null);
        var shown = best.Representative;
        if (!ReferenceEquals(shown, best.Best))
        {
            citations.Insert(0, Cite(shown));
            citations = citations.DistinctBy(c => (c.ArticleId, c.Snippet)).Take(3).ToList();
        }

        return new Answer(true, shown.Text, shown.Sentence.Text.Trim(), citations, confidence, typeName, message, alternatives);
    }

    /// <summary>
    /// The sentence names everyone and everything the question does — its names, its other content words — and lacks
    /// only the question's verb: "Samuel Ramani … told Al Jazeera" for "which outlet did Ramani speak to". Another
    /// wording of the event lowers confidence, it does not make the answer unknown. Only for answers of a narrow type,
    /// and only when two things at least tie the sentence to the question: "Hamas won the elections in 2006" does not
    /// say when Hamas was founded.
    /// </summary>
    private static bool MissesOnlyTheVerb(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        if (analysis.Type is not (AnswerType.Date or AnswerType.Place or AnswerType.Quantity or AnswerType.Duration or AnswerType.Person or AnswerType.Organization)
            || sentence.NamesInSentence < analysis.Names.Count || analysis.Quantity == QuantityHint.Age || analysis.AsksForTheDoer)
        {
            return false;
        }

        int missingVerbs = 0, anchors = analysis.Names.Count;
        for (var i = 0; i < analysis.Terms.Count && i < sentence.TermCredits.Length; i++)
        {
            var term = analysis.Terms[i];
            if (term.IsVerb)
            {
                missingVerbs += sentence.TermCredits[i] > 0 ? 0 : 1;
            }
            else if (sentence.TermCredits[i] < StrongCredit)
            {
                // "When did Russia veto the US resolution?" — "Russia's own motions … were rejected by the US": without
                // the verb, a thing only likened to the question's ("motions" ~ "resolution") is another event.
                return false;
            }
            else if (!term.IsRoleWord)
            {
                // "Who will succeed Abbas as Palestinian president?" — "Palestinian President Mahmoud Abbas met …": a role
                // word found in the asked person's own title says nothing about the event.
                anchors++;
            }
        }

        return missingVerbs > 0 && anchors >= 2;
    }

    /// <summary>The least credit of the word itself, a listed or derived form; a WordNet likeness or a neighbour's word earns less.</summary>
    private const double StrongCredit = 0.6;

    private static bool SaysTheVerb(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        for (var i = 0; i < analysis.Terms.Count && i < sentence.TermCredits.Length; i++)
        {
            if (analysis.Terms[i].IsVerb && sentence.TermCredits[i] <= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"over 100m hurdles", "Resolution 3379": a number in the question names a thing as a name does; the evidence must have it.</summary>
    private static bool HasTheNumbers(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        for (var i = 0; i < analysis.Terms.Count && i < sentence.TermCredits.Length; i++)
        {
            if (analysis.Terms[i].Word.Any(char.IsDigit) && sentence.TermCredits[i] <= 0
                && !(sentence.Previous is { } previous && previous.Stems.Contains(analysis.Terms[i].Stem)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The words of every retrieved passage of each article together; an article with one passage lends its own set.</summary>
    private static Dictionary<long, HashSet<string>> WordsByArticle(IReadOnlyList<RetrievedPassage> passages)
    {
        var words = new Dictionary<long, HashSet<string>>();
        var merged = new HashSet<long>();
        foreach (var passage in passages)
        {
            var own = EvidenceSentence.Annotate(passage).Words;
            if (!words.TryGetValue(passage.ArticleId, out var all))
            {
                words[passage.ArticleId] = own;
            }
            else if (merged.Add(passage.ArticleId))
            {
                // The cached set is shared: the union is a copy.
                words[passage.ArticleId] = new HashSet<string>(all, StringComparer.Ordinal);
                words[passage.ArticleId].UnionWith(own);
            }
            else
            {
                all.UnionWith(own);
            }
        }

        return words;
    }

    /// <summary>"Straight after Moscow", "right after the summit": how soon is said in many words, and none names a thing.</summary>
    private static readonly HashSet<string> TimingAdverbs = new(StringComparer.Ordinal)
    {
        "straight", "right", "immediately", "directly", "shortly", "soon", "just", "quickly", "promptly", "later", "earlier",
    };

    /// <summary>
    /// The content words of the question other than its verb, role words and how soon are in the sentence or the one
    /// before it. One may be missing when at least two others are said: "which countries refused to back Russia's
    /// proposals at the UN" — "Russia's own proposals … have not received backing from …" says the proposals and the
    /// backing without the forum; "Which countries rejected the budget?" is still not answered by who rejected the proposal.
    /// </summary>
    private static bool SaysTheThings(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        int said = 0, missing = 0;
        for (var i = 0; i < analysis.Terms.Count && i < sentence.TermCredits.Length; i++)
        {
            var term = analysis.Terms[i];
            if (term.IsVerb || term.IsRoleWord || TimingAdverbs.Contains(term.Word))
            {
                continue;
            }

            if (sentence.TermCredits[i] > 0 || sentence.Previous is { } previous && term.IsSaidIn(previous.Stems))
            {
                said++;
            }
            else
            {
                missing++;
            }
        }

        return missing == 0 || missing == 1 && said >= 2;
    }

    /// <summary>The sentence itself, not only its neighbours, has one of the question's event words (or the question has none).</summary>
    private static bool SaysTheEvent(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        var any = false;
        for (var i = 0; i < analysis.Terms.Count && i < sentence.TermCredits.Length; i++)
        {
            // "Knute Rockne became head coach in 1918" says who the new head coach was, football team or not.
            if (analysis.Type == AnswerType.Person && analysis.Terms[i].IsRoleWord && EntityRecognizer.IsTitleWord(analysis.Terms[i].Word) && sentence.TermCredits[i] > 0)
            {
                return true;
            }

            if (!analysis.Terms[i].IsRoleWord)
            {
                any = true;
                if (sentence.TermCredits[i] > 0)
                {
                    return true;
                }
            }
        }

        return !any;
    }

    /// <summary>
    /// For "who founded Hamas": the sentence has Hamas after the event word ("Yassin founded Hamas") or before it in
    /// the passive ("Hamas was founded by Yassin"), not as a doer beside the answer ("Fatah and Hamas signed a deal to form …").
    /// </summary>
    internal static bool DoneToTheNames(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        // "Who met Abbas": "Abbas met with Medvedev" says it as well as "Medvedev met Abbas". "Who said Moscow wants …":
        // the names are in what was said, wherever the saying is told.
        if (analysis.Terms.Any(t => t.IsVerb && (Lexicon.IsSymmetric(t.Stem) || Lexicon.IsSaying(t.Stem))))
        {
            return true;
        }

        var events = sentence.Words.Where(w => analysis.Terms.Any(t => !t.IsRoleWord && t.Matches(w.Stem))).Select(w => w.Index).ToList();
        if (events.Count == 0)
        {
            return true;
        }

        foreach (var name in analysis.Names.Where(n => !IsAdjunct(analysis, n)))
        {
            var nameWords = NameMatcher.NameWords(name);
            var at = sentence.Words.Where(w => nameWords.Contains(w.Lower.EndsWith("'s", StringComparison.Ordinal) || w.Lower.EndsWith("’s", StringComparison.Ordinal) ? w.Lower[..^2] : w.Lower)).Select(w => w.Index).ToList();
            if (at.Count == 0)
            {
                // Only a pronoun may stand for the name: "It was founded by …"; "X founded the Liberal Party" is about another thing.
                if (sentence.Words.Any(w => w.Lower is "it" or "its" or "they" or "their" or "he" or "she" or "his" or "her"))
                {
                    continue;
                }

                return false;
            }

            var objectOf = events.Any(e => at.Any(i => i > e));
            var passive = events.Any(e => at.Any(i => i < e) && sentence.Words.Skip(e + 1).Take(3).Any(w => w.Lower == "by"));
            if (!objectOf && !passive)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Who distributed the aid in Gaza": a name after a preposition says where or when, it is not what the doer acted on.</summary>
    private static bool IsAdjunct(QuestionAnalysis analysis, FocusName name)
    {
        var at = analysis.Question.IndexOf(name.Text, StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return false;
        }

        // "during the 2008–09 Gaza War": the preposition may stand before the name's determiner and date.
        var before = Tokenizer.Words(analysis.Question[..at]).LastOrDefault(w => w is not ("the" or "a" or "an") && !w.Any(char.IsDigit));
        return before is "in" or "at" or "from" or "near" or "inside" or "outside" or "across" or "during" or "after" or "before" or "since";
    }

    private static bool MeetsDateConstraints(QuestionAnalysis analysis, EvidenceSentence sentence)
    {
        if (analysis.DateConstraints.Count == 0 || analysis.Type == AnswerType.Date)
        {
            return true;
        }

        foreach (var constraint in analysis.DateConstraints)
        {
            if (sentence.Dates.Any(d => DateAgreement.Satisfies(d, constraint) && !Since(analysis, sentence, d)))
            {
                continue;
            }

            // A sentence without a date of its own continues the one before it ("In 1933 … . He also …"); "for the first
            // time since 2021" says nothing happened in 2021 to continue.
            if (sentence.Dates.Count == 0 && sentence.Previous is { } previous && previous.Dates.Any(d => DateAgreement.Satisfies(d, constraint) && !Since(analysis, previous, d)))
            {
                continue;
            }

            // A sentence without any date in a news story happened around its publication date.
            var published = DateExtractor.ParseReference(sentence.Passage.Published);
            if (sentence.Dates.Count == 0 && published is { } day && constraint.Overlaps(day, day))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>"since 2021", "ever since the 2006 elections": the date bounds a period; nothing is said to happen at it.</summary>
    private static bool Since(QuestionAnalysis analysis, EvidenceSentence sentence, DateMention date) =>
        !analysis.AsksForSince && !Regex.IsMatch(analysis.Question, @"\bsince\b", RegexOptions.IgnoreCase)
        && date.Start > 0 && date.Start <= sentence.Text.Length
        && Regex.IsMatch(sentence.Text.AsSpan(Math.Max(0, date.Start - 12), Math.Min(12, date.Start)), @"\bsince\s+(?:the\s+)?$", RegexOptions.IgnoreCase);

    private static double Proximity(QuestionAnalysis analysis, AnswerCandidate candidate)
    {
        if (candidate.Anchored)
        {
            return 1;
        }

        var matches = candidate.Sentence.Matches.Where(m => m.WordIndex < candidate.FirstWord || m.WordIndex >= candidate.EndWord).ToList();
        if (matches.Count == 0)
        {
            return 0.3;
        }

        // A date in "(founded in 1964)" belongs to the phrase before the bracket, not to the words after it.
        var words = candidate.Sentence.Words;
        var text = candidate.Sentence.Text;
        var candidateStart = candidate.FirstWord < words.Count ? words[candidate.FirstWord].Start : text.Length;
        var open = text.LastIndexOf('(', Math.Max(0, candidateStart - 1));
        var closeBefore = open < 0 ? -1 : text.IndexOf(')', open);
        var inBrackets = open >= 0 && (closeBefore < 0 || closeBefore >= candidateStart);
        var close = inBrackets ? text.IndexOf(')', candidateStart) : -1;

        // A date belongs to the event words near it more than to the names: in "After the 1967 war, the Kremlin severed
        // ties with Israel, only re-establishing contact in the early 1990s" the re-establishing is in the 1990s.
        var nameWords = candidate.Date is null ? null : analysis.Names.SelectMany(NameMatcher.NameWords).ToHashSet(StringComparer.Ordinal);
        double weighted = 0;
        double total = 0;
        foreach (var (index, matchWeight) in matches)
        {
            var weight = nameWords is not null && index < words.Count && nameWords.Contains(Bare(words[index].Lower)) ? 0.25 * matchWeight : matchWeight;
            total += weight;
            if (inBrackets && close >= 0 && index < words.Count && words[index].Start > close)
            {
                continue;
            }

            var distance = index < candidate.FirstWord ? candidate.FirstWord - index : index - candidate.EndWord + 1;
            weighted += weight * Math.Exp(-distance / 7.0);
        }

        return weighted / total;
    }

    private static string Bare(string lower) =>
        lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal) ? lower[..^2] : lower;

    private static List<CandidateGroup> Group(QuestionAnalysis analysis, List<AnswerCandidate> candidates)
    {
        var groups = new List<CandidateGroup>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score))
        {
            var group = groups.FirstOrDefault(g => SameAnswer(g.Best, candidate));
            if (group is null)
            {
                groups.Add(new CandidateGroup(candidate));
            }
            else
            {
                group.Members.Add(candidate);
            }
        }

        foreach (var group in groups)
        {
            // Of agreeing answers, show the most specific one that scores nearly as well ("the Novo-Ogaryovo residence in Moscow" over "Moscow").
            var specific = group.Members.Where(m => m.Score >= 0.7 * group.Best.Score).OrderByDescending(m => m.Text.Length).First();
            if (analysis.Type is AnswerType.Place or AnswerType.Person or AnswerType.Description)
            {
                group.Representative = specific;
            }
            else if (analysis.Type == AnswerType.Date && analysis.DatePrecision is null)
            {
                // "In July, Haniyeh was assassinated" and "the assassination of Haniyeh on July 31" agree: the day says more.
                group.Representative = MostPreciseDate(group);
            }

            // Independent stories that agree raise the answer; near-duplicates of one story count once.
            var stories = group.Members.Select(m => m.Sentence.Passage.StoryId).Distinct().Count();
            group.Score = group.Best.Score * (1 + Math.Min(0.3, 0.12 * (stories - 1)));
            group.Stories = stories;
        }

        return groups.OrderByDescending(g => g.Score).ToList();
    }

    /// <summary>Of a group of agreeing dates, the most precise one that scores at least half as well as the best (the best when none is more precise).</summary>
    private static AnswerCandidate MostPreciseDate(CandidateGroup group)
    {
        var best = group.Best;
        var precise = group.Members
            .Where(m => m.Date is { From: not null, IsRelative: false, IsRange: false } && m.Score >= 0.5 * best.Score && DateAgreement.Compatible(m.Date, best.Date!))
            .OrderBy(m => m.Date!.Precision)
            .ThenByDescending(m => m.Score)
            .FirstOrDefault();
        return precise is not null && best.Date is { } date && !date.IsRange && precise.Date!.Precision < date.Precision ? precise : best;
    }

    private static bool SameAnswer(AnswerCandidate a, AnswerCandidate b)
    {
        if (a.Date is { } da && b.Date is { } db)
        {
            return DateAgreement.Compatible(da, db);
        }

        if (a.Key.StartsWith("place:", StringComparison.Ordinal) && b.Key.StartsWith("place:", StringComparison.Ordinal))
        {
            return a.Text.Contains(b.Text, StringComparison.OrdinalIgnoreCase) || b.Text.Contains(a.Text, StringComparison.OrdinalIgnoreCase)
                || IsCapitalOf(a.Text, b.Text) || IsCapitalOf(b.Text, a.Text);
        }

        return a.Key == b.Key;
    }

    /// <summary>"Tehran" and "Iran" agree: the city is the more specific answer.</summary>
    private static bool IsCapitalOf(string city, string country) =>
        Gazetteer.CountryOfCapital(city) is { } c && (c.Name.Equals(country, StringComparison.OrdinalIgnoreCase) || Gazetteer.FindCountry(country) == c);

    private static double Calibrate(CandidateGroup best, bool disputed)
    {
        var p = 1 / (1 + Math.Exp(-7 * (best.Score - 0.5)));
        p += 0.04 * Math.Min(3, best.Stories - 1);
        if (disputed)
        {
            p *= 0.75;
        }

        return Math.Round(Math.Clamp(p, 0.05, 0.97), 2);
    }

    /// <summary>
    /// "Work on … ended up in …", "Outside of …": the question's first word is capitalised only because it opens the
    /// question. A lone word of no known kind there that the articles write in lower case is an ordinary word, not a
    /// name every answer must mention.
    /// </summary>
    internal static QuestionAnalysis DemoteOpeningCommonWords(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        var opening = analysis.Names.FirstOrDefault(n => PassageRetriever.MayOnlyOpenTheQuestion(analysis, n));
        if (opening is null)
        {
            return analysis;
        }

        int upper = 0, total = 0;
        foreach (var passage in passages)
        {
            var (u, t) = CountCapitalised(passage.Text, opening.Words[0]);
            upper += u;
            total += t;
        }

        if (total == 0 || 2 * upper >= total)
        {
            return analysis;
        }

        var stem = Lexicon.StemOf(opening.Words[0]);
        var term = new QuestionTerm(opening.Words[0], stem, Lexicon.RelatedStems(stem), false);
        return analysis with { Names = analysis.Names.Where(n => !ReferenceEquals(n, opening)).ToList(), Terms = [term, .. analysis.Terms] };
    }

    private static QuestionAnalysis PromoteLowerCaseNames(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        // "when did abbas visit moscow": a word the articles always capitalise is a name.
        var promoted = new List<FocusName>();
        var kept = new List<QuestionTerm>();
        foreach (var term in analysis.Terms)
        {
            if (term.IsRoleWord || term.Word.Length < 3 || !analysis.Question.Contains(term.Word, StringComparison.Ordinal))
            {
                kept.Add(term);
                continue;
            }

            int upper = 0, total = 0;
            foreach (var passage in passages)
            {
                var (u, t) = CountCapitalised(passage.Text, term.Word);
                upper += u;
                total += t;
            }

            if (total >= 2 && upper >= 0.9 * total)
            {
                var kind = passages.SelectMany(p => EvidenceSentence.Annotate(p).Entities)
                    .FirstOrDefault(e => e.Name.Split(' ').Any(w => w.Equals(term.Word, StringComparison.OrdinalIgnoreCase)))?.Kind ?? EntityKind.Other;
                promoted.Add(new FocusName(term.Word, kind, [term.Word]));
            }
            else
            {
                kept.Add(term);
            }
        }

        return promoted.Count == 0 ? analysis : analysis with { Names = [.. analysis.Names, .. promoted], Terms = kept };
    }

    /// <summary>
    /// The short forms an article defines for the question's names, or the full names of its acronyms: an article that
    /// names "British Airways" once and says "BA" after answers a question about either.
    /// </summary>
    private static QuestionAnalysis LearnAliases(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        if (analysis.Names.Count == 0)
        {
            return analysis;
        }

        var articles = passages.GroupBy(p => p.ArticleId).Select(g => g.First().Title + "\n" + string.Join("\n", g.Select(p => p.Text))).ToList();
        var changed = false;
        var names = analysis.Names.Select(name =>
        {
            // People are not abbreviated in news; "MV" beside "Maria Vogt" is more likely something else.
            if (name.Kind == EntityKind.Person)
            {
                return name;
            }

            var aliases = articles.SelectMany(text => Abbreviations.OtherFormsIn(text, name.Text))
                .Select(form => (IReadOnlyList<string>)Tokenizer.Words(form).ToList())
                .Where(words => words.Count > 0 && !words.SequenceEqual(name.Words))
                .DistinctBy(words => string.Join(' ', words))
                .ToList();
            changed |= aliases.Count > 0;
            return aliases.Count == 0 ? name : name with { Aliases = aliases };
        }).ToList();
        return changed ? analysis with { Names = names } : analysis;
    }

    /// <summary>
    /// "Putin" alone is no known name to the question's analysis, but the articles call him "President Vladimir Putin":
    /// a name's kind is what the articles make of it, so that a sentence about another person or place can be told apart.
    /// </summary>
    private static QuestionAnalysis ResolveNameKinds(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        if (analysis.Names.All(n => n.Kind != EntityKind.Other))
        {
            return analysis;
        }

        var names = analysis.Names.Select(name =>
        {
            if (name.Kind != EntityKind.Other || name.Words.Count == 0)
            {
                return name;
            }

            foreach (var passage in passages.Where(p => name.Words.All(EvidenceSentence.Annotate(p).Words.Contains)).Take(3))
            {
                var entity = EvidenceSentence.Annotate(passage).Entities.FirstOrDefault(e =>
                    e.Kind is EntityKind.Person or EntityKind.Place && name.Words.All(EvidenceSentence.WordSet(Tokenizer.Words(e.Canonical)).Contains));
                if (entity is not null)
                {
                    return name with { Kind = entity.Kind };
                }
            }

            return name;
        }).ToList();
        return analysis with { Names = names };
    }

    /// <summary>
    /// "Nore Dame", "Cavanugh": a name no article mentions, one typing slip away from a name the articles capitalise,
    /// is that name. Known places are never corrected (Iraq is not Iran), and a one-word name must be long enough
    /// for a slip to be told from another name.
    /// </summary>
    private static QuestionAnalysis CorrectMisspelledNames(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        if (analysis.Names.Count == 0)
        {
            return analysis;
        }

        var words = passages.Select(p => EvidenceSentence.Annotate(p).Words).ToList();
        var changed = false;
        var names = new List<FocusName>();
        foreach (var name in analysis.Names)
        {
            if (words.Any(w => NameMatcher.Mentions(w, name)) || Gazetteer.IsPlace(name.Text) || name.Words.Count == 1 && name.Words[0].Length < 6)
            {
                names.Add(name);
                continue;
            }

            var corrected = name.Words.Select(word => words.Any(w => w.Contains(word)) ? word : ClosestCapitalised(word, words, passages)).ToList();
            // Of a longer name, one word at least must be spelled as the articles do.
            if (corrected.Any(c => c is null) || name.Words.Count > 1 && !name.Words.Any(w => words.Any(x => x.Contains(w))))
            {
                names.Add(name);
                continue;
            }

            var text = name.Text;
            for (var i = 0; i < name.Words.Count; i++)
            {
                text = ReplaceWord(text, name.Words[i], corrected[i]!);
            }

            names.Add(name with { Text = text, Words = corrected.Select(c => c!).ToList() });
            changed = true;
        }

        return changed ? analysis with { Names = names } : analysis;
    }

    private static string? ClosestCapitalised(string word, List<HashSet<string>> words, IReadOnlyList<RetrievedPassage> passages)
    {
        if (word.Length < 4)
        {
            return null;
        }

        foreach (var candidate in words.SelectMany(w => w).Distinct(StringComparer.Ordinal))
        {
            if (candidate.Length >= 4 && OneEditApart(word, candidate))
            {
                var (upper, total) = passages.Select(p => CountCapitalised(p.Text, candidate)).Aggregate((0, 0), (a, b) => (a.Item1 + b.Upper, a.Item2 + b.Total));
                if (upper > 0 && upper >= 0.8 * total)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string ReplaceWord(string text, string lowerWord, string replacement)
    {
        var at = text.IndexOf(lowerWord, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? text : text[..at] + char.ToUpperInvariant(replacement[0]) + replacement[1..] + text[(at + lowerWord.Length)..];
    }

    /// <summary>One insertion, deletion, substitution or swap of neighbouring letters turns one word into the other.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            var rest = a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1));
            var swapped = prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2));
            return rest || swapped;
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        return shorter.AsSpan(prefix).SequenceEqual(longer.AsSpan(prefix + 1));
    }

    /// <summary>How often the word occurs as a whole word in the text, and how often capitalised.</summary>
    private static (int Upper, int Total) CountCapitalised(string text, string word)
    {
        int upper = 0, total = 0;
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                total++;
                upper += char.IsUpper(text[at]) ? 1 : 0;
            }
        }

        return (upper, total);
    }

    private static string DeclineMessage(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages, List<EvidenceSentence> sentences, List<EvidenceSentence> aboutTheQuestion)
    {
        // Blame the asked date only when it is what ruled the evidence out: a when-question's own year rules nothing out.
        if (analysis.DateConstraints.Count > 0 && aboutTheQuestion.Count > 0 && !aboutTheQuestion.Any(s => MeetsDateConstraints(analysis, s)))
        {
            var otherDates = aboutTheQuestion.OrderByDescending(s => s.Score)
                .SelectMany(s => s.Dates)
                .Select(d => d.Describe())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(3)
                .ToList();
            var asked = string.Join(", ", analysis.DateConstraints.Select(d => d.Text));
            return otherDates.Count > 0
                ? $"The articles don't say that for {asked}; they mention {Topic(analysis)} for {string.Join(", ", otherDates)}."
                : $"The articles don't say that for {asked}. {Coverage(analysis, passages)}";
        }

        // Say which of the question's words no article uses, so the reader can rephrase or knows what is missing.
        var unsaid = analysis.Terms
            .Where(t => !t.IsRoleWord && !sentences.Any(s => t.IsSaidIn(s.Stems)))
            .Select(t => $"\"{t.Word}\"")
            .ToList();
        return unsaid.Count > 0 && analysis.Names.Count > 0
            ? $"The articles mention {JoinNames(analysis.Names.Select(n => n.Text))}, but none of them says anything about {JoinNames(unsaid)}. {Coverage(analysis, passages)}"
            : $"The articles don't say that. {Coverage(analysis, passages)}";
    }

    private static string Coverage(QuestionAnalysis analysis, IReadOnlyList<RetrievedPassage> passages)
    {
        var titles = passages
            .GroupBy(p => p.StoryId)
            .Select(g => g.First())
            .Where(p => !string.IsNullOrWhiteSpace(p.Title))
            .Take(3)
            .Select(p => string.IsNullOrWhiteSpace(p.Source) ? $"\"{p.Title}\"" : $"\"{p.Title}\" ({p.Source})")
            .ToList();
        return titles.Count == 0 ? string.Empty : $"The closest articles are {string.Join("; ", titles)}.";
    }

    private static string Topic(QuestionAnalysis analysis)
    {
        var words = analysis.Names.Select(n => n.Text).Concat(analysis.Terms.Where(t => !t.IsRoleWord).Select(t => t.Word)).Take(4).ToList();
        return words.Count == 0 ? "this" : string.Join(" ", words);
    }

    private static string Describe(AnswerType type) => type switch
    {
        AnswerType.Date => "date",
        AnswerType.Duration => "duration",
        AnswerType.Person => "person",
        AnswerType.Place => "place",
        AnswerType.Organization => "organisation",
        AnswerType.Quantity => "amount",
        AnswerType.Description => "description",
        _ => "answer",
    };

    private static string JoinNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }

    private static string SourceName(AnswerCandidate candidate) =>
        !string.IsNullOrWhiteSpace(candidate.Sentence.Passage.Source) ? candidate.Sentence.Passage.Source
        : !string.IsNullOrWhiteSpace(candidate.Sentence.Passage.Title) ? $"\"{candidate.Sentence.Passage.Title}\""
        : $"article {candidate.Sentence.Passage.ArticleId}";

    private static AnswerCitation Cite(AnswerCandidate candidate)
    {
        var passage = candidate.Sentence.Passage;
        return new AnswerCitation(passage.ArticleId, passage.Title, passage.Source, passage.Url, passage.Published, candidate.Sentence.Text.Trim());
    }

    private sealed class CandidateGroup(AnswerCandidate best)
    {
        public AnswerCandidate Best { get; } = best;

        /// <summary>The member shown to the reader.</summary>
        public AnswerCandidate Representative { get; set; } = best;

        public List<AnswerCandidate> Members { get; } = [best];

        public double Score { get; set; }

        public int Stories { get; set; }
    }
}
