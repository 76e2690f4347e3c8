using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;
using Bots.Text;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>
/// Answers "How did X describe Y?" and "What did X call Y?": the answer is the complement of a verb of characterising
/// ("calling it a reckless move", "condemned as a breach of the truce", "described the plan as unworkable") or a quoted
/// word the writer puts on the thing ("its “reckless” move"), not the sentence around them.
/// </summary>
internal static partial class Characterisation
{
    private const double ComplementFit = 0.95;
    private const double QuotedFit = 0.9;

    [GeneratedRegex(@"^\s*(?:how\s+(?:did|does|do|has|have|had|would|will|is|was|were|are)\s+(?<who>.+?)\s+(?:describe|characteri[sz]e|call|label|term|portray|depict|view|regard|see|assess|brand|dub)\b(?<what>.*?)|what\s+(?:did|does|do|has|have|had|would|will)\s+(?<who>.+?)\s+(?:call|label|term|brand|dub)\b(?<what>.*?))[\s?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Question();

    /// <summary>
    /// A verb of characterising, its object (a pronoun or a short noun phrase) and the complement: verbs that take a bare
    /// complement ("calling it a crime") may drop "as"; the others need it ("condemned as a crime", "saw it as a threat").
    /// </summary>
    [GeneratedRegex(@"\b(?:(?<bare>call(?:s|ed|ing)?|term(?:s|ed|ing)|dub(?:s|bed|bing)|brand(?:s|ed|ing)|label(?:s|led|ed|ling|ing))(?<obj>\s+(?:it|them|this|that|him|her|the\s+[\w-]+(?:\s+[\w-]+)??|[\w-]+['’]s\s+[\w-]+))(?:\s+as)?|(?:describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|view(?:s|ed|ing)?|regard(?:s|ed|ing)?|saw|see(?:s|ing|n)?|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|slam(?:s|med|ming)?|call(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)|brand(?:s|ed|ing))(?<obj>\s+(?:it|them|this|that|him|her|the\s+[\w-]+(?:\s+[\w-]+)??|[\w-]+['’]s\s+[\w-]+))?\s+as)\s+(?<c>[“""‘']?(?!for\b|on\b|upon\b|off\b|out\b|up\b|in\b|by\b)[\w“""‘'][^,;:.()!?—]{1,120})", RegexOptions.IgnoreCase)]
    private static partial Regex Complement();

    /// <summary>"its “reckless and insolent” move": a quotation written before a noun is the writer's word for it.</summary>
    [GeneratedRegex(@"[“""](?<q>[^“”""]{2,60}?)[”""]\s+(?<noun>[\p{L}-]+)")]
    private static partial Regex QuotedModifier();

    /// <summary>Where the complement ends: at a new clause.</summary>
    [GeneratedRegex(@"\s(?:and|but|while|which|who|as|after|before|because|since|saying|adding|amid)\s+(?:\w+ing|\w+ed|the|a|an|it|they|he|she|said|says)\b|\s(?:which|who|while|because|saying|adding|amid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseEnd();

    public static bool IsAsked(QuestionAnalysis question) => Question().IsMatch(question.Question);

    /// <summary>What the sentence calls the thing the question asks about; none when the question asks no such thing.</summary>
    public static IEnumerable<AnswerCandidate> Extract(QuestionAnalysis question, EvidenceSentence sentence)
    {
        var asked = Question().Match(question.Question);
        if (!asked.Success)
        {
            yield break;
        }

        var thing = Tokenizer.Words(asked.Groups["what"].Value).Where(w => !StopWords.Contains(w)).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        var questionStems = Tokenizer.Words(question.Question).Select(Lexicon.StemOf).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in Complement().Matches(sentence.Text))
        {
            var complement = match.Groups["c"];
            var text = complement.Value;
            var end = ClauseEnd().Match(text);
            if (end.Success)
            {
                text = text[..end.Index];
            }

            text = text.Trim().Trim('"', '“', '”', '\'', '‘', '’').Trim();
            var news = Tokenizer.Words(text).Where(w => !StopWords.Contains(w) && !questionStems.Contains(Lexicon.StemOf(w))).ToList();
            if (news.Count == 0)
            {
                continue;
            }

            // The object names the question's thing, or stands for it ("it"); another object is another characterising.
            var obj = Tokenizer.Words(match.Groups["obj"].Value).Where(w => !StopWords.Contains(w)).Select(Lexicon.StemOf).ToList();
            var fit = obj.Count == 0 || obj.Any(thing.Contains) ? ComplementFit : ComplementFit * 0.7;
            var start = sentence.Text.IndexOf(text, complement.Index, StringComparison.Ordinal);
            yield return CandidateExtractor.Candidate(text, "char:" + text.ToLowerInvariant(), sentence, start, text.Length, fit) with { Anchored = true };
        }

        foreach (Match match in QuotedModifier().Matches(sentence.Text))
        {
            if (!thing.Contains(Lexicon.StemOf(match.Groups["noun"].Value)))
            {
                continue;
            }

            var quote = match.Groups["q"];
            var quoted = quote.Value.Trim();
            yield return CandidateExtractor.Candidate(quoted, "char:" + quoted.ToLowerInvariant(), sentence, quote.Index, quoted.Length, QuotedFit) with { Anchored = true };
        }
    }
}
