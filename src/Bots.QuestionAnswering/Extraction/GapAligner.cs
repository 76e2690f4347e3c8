using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>
/// Answers "what did X do" questions by reading the question as the sentence it asks about, with a gap where the
/// answer goes: "What did Pezeshkian say Israel would receive?" is "Pezeshkian said Israel would receive ___", and
/// "Which outlet did the diplomat tell that Russia is great?" is "the diplomat told ___ that Russia is great". The words
/// before the gap are found in the evidence in order, the words after it (if any) bound it, and what the sentence has
/// in between is the answer. Only the object of a verb or preposition is found this way; the typed extractors answer
/// the rest.
/// </summary>
internal static partial class GapAligner
{
    private const int MaxGapWords = 10;

    /// <summary>Base fit: a gap bounded by the question's own words says more than a noun phrase found by shape.</summary>
    private const double GapFit = 0.85;

    /// <summary>Words a clause boundary starts with: the object ends before them.</summary>
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "because", "while", "which", "who", "whom", "whose", "when", "where", "after", "before", "as", "if", "unless", "since",
        "although", "though", "but", "whereas", "until", "amid", "despite", "saying", "adding", "according",
    };

    /// <summary>Prepositions a question may strand at its end ("what did they use it for").</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "to", "for", "of", "with", "on", "about", "in", "at", "from", "against", "into", "by", "over", "towards", "toward",
        "after", "like", "upon", "under", "behind", "through", "between", "among", "during", "within", "without",
    };

    /// <summary>Words of a date in the question ("in November 2011"): it may stand anywhere in the sentence.</summary>
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "year", "month", "week", "day", "today", "yesterday",
    };

    [GeneratedRegex(@"^\s*according\s+to\s+[^,?]{2,60},\s*|,\s*according\s+to\s+[^,?]{2,60}(?=[?.!]*\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "have", "has", "had", "is", "are", "was", "were", "be", "do", "does", "did", "will", "would", "can", "could", "should", "must", "may", "might",
    };

    /// <summary>Linking verbs the stop list holds: "What did the firm become?" has its gap after them all the same.</summary>
    private static readonly HashSet<string> LinkingVerbs = new(StringComparer.Ordinal) { "become", "became", "becomes", "remain", "remained", "remains" };

    [GeneratedRegex(@"^\s*(?:what|which(?:\s+[\p{L}\p{N}'’-]+){1,2}?)\s+(?<aux>did|does|do|has|have|had|will|would|can|could|should|might|must|is|was|were|are)\s+(?<rest>.+?)[\s?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectQuestion();

    /// <summary>The answers the sentence gives for the gap of an object question; none when the question is not one or the sentence does not line up.</summary>
    public static IEnumerable<AnswerCandidate> Extract(QuestionAnalysis question, EvidenceSentence sentence)
    {
        // "According to the minister, what does the plan require?": whose words they are is no part of the clause.
        var match = ObjectQuestion().Match(Attribution().Replace(question.Question, string.Empty));
        if (!match.Success || sentence.Words.Count < 3)
        {
            yield break;
        }

        var rest = Tokenizer.Words(match.Groups["rest"].Value).ToList();

        // "Which engine is rumoured to …", "which countries have designated …": the wh-phrase is the subject, there is no
        // object gap; and "what is the record" asks what a thing is, not what was done to it.
        var copula = match.Groups["aux"].Value.ToLowerInvariant() is "is" or "was" or "were" or "are";
        if (rest.Count < 2 || LooksLikeVerb(rest[0]) || copula && !rest.Skip(1).Any(IsParticiple))
        {
            yield break;
        }

        var typeStem = question.TypeNoun is { } noun ? Lexicon.StemOf(noun) : null;
        var asked = rest.Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        var verbs = question.Terms.Where(t => t.IsVerb).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var names = question.Names.SelectMany(n => n.Words).ToHashSet(StringComparer.Ordinal);
        Gap? best = null;
        string? bestText = null;
        for (var split = 2; split <= rest.Count; split++)
        {
            if (Align(rest, split, sentence, verbs, names) is not { } gap || best is { } known && gap.Quality <= known.Quality)
            {
                continue;
            }

            var text = sentence.Text[gap.Start..gap.End].Trim().Trim('"', '“', '”', '\'', '‘', '’').Trim();
            var news = Tokenizer.Words(text).Select(w => w.ToLowerInvariant()).Where(w => !StopWords.Contains(w) && !asked.Contains(Lexicon.StemOf(w))).ToList();

            // "Which ballet did they watch?" — "a ballet" names none: the answer must say more than the type asked for.
            if (news.Count == 0 || typeStem is not null && NamesOnlyTheType(sentence, gap, typeStem) || IsTitleOfAskedName(question, sentence, gap))
            {
                continue;
            }

            best = gap;
            bestText = text;
        }

        if (best is not { } found || bestText is null)
        {
            yield break;
        }

        var start = sentence.Text.IndexOf(bestText, found.Start, StringComparison.Ordinal);
        var first = sentence.WordIndexAt(start);
        yield return new AnswerCandidate(CandidateExtractor.Shorten(bestText), "gap:" + bestText.ToLowerInvariant(), sentence, first,
            Math.Max(first + 1, sentence.WordIndexAt(start + bestText.Length)), GapFit * found.Quality);
    }

    /// <summary>
    /// The gap after the question's first <paramref name="split"/> words, found in the sentence, with how well the
    /// question's other words line up around it (0..1, a little more when the gap follows the question's verb).
    /// </summary>
    private static Gap? Align(List<string> rest, int split, EvidenceSentence sentence, HashSet<string> verbs, HashSet<string> names)
    {
        var prefix = rest.Take(split).ToList();
        var suffix = rest.Skip(split).ToList();

        // "What did Israel vow to do?": the gap is what follows "vow to".
        if (prefix[^1] is "do" or "doing" && prefix.Count >= 2)
        {
            prefix.RemoveAt(prefix.Count - 1);
        }

        // A preposition at the gap ("a right to ___", "use its channels for ___") may be worded otherwise in the sentence.
        string? preposition = null;
        if (Prepositions.Contains(prefix[^1]) && prefix.Count >= 2)
        {
            preposition = prefix[^1];
            prefix.RemoveAt(prefix.Count - 1);
        }

        var anchorWord = prefix[^1];
        var anchorStem = Lexicon.StemOf(anchorWord);

        // Dates and numbers after the gap ("in November 2011") may stand anywhere in the sentence: they do not bound it.
        var after = suffix.Where(w => !StopWords.Contains(w) && !char.IsDigit(w[0]) && !DateWords.Contains(w)).Select(Lexicon.StemOf).ToList();

        // "What does Israel have to do?": "have to" is a verb of obligation, and its gap follows "to".
        var obligation = preposition == "to" && anchorWord is "have" or "has" or "had";

        // An object is missing after a verb or a preposition; between two words of the question that are not (the subject
        // and its verb), the sentence may say more, but that is no answer. A stranded preposition alone after the gap is
        // the split one word later.
        var anchorIsVerb = verbs.Contains(anchorStem) || LooksLikeVerb(anchorWord) || suffix.Count > 0 && OpensConstituent(suffix[0], names)
            || obligation || LinkingVerbs.Contains(anchorWord);
        if (StopWords.Contains(anchorWord) && !LinkingVerbs.Contains(anchorWord) && !obligation || after.Count > 0 && preposition is null && !anchorIsVerb
            || suffix.Count > 0 && suffix.All(Prepositions.Contains))
        {
            return null;
        }

        var content = prefix.Where(w => !StopWords.Contains(w)).Append(anchorWord).Distinct().Select(Lexicon.StemOf).ToList();
        var words = sentence.Words;
        for (var a = words.Count - 2; a >= 0; a--)
        {
            if (!Same(words[a], anchorStem))
            {
                continue;
            }

            // The other words before the gap must be said before it, most of them at least.
            var before = words.Take(a).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
            var found = content.SkipLast(1).Count(s => before.Contains(s) || Lexicon.RelatedStems(s).Any(before.Contains));
            var others = content.Count - 1;
            var verbSaid = content.SkipLast(1).Where(verbs.Contains).All(s => before.Contains(s) || Lexicon.RelatedStems(s).Any(before.Contains));
            if (others > 0 && found * 2 < others || !verbSaid)
            {
                continue;
            }

            // The question's next word right after the anchor leaves no gap ("want Israel to do": nothing is missing before "to").
            var first = a + 1;
            var bound = suffix.Count > 0 && (suffix[0] == "that" || Prepositions.Contains(suffix[0])) ? suffix[0] : after.FirstOrDefault();
            // "the team have to do": an auxiliary the question goes on with, said right after the anchor, leaves no gap either.
            if (suffix.Count > 0 && Auxiliaries.Contains(suffix[0]) && first < words.Count && Lexicon.Lemma(words[first].Lower) == Lexicon.Lemma(suffix[0]))
            {
                continue;
            }

            if (bound is not null && first < words.Count && Same(words[first], bound))
            {
                // "watching with great pain the catastrophe in …": the adverbial the question ends with may stand before a
                // long object, which then follows it.
                if (ShiftedPast(words, first, suffix) is not { } shifted)
                {
                    continue;
                }

                first = shifted;
                bound = null;
            }

            if (preposition is not null && first < words.Count && Prepositions.Contains(words[first].Lower) && !Separated(sentence, a, first))
            {
                first++;
            }
            else if (first < words.Count && words[first].Lower == "to" && !Separated(sentence, a, first))
            {
                // "vowed to destroy Hamas": the gap of "vow to do" is the verb phrase after "to".
                first++;
            }

            if (first >= words.Count || Separated(sentence, a, first) && !OpensQuote(sentence, a, first))
            {
                continue;
            }

            if (words[first].Lower == "that" && first + 1 < words.Count)
            {
                first++;
            }

            var (last, bounded) = End(sentence, first, bound);
            if (last < first || after.Count > 0 && Same(words[first], after[0]))
            {
                continue;
            }

            // "compared the bombing of Gaza to …" for "compare the siege of Gaza to ___": when the question gives the verb's
            // object, a gap holding its words is that object, worded otherwise, not the missing one.
            if (suffix.Count > 0 && suffix[0] is "the" or "a" or "an" or "his" or "her" or "its" or "their"
                && Enumerable.Range(first, last - first + 1).Any(i => !StopWords.Contains(words[i].Lower) && after.Contains(words[i].Stem)))
            {
                continue;
            }

            // An adverbial the question ends with ("after the war") may stand anywhere in the sentence, even before the verb.
            var following = (suffix.Count > 0 && Prepositions.Contains(suffix[0]) ? words.Where(w => w.Index < first || w.Index > last) : words.Skip(last + 1))
                .Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
            var foundAfter = after.Count(s => following.Contains(s) || Lexicon.RelatedStems(s).Any(following.Contains));
            var quality = (1.0 + found + foundAfter) / (1.0 + others + after.Count) * (bounded ? 1 : 0.9) * (anchorIsVerb ? 1 : 0.9);
            return new Gap(words[first].Start, words[last].Start + words[last].Length, quality);
        }

        return null;
    }

    /// <summary>The word after a prepositional phrase that repeats the question's last words word for word, if the sentence goes on after it.</summary>
    private static int? ShiftedPast(IReadOnlyList<SentenceWord> words, int first, List<string> suffix)
    {
        if (suffix.Count < 2 || !Prepositions.Contains(suffix[0]) || first + suffix.Count >= words.Count)
        {
            return null;
        }

        for (var j = 0; j < suffix.Count; j++)
        {
            if (words[first + j].Lower != suffix[j] && !Same(words[first + j], Lexicon.StemOf(suffix[j])))
            {
                return null;
            }
        }

        return first + suffix.Count;
    }

    /// <summary>"Which opera did they attend?" — "an opera together in Vienna" names none: its first noun phrase is only the type asked for.</summary>
    private static bool NamesOnlyTheType(EvidenceSentence sentence, Gap gap, string typeStem)
    {
        // The type word in the gap with nothing capitalised, numbered or quoted just before or after it ("the Bolshoi
        // ballet", "the opera Carmen") says only what kind of thing it was.
        var inGap = sentence.Words.Where(w => w.Start >= gap.Start && w.Start < gap.End).ToList();
        var at = inGap.FindIndex(w => w.Stem == typeStem);
        if (at < 0)
        {
            return false;
        }

        bool Names(int i) => i >= 0 && i < inGap.Count && !StopWords.Contains(inGap[i].Lower)
            && (char.IsUpper(sentence.Text[inGap[i].Start]) || char.IsDigit(sentence.Text[inGap[i].Start]) || sentence.Text[inGap[i].Start - 1] is '"' or '“' or '‘');
        return !Names(at - 1) && !Names(at + 1);
    }

    /// <summary>"sent Palestinian President ___ Abbas": capitalised words just before a name the question has are its title, not an object.</summary>
    private static bool IsTitleOfAskedName(QuestionAnalysis question, EvidenceSentence sentence, Gap gap)
    {
        var text = sentence.Text[gap.End..].TrimStart();
        var capitalised = sentence.Words.Where(w => w.Start >= gap.Start && w.Start < gap.End).All(w => char.IsUpper(sentence.Text[w.Start]));
        return capitalised && question.Names.Any(n => text.StartsWith(n.Words[0], StringComparison.OrdinalIgnoreCase)
            || n.Words.Count > 0 && text.StartsWith(n.KeyWord, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A participle or an irregular verb form, guessed from its ending as a tagger would without a dictionary.</summary>
    private static bool LooksLikeVerb(string lower) =>
        lower.Length > 4 && (lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal))
        || Lexicon.Lemma(lower) != lower;

    /// <summary>"tell ___ that …", "send ___ the letter", "compare ___ to …": a word that opens the next constituent, so a gap may stand before it.</summary>
    private static bool OpensConstituent(string lower, HashSet<string> names) =>
        names.Contains(lower) || Prepositions.Contains(lower) || lower is "that" or "the" or "a" or "an" or "his" or "her" or "its" or "their";

    /// <summary>"was the magazine inspired by", "is the hall known as": a passive has its object gap; "building" is no participle.</summary>
    private static bool IsParticiple(string lower) => lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal) || Lexicon.Lemma(lower) != lower;

    /// <summary>The last word of the gap: before the question's next word or at the clause's end; else the noun phrase it opens.</summary>
    private static (int Last, bool Bounded) End(EvidenceSentence sentence, int first, string? next)
    {
        var words = sentence.Words;
        var limit = Math.Min(words.Count - 1, first + MaxGapWords - 1);
        for (var i = first; i <= limit; i++)
        {
            if (i > first && (Separated(sentence, i - 1, i) || ClauseWords.Contains(words[i].Lower)))
            {
                return (i - 1, true);
            }

            if (next is not null && i > first && Same(words[i], next))
            {
                return (i - 1, true);
            }
        }

        if (limit == words.Count - 1)
        {
            return (limit, true);
        }

        // Longer than an answer may be: the noun phrase the gap opens with ("a message" of "a message calling for …").
        var phrase = sentence.Phrases.FirstOrDefault(p => p.Start <= words[first].Start && words[first].Start < p.End);
        if (phrase.Length == 0)
        {
            return (first - 1, false);
        }

        // "a report describing …": a participle the chunker let in opens the clause that made the object too long.
        var last = sentence.WordIndexAt(phrase.End - 1);
        return (last > first && words[last].Lower.EndsWith("ing", StringComparison.Ordinal) ? last - 1 : last, false);
    }

    private static bool Same(SentenceWord word, string stem) => word.Stem == stem || Lexicon.RelatedStems(stem).Contains(word.Stem);

    /// <summary>True when punctuation stands between two words (a comma, a dash, a bracket, a colon).</summary>
    private static bool Separated(EvidenceSentence sentence, int left, int right)
    {
        var between = sentence.Text.AsSpan(sentence.Words[left].Start + sentence.Words[left].Length, sentence.Words[right].Start - sentence.Words[left].Start - sentence.Words[left].Length);
        return between.IndexOfAny(",;:()[]—–") >= 0 || between.IndexOf(" - ", StringComparison.Ordinal) >= 0 || between.IndexOfAny("\"“”") >= 0;
    }

    /// <summary>"calling it “a political assassination”": a quotation opening at the gap is its object.</summary>
    private static bool OpensQuote(EvidenceSentence sentence, int left, int right)
    {
        var between = sentence.Text.AsSpan(sentence.Words[left].Start + sentence.Words[left].Length, sentence.Words[right].Start - sentence.Words[left].Start - sentence.Words[left].Length);
        return between.Trim().Length == 1 && between.Trim()[0] is '"' or '“' or '‘';
    }

    private readonly record struct Gap(int Start, int End, double Quality);
}
