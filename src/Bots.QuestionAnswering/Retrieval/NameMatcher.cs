using Bots.QuestionAnswering.Analysis;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>Decides whether a text mentions a name from the question, allowing the forms news uses for it.</summary>
internal static class NameMatcher
{
    /// <summary>
    /// True when the words mention the name: all its words; a person's surname; for a country, its demonym or its
    /// capital ("Moscow" for Russia). A city is never matched by its country: a question about Tokyo is not about Japan.
    /// </summary>
    public static bool Mentions(HashSet<string> lowerWords, FocusName name)
    {
        if (name.Words.Count > 0 && ContainsAll(lowerWords, name.Words))
        {
            return true;
        }

        if (name.Kind == EntityKind.Person && name.Words.Count > 1 && lowerWords.Contains(name.Words[^1]))
        {
            return true;
        }

        if (name.Aliases.Any(alias => alias.Count > 0 && alias.All(lowerWords.Contains)))
        {
            return true;
        }

        var country = Gazetteer.IsCountry(name.Text) ? Gazetteer.FindCountry(name.Text) : null;
        if (country is null)
        {
            return false;
        }

        // "the Russians" are Russia's as much as "Russian" is.
        var demonym = country.Demonym.ToLowerInvariant();
        return Words(country.Name).All(lowerWords.Contains)
            || lowerWords.Contains(demonym) || lowerWords.Contains(demonym + "s")
            || Words(country.Capital).All(lowerWords.Contains);
    }

    /// <summary>Words of the text that belong to the name (for proximity and for excluding the name from answers).</summary>
    public static bool IsNameWord(string lowerWord, FocusName name)
    {
        if (name.Words.Contains(lowerWord) || name.Aliases.Any(a => a.Contains(lowerWord)))
        {
            return true;
        }

        var country = Gazetteer.IsCountry(name.Text) ? Gazetteer.FindCountry(name.Text) : null;
        return country is not null && (Words(country.Name).Contains(lowerWord) || country.Demonym.Equals(lowerWord, StringComparison.OrdinalIgnoreCase)
            || country.Demonym.Equals(lowerWord.TrimEnd('s'), StringComparison.OrdinalIgnoreCase) || Words(country.Capital).Contains(lowerWord));
    }

    /// <summary>Every word that belongs to the name in text (see <see cref="IsNameWord"/>), for matching many words at once.</summary>
    public static HashSet<string> NameWords(FocusName name)
    {
        var set = new HashSet<string>(name.Words, StringComparer.Ordinal);
        foreach (var alias in name.Aliases)
        {
            set.UnionWith(alias);
        }

        if (Gazetteer.IsCountry(name.Text) && Gazetteer.FindCountry(name.Text) is { } country)
        {
            set.UnionWith(Words(country.Name));
            set.Add(country.Demonym.ToLowerInvariant());
            set.Add(country.Demonym.ToLowerInvariant() + "s");
            set.UnionWith(Words(country.Capital));
        }

        return set;
    }

    // A loop, not LINQ: this runs for every name in every retrieved sentence.
    private static bool ContainsAll(HashSet<string> lowerWords, IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!lowerWords.Contains(words[i]) && !(words.Count > 1 && lowerWords.Contains(Plural(words[i]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "the Fitzpatrick and Stinson-Remick Halls of Engineering" names the Stinson-Remick Hall of Engineering: names
    /// that share a head word are written once, in the plural. Only for names of several words: "Rams" is not "Ram".
    /// </summary>
    private static string Plural(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal) ? word + "es" : word + "s";

    private static string[] Words(string name) => name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
