using System.Text.RegularExpressions;
using Bots.Text;

namespace Bots.ArticleStore.Search;

/// <summary>
/// What autocomplete offers from an article: its title's content words and the capitalised
/// phrases of its text that look like names ("Vladimir Putin", "Middle East Quartet").
/// </summary>
public static partial class SuggestTerms
{
    private const int MaxPhrases = 30;

    public static IReadOnlyList<string> Extract(string title, string body)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match word in Word().Matches(title))
        {
            var text = word.Value.Trim('\'', '’', '-');
            if (text.Length >= 3 && !StopWords.Contains(text.ToLowerInvariant()) && seen.Add(text))
            {
                terms.Add(text);
            }
        }
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match phrase in CapitalisedPhrase().Matches(body))
        {
            // "Russian President Vladimir Putin" also offers "President Vladimir Putin" and "Vladimir Putin".
            var words = TrimLeadingStopWord(phrase.Value).Split(' ');
            for (var start = 0; start + 1 < words.Length; start++)
            {
                var text = string.Join(' ', words[start..]);
                if (text.Length <= 60 && !StopWords.Contains(words[start].ToLowerInvariant()))
                {
                    phrases[text] = phrases.GetValueOrDefault(text) + 1;
                }
            }
        }
        foreach (var (text, _) in phrases.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxPhrases))
        {
            if (seen.Add(text))
            {
                terms.Add(text);
            }
        }
        return terms;
    }

    private static string TrimLeadingStopWord(string phrase)
    {
        var space = phrase.IndexOf(' ');
        return space > 0 && StopWords.Contains(phrase[..space].ToLowerInvariant()) ? phrase[(space + 1)..] : phrase;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'’-]+(?:\s+(?:of\s+|al-|bin\s+|de\s+)?\p{Lu}[\p{L}'’-]+){1,3}")]
    private static partial Regex CapitalisedPhrase();
}
