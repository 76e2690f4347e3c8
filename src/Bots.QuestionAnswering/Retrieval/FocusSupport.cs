using Bots.QuestionAnswering.Analysis;
using Bots.Text;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>
/// Whether an evidence sentence speaks of the question's people, places and nationalities or of others. A sentence
/// can match the question's event words and still be about someone else ("Pezeshkian met the visiting Shoigu" for
/// "when did Putin visit Gaza"), somewhere else ("in Tehran" for a visit to Gaza) or another country's affair ("the
/// Palestinian elections" for "the Russian elections"): answering from it gives the nearest wrong fact.
/// </summary>
internal static class FocusSupport
{
    private static readonly HashSet<string> ReferringPronouns = new(StringComparer.Ordinal) { "he", "she", "his", "her", "him" };

    /// <summary>True when the sentence is about another person, place or nationality than the question names.</summary>
    public static bool Contradicts(QuestionAnalysis question, EvidenceSentence sentence) =>
        OtherPerson(question, sentence) is not null || OtherPlace(question, sentence) is not null || OtherNationality(question, sentence) is not null;

    /// <summary>
    /// A person the sentence names in place of a question's person it does not name. A pronoun in a sentence whose
    /// context names them still refers to them ("Putin … . He met Lavrov").
    /// </summary>
    public static EntityMention? OtherPerson(QuestionAnalysis question, EvidenceSentence sentence)
    {
        foreach (var name in question.Names.Where(n => n.Kind == EntityKind.Person && !NameMatcher.Mentions(sentence.LowerWords, n)))
        {
            var inContext = sentence.Previous is { } previous && NameMatcher.Mentions(previous.LowerWords, name)
                || NameMatcher.Mentions(EvidenceSentence.Annotate(sentence.Passage).Words, name);
            if (inContext && sentence.Words.Any(w => ReferringPronouns.Contains(w.Lower)))
            {
                continue;
            }

            var other = sentence.Entities.FirstOrDefault(e => e.Kind == EntityKind.Person && !IsQuestionName(question, e));
            if (other is not null)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>A place the sentence names in place of a question's place it does not name ("in Tehran" for "visit Gaza").</summary>
    public static EntityMention? OtherPlace(QuestionAnalysis question, EvidenceSentence sentence)
    {
        foreach (var name in question.Names.Where(n => n.Kind == EntityKind.Place && !NameMatcher.Mentions(sentence.LowerWords, n)))
        {
            var other = sentence.Entities.FirstOrDefault(e => e.Kind == EntityKind.Place && !IsQuestionName(question, e)
                && !Gazetteer.IsDemonym(e.Name) && !Encloses(e.Name, name.Text));
            if (other is not null)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>
    /// The nationality the evidence gives a thing the question qualifies with another: "the Palestinian elections" for
    /// "the Russian elections". Looked for in the sentence and its neighbours, which lend it words.
    /// </summary>
    public static string? OtherNationality(QuestionAnalysis question, EvidenceSentence sentence)
    {
        foreach (var constraint in question.Nationalities)
        {
            string? other = null;
            var supported = false;
            foreach (var s in new[] { sentence.Previous, sentence, sentence.Next })
            {
                if (s is null)
                {
                    continue;
                }

                for (var i = 0; i < s.Words.Count; i++)
                {
                    if (s.Words[i].Stem != constraint.NounStem || ModifierBefore(s, i) is not { } modifier)
                    {
                        continue;
                    }

                    if (modifier == constraint.Country)
                    {
                        supported = true;
                    }
                    else
                    {
                        other ??= modifier.Demonym;
                    }
                }
            }

            if (other is not null && !supported)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>The country of the demonym or country name qualifying the word at an index ("the 2006 Palestinian elections", "Russia's aid").</summary>
    private static Country? ModifierBefore(EvidenceSentence sentence, int index)
    {
        for (var k = index - 1; k >= Math.Max(0, index - 3); k--)
        {
            var word = sentence.Words[k].Lower;
            var bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
            if (Gazetteer.FindCountry(bare) is { } country)
            {
                return country;
            }

            // Years and articles may stand between ("the 2006 Palestinian elections"), not a clause ("Syria, where it collaborates").
            if (!(char.IsDigit(word[0]) || word is "the" or "a" or "an" or "its" or "their" or "own"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>"Russia" encloses "Moscow": a sentence naming the country of a capital the question names is not elsewhere.</summary>
    private static bool Encloses(string place, string questionPlace) =>
        Gazetteer.CountryOfCapital(questionPlace) is { } country && (country.Name.Equals(place, StringComparison.OrdinalIgnoreCase) || Gazetteer.FindCountry(place) == country);

    private static bool IsQuestionName(QuestionAnalysis question, EntityMention entity)
    {
        var words = EvidenceSentence.WordSet(Tokenizer.Words(entity.Canonical));
        return question.Names.Any(n => n.Words.Count > 0 && (n.Words.Any(words.Contains) || NameMatcher.NameWords(n).Overlaps(words)));
    }
}
