using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>
/// Answers "which strategy …" and "what was the aim of …" from the complement that says which one the sentence means:
/// "the strategy of ‘wait and see’", "with the aim of ending the feud", "a bronze statue of an owl". The noun alone only
/// repeats the question; what follows its "of" names the thing.
/// </summary>
internal static partial class NounComplement
{
    private const double Fit = 0.95;

    [GeneratedRegex(@"[^,;:.()!?—]{2,140}")]
    private static partial Regex UntilPunctuation();

    /// <summary>Where the complement ends: at a new clause, or at the verb of the clause it is the subject of.</summary>
    [GeneratedRegex(@"\s(?:which|who|whom|whose|while|because|saying|adding|amid|although|though|whereas|when|where|after|before|until|since)\b|\s(?:and|but)\s+(?:the\s+)?\w+(?:ed|s)\b|\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|do|does|did)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseEnd();

    /// <summary>The "of" complements of the noun the question asks for; none when it asks for none.</summary>
    public static IEnumerable<AnswerCandidate> Extract(QuestionAnalysis question, EvidenceSentence sentence)
    {
        if ((question.TypeNoun ?? WhichOfNoun(question)) is not { } noun)
        {
            yield break;
        }

        var typeStem = Lexicon.StemOf(noun);

        // "the core concern of Abbas's trip": the question says what the noun is of, so a sentence's "of his visit" only
        // says it again; a complement that says something new ("the aim of ending the feud") is still the answer.
        var questionSaysOf = question.Question.Contains(noun + " of ", StringComparison.OrdinalIgnoreCase);
        var questionStems = Tokenizer.Words(question.Question).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        var owner = OwnerOf(question.Question, noun);
        var words = sentence.Words;
        for (var i = 0; i + 2 < words.Count; i++)
        {
            var of = words[i + 1].Lower == "of";
            if (words[i].Stem != typeStem || !of && !NamingPrepositions.Contains(words[i + 1].Lower)
                || i > 0 && !IsDeterminer(words[i - 1].Lower) && !IsModifier(sentence, i - 1) && !IsPossessive(words[i - 1].Lower))
            {
                continue;
            }

            // "Which of Russia's goals …" — "Israel's stated goals of …" are another's: a different owner of the noun is another thing.
            if (owner is not null && PossessorBefore(words, i) is { } possessor && possessor != owner && questionStems.Contains(possessor))
            {
                continue;
            }

            var from = words[i + 1].Start + words[i + 1].Length;
            var span = UntilPunctuation().Match(sentence.Text, from);
            var quoted = QuotedAt(sentence.Text, from);
            var text = quoted ?? span.Value;
            if (quoted is null && ClauseEnd().Match(text) is { Success: true } end)
            {
                text = text[..end.Index];
            }

            text = text.Trim().Trim('"', '“', '”', '\'', '‘', '’').TrimEnd('.').Trim();
            var content = Tokenizer.Words(text).Where(w => !StopWords.Contains(w)).ToList();
            var news = content.Count(w => !questionStems.Contains(Lexicon.StemOf(w)));

            // "the aim of the conference" in an answer to "what was the aim of the conference": the complement only repeats
            // the question. "The conflict with Ukraine" names which conflict; "the conflict in the region" does not.
            if (content.Count == 0 || news * 2 <= content.Count || questionSaysOf && (content.Count < 2 || IsDeterminer(Tokenizer.Words(text).First()))
                || !of && !text.Any(char.IsUpper))
            {
                continue;
            }

            // "the aim of ending the feud", "the strategy of ‘wait and see’" name the thing itself; "a bronze statue of an owl"
            // is a statue still, so the noun stays in the answer.
            var start = sentence.Text.IndexOf(text, from, StringComparison.Ordinal);
            if (!of || quoted is null && !content[0].EndsWith("ing", StringComparison.Ordinal))
            {
                start = words[i > 0 && IsModifier(sentence, i - 1) ? i - 1 : i].Start;
                text = sentence.Text[start..(sentence.Text.IndexOf(text, from, StringComparison.Ordinal) + text.Length)];
            }

            var first = sentence.WordIndexAt(start);
            var last = Math.Max(first + 1, sentence.WordIndexAt(start + text.Length));
            yield return new AnswerCandidate(CandidateExtractor.Shorten(text), "of:" + text.ToLowerInvariant(), sentence, first, last, Fit) { Anchored = true };
        }
    }

    /// <summary>Prepositions other than "of" whose object says which one a noun is: "the conflict with Ukraine", "the war in Gaza".</summary>
    private static readonly HashSet<string> NamingPrepositions = new(StringComparer.Ordinal) { "with", "between", "in", "over", "against" };

    /// <summary>"Which of Russia's goals in …": the noun a which-of question chooses among, the last word before a function word.</summary>
    private static string? WhichOfNoun(QuestionAnalysis question)
    {
        var words = Tokenizer.Words(question.Question);
        if (words.Count < 3 || words[0] != "which" || words[1] != "of")
        {
            return null;
        }

        string? noun = null;
        for (var i = 2; i < words.Count && i < 6; i++)
        {
            if (StopWords.Contains(words[i]))
            {
                if (noun is not null)
                {
                    break;
                }

                continue;
            }

            noun = IsPossessive(words[i]) ? null : words[i];
        }

        return noun;
    }

    /// <summary>The stem of whoever the question says the noun belongs to ("Russia's goals" → russia); null when it says none.</summary>
    private static string? OwnerOf(string question, string noun)
    {
        var words = Tokenizer.Words(question);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (IsPossessive(words[i]) && (words[i + 1] == noun || i + 2 < words.Count && words[i + 2] == noun))
            {
                return Lexicon.StemOf(words[i]);
            }
        }

        return null;
    }

    /// <summary>The possessor written just before the noun, or before the one word modifying it ("Israel's stated goals").</summary>
    private static string? PossessorBefore(IReadOnlyList<SentenceWord> words, int noun)
    {
        for (var i = noun - 1; i >= Math.Max(0, noun - 2); i--)
        {
            if (IsPossessive(words[i].Lower))
            {
                return words[i].Stem;
            }
        }

        return null;
    }

    private static bool IsPossessive(string lower) => lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal) || lower.EndsWith("s'", StringComparison.Ordinal);

    private static bool IsDeterminer(string lower) => lower is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "our" or "this" or "that";

    /// <summary>"the long-held strategy of …": a lower-case word between the determiner and the noun.</summary>
    private static bool IsModifier(EvidenceSentence sentence, int index) =>
        index > 0 && IsDeterminer(sentence.Words[index - 1].Lower) && char.IsLower(sentence.Text[sentence.Words[index].Start]);

    /// <summary>"of ‘divide and rule’": a quotation right after "of" is the whole complement, punctuation and all.</summary>
    private static string? QuotedAt(string text, int from)
    {
        var at = from;
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        if (at >= text.Length || text[at] is not ('"' or '“' or '‘' or '\''))
        {
            return null;
        }

        var close = text.IndexOfAny(['"', '”', '’', '\''], at + 1);
        return close > at + 1 && close - at < 80 ? text[(at + 1)..close] : null;
    }
}
