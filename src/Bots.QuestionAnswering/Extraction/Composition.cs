using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>
/// Answers "What did the shipment consist of?" and "What does the kit include?": the parts are the list a composition cue
/// opens ("consisting of tents, blankets and stoves", "mainly rice and flour", "including maps"), written whole.
/// </summary>
internal static partial class Composition
{
    private const int MaxItemWords = 4;
    private const double Fit = 1.0;

    /// <summary>The question's own verb asks for parts; one in a relative clause ("the forum that includes …") only says which thing.</summary>
    [GeneratedRegex(@"^\W*\w+(?:(?!\b(?:that|which|who|whose)\b)[^,])*?\b(?:consist|comprise|compose|contain|include|made\s+up|make\s+up)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForParts();

    [GeneratedRegex(@"\b(?:consist(?:s|ed|ing)?\s+(?:(?:mainly|mostly|largely|chiefly|primarily|entirely)\s+)?of|(?:made|composed)\s+up\s+of|composed\s+of|compris(?:e|es|ed|ing)|contain(?:s|ed|ing)?|includ(?:e|es|ed|ing)|such\s+as|(?<=,\s*)(?:mainly|mostly|largely|chiefly|primarily|mainly\s+of|mostly\s+of))\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "to", "for", "from", "in", "at", "by", "on", "into", "with", "which", "who", "that", "while", "as", "was", "were", "is",
        "are", "had", "has", "have", "be", "been", "being", "will", "would", "could", "should", "after", "before", "but",
    };

    public static bool IsAsked(QuestionAnalysis question) => AsksForParts().IsMatch(question.Question);

    /// <summary>The lists of parts the sentence gives after a composition cue; none when the question does not ask for parts.</summary>
    public static IEnumerable<AnswerCandidate> Extract(QuestionAnalysis question, EvidenceSentence sentence)
    {
        if (!IsAsked(question))
        {
            yield break;
        }

        foreach (Match cue in Cue().Matches(sentence.Text))
        {
            var first = sentence.WordIndexAt(cue.Index + cue.Length);
            if (first >= sentence.Words.Count || Stops.Contains(sentence.Words[first].Lower))
            {
                continue;
            }

            var last = ListEnd(sentence, first);
            var start = sentence.Words[first].Start;
            var text = sentence.Text[start..(sentence.Words[last].Start + sentence.Words[last].Length)];
            yield return new AnswerCandidate(CandidateExtractor.Shorten(text), "parts:" + text.ToLowerInvariant(), sentence, first, last + 1, Fit) { Anchored = true };
        }
    }

    /// <summary>
    /// The last word of "A, B, and C": items of a few words, apart by commas or "and"/"or"; the item after the
    /// conjunction is the last, and an item that starts like a new phrase ("to the city") is none.
    /// </summary>
    private static int ListEnd(EvidenceSentence sentence, int first)
    {
        var words = sentence.Words;
        var last = first;
        var itemWords = 1;
        var closing = false;
        for (var i = first + 1; i < words.Count; i++)
        {
            var between = sentence.Text.AsSpan(words[i - 1].Start + words[i - 1].Length, words[i].Start - words[i - 1].Start - words[i - 1].Length);
            var comma = between.Contains(',');
            if (between.IndexOfAny(";:()—–.!?\"“”") >= 0 || comma && closing)
            {
                break;
            }

            var lower = words[i].Lower;
            if (comma || lower is "and" or "or")
            {
                var next = lower is "and" or "or" ? i + 1 : i;
                if (comma && lower is "and" or "or")
                {
                    next = i + 1;
                }

                if (next >= words.Count || Stops.Contains(words[next].Lower) || words[next].Lower is "and" or "or")
                {
                    break;
                }

                closing |= lower is "and" or "or";
                i = next;
                last = next;
                itemWords = 1;
                continue;
            }

            if (Stops.Contains(lower) || ++itemWords > MaxItemWords)
            {
                break;
            }

            last = i;
        }

        return last;
    }
}
