using System.Text;
using Bots.Text;

namespace Bots.ArticleStore.Search;

/// <summary>
/// Reads free text as data. Understood: "quoted phrases", word* prefixes and -excluded words;
/// everything else (NEAR(, ^, :, SQL, markup) is only a source of words. Stop words are dropped
/// unless the query has nothing else, and at most <see cref="MaxTerms"/> distinct terms are kept so
/// a pasted page still searches quickly.
/// </summary>
public static class QueryParser
{
    public const int MaxQueryChars = 10_000;
    public const int MaxTerms = 32;
    private const int MinPrefixLength = 2;

    /// <summary>The parsed query, or null with a reason a person can act on.</summary>
    public static ParsedQuery? TryParse(string text, out string? error)
    {
        error = null;
        if (text.Length > MaxQueryChars)
        {
            error = $"query is {text.Length} characters; the limit is {MaxQueryChars}";
            return null;
        }
        var include = new List<QueryTerm>();
        var exclude = new List<QueryTerm>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var negated = false;
            if (c == '-' && i + 1 < text.Length && (text[i + 1] == '"' || char.IsLetterOrDigit(text[i + 1])) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                negated = true;
                i++;
                c = text[i];
            }
            if (c is '"' or '“' or '”')
            {
                var end = text.IndexOfAny(['"', '“', '”'], i + 1);
                var inner = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                var words = Words(inner);
                if (words.Count > 0)
                {
                    (negated ? exclude : include).Add(new QueryTerm(words));
                }
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsJoiner(text, i)))
                {
                    i++;
                }
                var prefix = i < text.Length && text[i] == '*';
                var words = Words(text[start..i]);
                if (words.Count > 0)
                {
                    var term = words.Count == 1 && prefix && words[0].Length >= MinPrefixLength
                        ? new QueryTerm(words, Prefix: true)
                        : new QueryTerm(words);
                    (negated ? exclude : include).Add(term);
                }
                continue;
            }
            i++;
        }
        include = Distinct(include);
        var content = include.Where(t => t.IsPhrase || t.Prefix || !StopWords.Contains(t.Words[0])).ToList();
        if (content.Count > 0)
        {
            include = content;
        }
        if (include.Count == 0)
        {
            error = "query has no words to search for";
            return null;
        }
        return new ParsedQuery(include.Take(MaxTerms).ToList(), Distinct(exclude).Take(MaxTerms).ToList());
    }

    // "U.S.", "Novo-Ogaryovo", "Russia's": joiners inside a word are read as part of it, then split into plain words.
    private static bool IsJoiner(string text, int i) =>
        text[i] is '-' or '\'' or '’' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > 0 && char.IsLetterOrDigit(text[i - 1]);

    // Split like the index tokenizers do; the clitic after an apostrophe ("Russia's", "don't") is noise.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        var afterApostrophe = false;
        void Emit()
        {
            if (builder.Length > 0 && !(afterApostrophe && builder.Length <= 2))
            {
                words.Add(builder.ToString());
            }
            builder.Clear();
        }
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                continue;
            }
            Emit();
            afterApostrophe = c is '\'' or '’';
        }
        Emit();
        return words.Take(MaxTerms).ToList();
    }

    private static List<QueryTerm> Distinct(List<QueryTerm> terms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return terms.Where(t => seen.Add((t.Prefix ? "*" : "") + string.Join(' ', t.Words))).ToList();
    }
}
