using Bots.QuestionAnswering.Analysis;
using Bots.Text;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>
/// Scores each sentence of the retrieved passages by the weighted share of the question it contains (names count
/// most; rarer words count more than common ones; related forms count a little less), plus a small retrieval-rank bonus.
/// </summary>
internal static class SentenceRanker
{
    private const double NameBoost = 1.6;
    private const double RelatedCredit = 0.75;
    private const double RoleCredit = 0.8;
    private const double ContextCredit = 0.35;

    private const double ContextNameCredit = 0.6;
    private const double PassageNameCredit = 0.4;
    private const double NeighbourCredit = 0.5;
    private const double PartialNameCredit = 0.85;
    private const double DerivedCredit = 0.6;

    /// <summary>
    /// A word WordNet relates to the question's ("compared" for "liken") is weaker evidence than the word, its hand-listed
    /// family or a derived form: a word has other senses, so the rest of the question must carry the match.
    /// </summary>
    /// <remarks>No other match gives this credit: <see cref="KeepSimilarOnlyWithTheRest"/> tells WordNet matches by it.</remarks>
    private const double SimilarCredit = 0.5;

    public static void Rank(QuestionAnalysis question, IReadOnlyList<EvidenceSentence> sentences)
    {
        LinkPrevious(sentences);
        var n = Math.Max(1, sentences.Count);
        double Idf(int df) => Math.Max(0.3, Math.Log(1 + (double)n / (1 + df)));

        // Whether each sentence names each name and has each term decides both how rare the word is and how well the
        // sentence matches: find it once.
        var countries = question.Terms.Select(CountryOf).ToList();
        var contextCountries = question.ContextTerms.Select(CountryOf).ToList();
        var mentions = new bool[sentences.Count][];
        var termCredits = new double[sentences.Count][];
        var contextCredits = new double[sentences.Count][];
        var nameDf = new int[question.Names.Count];
        var termDf = new int[question.Terms.Count];
        var contextDf = new int[question.ContextTerms.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            mentions[s] = new bool[question.Names.Count];
            for (var i = 0; i < question.Names.Count; i++)
            {
                mentions[s][i] = NameMatcher.Mentions(sentence.LowerWords, question.Names[i]);
                nameDf[i] += mentions[s][i] ? 1 : 0;
            }

            termCredits[s] = new double[question.Terms.Count];
            for (var i = 0; i < question.Terms.Count; i++)
            {
                termCredits[s][i] = Has(sentence, question.Terms[i], countries[i]);
            }

            KeepSimilarOnlyWithTheRest(question, sentence, mentions[s], termCredits[s]);
            for (var i = 0; i < question.Terms.Count; i++)
            {
                termDf[i] += termCredits[s][i] > 0 ? 1 : 0;
            }

            contextCredits[s] = new double[question.ContextTerms.Count];
            for (var i = 0; i < question.ContextTerms.Count; i++)
            {
                contextCredits[s][i] = Has(sentence, question.ContextTerms[i], contextCountries[i]);
                contextDf[i] += contextCredits[s][i] > 0 ? 1 : 0;
            }
        }

        var nameWeights = nameDf.Select(df => NameBoost * Idf(df)).ToList();
        var termWeights = question.Terms.Select((t, i) => (t.IsRoleWord ? RoleCredit : 1.0) * Idf(termDf[i])).ToList();
        var contextWeights = contextDf.Select(df => ContextCredit * Idf(df)).ToList();
        var total = nameWeights.Sum() + termWeights.Sum();
        var eventTotal = question.Terms.Select((t, i) => t.IsRoleWord ? 0 : termWeights[i]).Sum();

        var nameWordSets = question.Names.Select(NameMatcher.NameWords).ToList();
        var questionPairs = Pairs(Tokenizer.Words(question.Question).Where(w => !StopWords.Contains(w)).Select(Lexicon.StemOf).ToList());
        var pairStarts = questionPairs.Select(p => p.Item1).ToHashSet(StringComparer.Ordinal);
        var nameMatched = new double[sentences.Count];
        var contextMatched = new double[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var names = 0;
            var inContext = 0;
            var placesOnlyInPassage = 0;
            sentence.Matches.Clear();
            for (var i = 0; i < question.Names.Count; i++)
            {
                var name = question.Names[i];
                if (!mentions[s][i])
                {
                    var credit = 0.0;
                    if (sentence.Previous is { } previous && NameMatcher.Mentions(previous.LowerWords, name))
                    {
                        inContext++;
                        credit = ContextNameCredit;
                    }
                    else if (NameMatcher.Mentions(sentence.Annotations.Words, name))
                    {
                        // Later sentences of a paragraph refer back to its subject ("it", "the school"), and an article is about what its title names.
                        // A place is not referred back to that way: "when did Putin visit Gaza" needs Gaza near the visit.
                        inContext++;
                        placesOnlyInPassage += name.Kind == EntityKind.Place ? 1 : 0;
                        credit = PassageNameCredit;
                    }

                    // "the Main Building" still points at "the Notre Dame Main Building" more than a sentence without either.
                    var partial = name.Words.Count >= 2 ? (double)CountContained(sentence.LowerWords, name.Words) / name.Words.Count : 0;
                    if (credit > 0 && partial >= 0.5 && PartialNameCredit * partial > credit)
                    {
                        credit = PartialNameCredit * partial;
                        foreach (var word in sentence.Words)
                        {
                            if (name.Words.Contains(Bare(word.Lower)))
                            {
                                sentence.Matches.Add((word.Index, credit * nameWeights[i]));
                            }
                        }
                    }

                    nameMatched[s] += credit * nameWeights[i];
                    continue;
                }

                names++;
                nameMatched[s] += nameWeights[i];
                foreach (var word in sentence.Words)
                {
                    if (nameWordSets[i].Contains(Bare(word.Lower)))
                    {
                        sentence.Matches.Add((word.Index, nameWeights[i]));
                    }
                }
            }

            var credits = termCredits[s];
            for (var i = 0; i < question.Terms.Count; i++)
            {
                if (credits[i] <= 0)
                {
                    continue;
                }

                foreach (var word in sentence.Words)
                {
                    if (Matches(sentence, word, question.Terms[i]) > 0)
                    {
                        sentence.Matches.Add((word.Index, termWeights[i] * credits[i]));
                    }
                }
            }

            for (var i = 0; i < question.ContextTerms.Count; i++)
            {
                contextMatched[s] += contextCredits[s][i] * contextWeights[i];
            }

            sentence.TermCredits = credits;
            sentence.NamesInSentence = names;
            sentence.NamesInContext = inContext;
            sentence.PlacesOnlyInPassage = placesOnlyInPassage;
        }

        // The sliding window: a word the question shares with the next or previous sentence still counts, for less — the
        // evidence for "when was the college formed" may name the college in one sentence and give the year in the next.
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            double matched = nameMatched[s];
            double eventMatched = 0;
            for (var i = 0; i < question.Terms.Count; i++)
            {
                var credit = Math.Max(sentence.TermCredits[i], NeighbourCredit * Math.Max(CreditOf(sentence.Previous, i), CreditOf(sentence.Next, i)));
                matched += credit * termWeights[i];
                if (!question.Terms[i].IsRoleWord)
                {
                    eventMatched += credit * termWeights[i];
                }
            }

            sentence.Coverage = total > 0 ? matched / total : 0;
            sentence.EventCoverage = eventTotal > 0 ? eventMatched / eventTotal : 1;
            sentence.Score = sentence.Coverage + (total > 0 ? contextMatched[s] / total : 0) + 0.04 / (1 + sentence.PassageRank)
                + (questionPairs.Count > 0 ? PairBonus * SharedPairs(sentence, questionPairs, pairStarts) / questionPairs.Count : 0);
        }
    }

    /// <summary>
    /// A WordNet relative is evidence only beside the rest of the question, its names here or in the sentence before:
    /// "compared the drought to the famine" says who likened the drought to the famine, not who likened the flood to it.
    /// </summary>
    private static void KeepSimilarOnlyWithTheRest(QuestionAnalysis question, EvidenceSentence sentence, bool[] mentions, double[] credits)
    {
        if (!credits.Contains(SimilarCredit))
        {
            return;
        }

        var missing = false;
        for (var i = 0; i < credits.Length; i++)
        {
            missing |= credits[i] <= 0 && !question.Terms[i].IsRoleWord;
        }

        for (var i = 0; i < mentions.Length; i++)
        {
            missing |= !mentions[i] && !(sentence.Previous is { } previous && NameMatcher.Mentions(previous.LowerWords, question.Names[i]));
        }

        for (var i = 0; i < credits.Length && missing; i++)
        {
            if (credits[i] == SimilarCredit)
            {
                credits[i] = 0;
            }
        }
    }

    private static double CreditOf(EvidenceSentence? sentence, int term) =>
        sentence is not null && term < sentence.TermCredits.Length ? sentence.TermCredits[term] : 0;

    private static int CountContained(HashSet<string> words, IReadOnlyList<string> wanted)
    {
        var count = 0;
        foreach (var word in wanted)
        {
            count += words.Contains(word) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Neighbouring content words of the question found side by side in a sentence ("main library", "student paper") say more than the words apart.</summary>
    private const double PairBonus = 0.05;

    /// <summary>Pairs of neighbouring content-word stems, function words skipped ("Congregation of Holy Cross" → congreg/holi, holi/cross).</summary>
    internal static HashSet<(string, string)> Pairs(IReadOnlyList<string> stems)
    {
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < stems.Count; i++)
        {
            pairs.Add((stems[i], stems[i + 1]));
        }

        return pairs;
    }

    /// <param name="pairStarts">The first stems of <paramref name="questionPairs"/>: most words start none, and a string set is quicker to ask than a pair set.</param>
    private static int SharedPairs(EvidenceSentence sentence, HashSet<(string, string)> questionPairs, HashSet<string> pairStarts)
    {
        var shared = 0;
        var stems = sentence.ContentStems;
        for (var i = 1; i < stems.Length; i++)
        {
            if (pairStarts.Contains(stems[i - 1]) && questionPairs.Contains((stems[i - 1], stems[i])))
            {
                shared++;
            }
        }

        return Math.Min(shared, questionPairs.Count);
    }

    private static void LinkPrevious(IReadOnlyList<EvidenceSentence> sentences)
    {
        var byPosition = new Dictionary<(long Article, int Passage, int Sentence), EvidenceSentence>();
        var lastOfPassage = new Dictionary<(long Article, int Passage), EvidenceSentence>();
        foreach (var sentence in sentences)
        {
            byPosition[(sentence.Passage.ArticleId, sentence.Passage.PassageIndex, sentence.IndexInPassage)] = sentence;
            var key = (sentence.Passage.ArticleId, sentence.Passage.PassageIndex);
            if (!lastOfPassage.TryGetValue(key, out var last) || last.IndexInPassage < sentence.IndexInPassage)
            {
                lastOfPassage[key] = sentence;
            }
        }

        foreach (var sentence in sentences)
        {
            var passage = sentence.Passage;
            sentence.Previous = sentence.IndexInPassage > 0
                ? byPosition.GetValueOrDefault((passage.ArticleId, passage.PassageIndex, sentence.IndexInPassage - 1))
                : lastOfPassage.GetValueOrDefault((passage.ArticleId, passage.PassageIndex - 1));
            if (sentence.Previous is { } previous)
            {
                previous.Next = sentence;
            }
        }
    }

    private static (string Name, string Demonym)? CountryOf(QuestionTerm term) =>
        Gazetteer.FindCountry(term.Word) is { } c ? (c.Name.ToLowerInvariant(), c.Demonym.ToLowerInvariant()) : null;

    private static double Has(EvidenceSentence sentence, QuestionTerm term, (string Name, string Demonym)? country)
    {
        if (sentence.Stems.Contains(term.Stem))
        {
            return 1;
        }

        foreach (var related in term.Related)
        {
            if (sentence.Stems.Contains(related))
            {
                return RelatedCredit;
            }
        }

        // A demonym in the question ("Russian") is matched by its country ("Russia") and the other way round.
        if (country is { } c && (sentence.LowerWords.Contains(c.Name) || sentence.LowerWords.Contains(c.Demonym)))
        {
            return RelatedCredit;
        }

        // Derived forms the stemmer keeps apart: "creation"/"created", "undergrads"/"undergraduate".
        if (SharesDerivedStem(sentence.Stems, term.Stem))
        {
            return DerivedCredit;
        }

        if (term.Similar.Stems.Overlaps(sentence.Stems))
        {
            foreach (var word in sentence.Words)
            {
                if (IsSimilar(sentence, word, term))
                {
                    return SimilarCredit;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether a word is one WordNet relates to the term's, and not part of a name: "the Middle East Studies Institute"
    /// founds nothing.
    /// </summary>
    private static bool IsSimilar(EvidenceSentence sentence, SentenceWord word, QuestionTerm term) =>
        term.Similar.Stems.Contains(word.Stem) && (word.Index == 0 || !char.IsUpper(sentence.Text[word.Start]));

    private static double Matches(EvidenceSentence sentence, SentenceWord word, QuestionTerm term)
    {
        // A word without a hyphen is its own only part, and its stem is already known.
        if (word.Stem == term.Stem || word.Lower.Contains('-', StringComparison.Ordinal) && word.Lower.Split('-').Any(p => Lexicon.StemOf(p) == term.Stem))
        {
            return 1;
        }

        return term.Related.Contains(word.Stem) ? RelatedCredit
            : IsDerived(word.Stem, term.Stem) ? DerivedCredit
            : IsSimilar(sentence, word, term) ? SimilarCredit : 0;
    }

    private const int DerivedPrefix = 5;

    private static bool SharesDerivedStem(HashSet<string> stems, string stem)
    {
        if (stem.Length < DerivedPrefix)
        {
            return false;
        }

        foreach (var other in stems)
        {
            if (IsDerived(other, stem))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDerived(string a, string b)
    {
        if (a.Length < DerivedPrefix || b.Length < DerivedPrefix || a == b)
        {
            return false;
        }

        // One stem extends the other by a short derivational ending: "creat"/"creation", "undergrad"/"undergradu".
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.StartsWith(shorter, StringComparison.Ordinal) && longer.Length - shorter.Length <= 4;
    }

    private static string Bare(string lower) =>
        lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal) ? lower[..^2] : lower;
}
