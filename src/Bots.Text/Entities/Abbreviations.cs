using System.Text.RegularExpressions;

namespace Bots.Text.Entities;

/// <summary>
/// Links a name to the short form a text uses for it: news introduces "British Airways" once and writes "BA" after,
/// or defines "the Palestine Liberation Organization (PLO)". An acronym counts only when the same text also has the
/// full name whose capitalised words it abbreviates, so "BA" means British Airways only in a text that names the airline.
/// </summary>
public static partial class Abbreviations
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "for", "the", "&", "de", "du" };

    [GeneratedRegex(@"\b[A-Z][A-Z&]{1,5}\b")]
    private static partial Regex Acronym();

    [GeneratedRegex(@"\b[A-Z][\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|&|de|du)\s+)*[A-Z][\p{L}’'-]*)+")]
    private static partial Regex CapitalisedRun();

    /// <summary>True for a 2–6 letter all-capital word ("BA", "SEC", "PLO").</summary>
    public static bool IsAcronym(string name) => name.Length is >= 2 and <= 6 && name.All(c => char.IsUpper(c) || c == '&');

    /// <summary>The other forms of <paramref name="name"/> the text uses: its acronym, or the full names an acronym abbreviates.</summary>
    public static IReadOnlyList<string> OtherFormsIn(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (IsAcronym(trimmed))
        {
            return Expansions(text, trimmed);
        }

        var initials = Initials(trimmed);
        return initials.Length >= 2 && Regex.IsMatch(text, $@"\b{Regex.Escape(initials)}\b") ? [initials] : [];
    }

    /// <summary>"British Airways" → "BA", "Palestine Liberation Organization" → "PLO"; empty unless every content word is capitalised.</summary>
    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var content = words.Where(w => !Connectors.Contains(w)).ToList();
        if (content.Count < 2 || content.Any(w => !char.IsUpper(w[0])))
        {
            return string.Empty;
        }

        return string.Concat(content.Select(w => w[0]));
    }

    private static List<string> Expansions(string text, string acronym)
    {
        if (!Acronym().Matches(text).Any(m => m.Value == acronym))
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match run in CapitalisedRun().Matches(text))
        {
            // Any stretch of the run may be the name: "the US Securities and Exchange Commission" holds "SEC".
            var words = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var first = 0; first < words.Length; first++)
            {
                if (Connectors.Contains(words[first]))
                {
                    continue;
                }

                for (var last = first + 1; last < words.Length; last++)
                {
                    var candidate = string.Join(' ', words[first..(last + 1)]);
                    if (!Connectors.Contains(words[last]) && Initials(candidate) == acronym && !found.Contains(candidate, StringComparer.Ordinal))
                    {
                        found.Add(candidate);
                    }
                }
            }
        }

        return found;
    }
}
