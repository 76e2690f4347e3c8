using System.Text.RegularExpressions;

namespace Bots.Text.Entities;

/// <summary>
/// Links a name to the short form a text uses for it: news introduces "British Airways" once and writes "BA" after,
/// or defines "the Palestine Liberation Organization (PLO)". An acronym counts only when the same text also has the
/// full name whose capitalised words it abbreviates, so "BA" means British Airways only in a text that names the airline.
/// A reader may abbreviate what the text spells out ("IRGC" for "Iran's Islamic Revolution Guard Corps"): an acronym of
/// three letters or more the text never uses stands for a whole capitalised name whose initials spell it.
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
        // "WWII" is "World War II", and "WW2" too; an acronym that only ends in such letters ("UNIX") is still tried whole.
        if (NumberedAcronym().Match(trimmed) is { Success: true } numbered && Numerals.Value(numbered.Groups["n"].Value) is { } number
            && NumberedExpansions(text, numbered.Groups["a"].Value, number) is { Count: > 0 } numberedForms)
        {
            return numberedForms;
        }

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
        var used = Acronym().Matches(text).Any(m => m.Value == acronym);
        if (!used && acronym.Length < 3)
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match run in CapitalisedRun().Matches(text))
        {
            // Any stretch of the run may be the name: "the US Securities and Exchange Commission" holds "SEC". Without the
            // acronym in the text to vouch for it, only a whole name may: the run's end, from its start or after an owner
            // ("Iran's") or "the", and no person's title — not "President Mahmoud Abbas" of "Palestinian President Mahmoud Abbas".
            var words = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var first = 0; first < words.Length; first++)
            {
                if (Connectors.Contains(words[first]) || !used && (first > 0 && !IsOwnerOrArticle(words[first - 1]) || EntityRecognizer.IsTitleWord(words[first].ToLowerInvariant())))
                {
                    continue;
                }

                for (var last = first + 1; last < words.Length; last++)
                {
                    var candidate = string.Join(' ', words[first..(last + 1)]);
                    if (!Connectors.Contains(words[last]) && (used || last == words.Length - 1) && Initials(candidate) == acronym
                        && !found.Contains(candidate, StringComparer.Ordinal))
                    {
                        found.Add(candidate);
                    }
                }
            }
        }

        return found;
    }

    private static bool IsOwnerOrArticle(string word) =>
        word is "The" or "the" || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || Gazetteer.IsDemonym(word);

    /// <summary>"WW2", "WWII": the capitalised name the letters abbreviate, followed by the same number however written ("World War II").</summary>
    private static List<string> NumberedExpansions(string text, string letters, int number)
    {
        var found = new List<string>();
        foreach (Match run in NumberedRun().Matches(text))
        {
            var words = run.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Numerals.Value(run.Groups["n"].Value) != number)
            {
                continue;
            }

            for (var first = 0; first + 1 < words.Length; first++)
            {
                var candidate = string.Join(' ', words[first..]);
                if (!Connectors.Contains(words[first]) && Initials(candidate) == letters)
                {
                    var expansion = candidate + " " + run.Groups["n"].Value;
                    if (!found.Contains(expansion, StringComparer.Ordinal))
                    {
                        found.Add(expansion);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>"WW2", "WWII", "WWTwo": two to five capital letters and a small number.</summary>
    [GeneratedRegex(@"^(?<a>[A-Z]{2,5})(?<n>\d{1,2}|[IVX]{2,5})$")]
    private static partial Regex NumberedAcronym();

    /// <summary>A capitalised name followed by a number: "World War II", "World War 2", "World War Two".</summary>
    [GeneratedRegex(@"\b(?<name>[A-Z][\p{L}’'-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\p{L}’'-]*)*)\s+(?<n>\d{1,2}|[IVX]{2,5}|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|two|three|four|five|six|seven|eight|nine|ten)\b")]
    private static partial Regex NumberedRun();
}
