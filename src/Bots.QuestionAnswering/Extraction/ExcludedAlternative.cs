using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>
/// Answers "Besides X, what …" questions: the question names one member of a coordination and asks for another, so
/// "they discussed the situation in the region and the country's role in mediation" answers "Besides the situation in the
/// region, what did they discuss?" with the other conjunct ("the country's role in mediation").
/// </summary>
internal static partial class ExcludedAlternative
{
    private const int MaxConjunctWords = 10;

    /// <summary>A conjunct beside the member the question sets aside is said of the same thing: more than a typed match.</summary>
    private const double Fit = 1.25;

    /// <summary>How far before a conjunction the set-aside member may start.</summary>
    private const int LeftWindow = 8;

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "because", "while", "which", "who", "whom", "whose", "when", "where", "although", "though", "but", "whereas", "until",
        "saying", "adding", "according", "and", "or",
    };

    /// <summary>Prepositions the second conjunct may repeat ("not just about X, but also about Y"): the answer starts after them.</summary>
    private static readonly HashSet<string> LeadingPrepositions = new(StringComparer.Ordinal)
    {
        "about", "on", "of", "for", "with", "to", "in", "over", "into", "from", "at",
    };

    [GeneratedRegex(@"\s(?:and|as\s+well\s+as|along\s+with|together\s+with|(?:but|and)\s+also|plus|or)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

    /// <summary>The conjuncts coordinated with the member the question sets aside; none when it does not set one aside.</summary>
    public static IEnumerable<AnswerCandidate> Extract(QuestionAnalysis question, EvidenceSentence sentence)
    {
        if (question.Excluded is not { } excluded)
        {
            yield break;
        }

        var set = Tokenizer.Words(excluded).Where(w => !StopWords.Contains(w)).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        if (set.Count == 0)
        {
            yield break;
        }

        var needed = set.Count <= 2 ? set.Count : set.Count - 1;
        var words = sentence.Words;
        foreach (Match conjunction in Conjunction().Matches(sentence.Text))
        {
            var right = sentence.WordIndexAt(conjunction.Index + conjunction.Length);
            var left = LastWordBefore(sentence, conjunction.Index);
            if (left < 0 || right >= words.Count || right <= left)
            {
                continue;
            }

            var leftFound = LeftConjunct(sentence, left).Where(i => set.Contains(words[i].Stem)).Select(i => words[i].Stem).Distinct().Count();
            var (first, last) = RightConjunct(sentence, right);
            if (leftFound < needed)
            {
                continue;
            }

            var rightFound = Enumerable.Range(first, last - first + 1).Count(i => set.Contains(words[i].Stem));
            if (rightFound >= needed)
            {
                continue;
            }

            var start = words[first].Start;
            var end = words[last].Start + words[last].Length;
            var text = sentence.Text[start..end].Trim('"', '“', '”', '\'', '‘', '’', ' ');
            if (!Tokenizer.Words(text).Any(w => !StopWords.Contains(w)))
            {
                continue;
            }

            yield return new AnswerCandidate(CandidateExtractor.Shorten(text), "alt:" + text.ToLowerInvariant(), sentence, first, last + 1, Fit) { Anchored = true };
        }
    }

    private static int LastWordBefore(EvidenceSentence sentence, int charIndex)
    {
        var last = -1;
        foreach (var word in sentence.Words)
        {
            if (word.Start + word.Length > charIndex)
            {
                break;
            }

            last = word.Index;
        }

        return last;
    }

    /// <summary>The words of the first conjunct, back from the conjunction to a punctuation mark or the window's edge.</summary>
    private static IEnumerable<int> LeftConjunct(EvidenceSentence sentence, int last)
    {
        for (var i = last; i >= 0 && last - i < LeftWindow; i--)
        {
            yield return i;
            if (i > 0 && Punctuated(sentence, i - 1, i))
            {
                yield break;
            }
        }
    }

    /// <summary>The second conjunct: from after any repeated preposition to the clause's end, ten words at most.</summary>
    private static (int First, int Last) RightConjunct(EvidenceSentence sentence, int first)
    {
        var words = sentence.Words;
        while (first < words.Count - 1 && LeadingPrepositions.Contains(words[first].Lower))
        {
            first++;
        }

        var last = first;
        while (last + 1 < words.Count && last + 1 - first < MaxConjunctWords && !Punctuated(sentence, last, last + 1) && !ClauseWords.Contains(words[last + 1].Lower))
        {
            last++;
        }

        return (first, last);
    }

    private static bool Punctuated(EvidenceSentence sentence, int left, int right)
    {
        var words = sentence.Words;
        var from = words[left].Start + words[left].Length;
        return sentence.Text.AsSpan(from, words[right].Start - from).IndexOfAny(",;:()[]—–\"“”") >= 0;
    }
}
