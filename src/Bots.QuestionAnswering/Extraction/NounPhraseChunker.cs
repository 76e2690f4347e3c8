using Bots.Text;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>A noun phrase found in a sentence: character span and word count.</summary>
internal readonly record struct NounPhrase(int Start, int Length, int Words, bool IsProper)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds noun phrases without a tagger, as the classical QA systems did before statistical parsers: a phrase is a
/// run of content words bounded by function words (determiners open one; prepositions, conjunctions, pronouns,
/// auxiliaries and verb-like words close it) and punctuation. "X of Y" and capitalised names joined by "for", "and"
/// or "&amp;" ("Institute for International Peace Studies", "U.S. News &amp; World Report") stay one phrase.
/// </summary>
internal static class NounPhraseChunker
{
    private const int MaxWords = 10;

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some",
        "several", "many", "each", "every", "both", "another", "such", "any", "most", "few",
    };

    private static readonly HashSet<string> Breakers = new(StringComparer.Ordinal)
    {
        // Prepositions and conjunctions.
        "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "over", "under", "about", "between",
        "among", "through", "during", "before", "after", "since", "until", "within", "without", "across", "against",
        "along", "around", "behind", "beside", "beyond", "near", "toward", "towards", "upon", "via", "per", "like",
        "as", "than", "and", "or", "but", "nor", "yet", "so", "while", "although", "though", "because", "whereas",
        "if", "that", "which", "who", "whom", "whose", "where", "when", "how", "why", "what", "whether", "atop",
        "including", "despite", "throughout", "above", "below", "outside", "inside", "following",
        // Pronouns.
        "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "itself", "themselves", "there",
        "here", "one",
        // Auxiliaries, copulas and verbs too common to guess from their ending.
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "may", "might", "must", "shall", "should", "became", "become", "becomes", "remains",
        "remained", "said", "says", "made", "makes", "make", "took", "take", "takes", "gave", "give", "gives", "got",
        "began", "begun", "held", "holds", "hold", "led", "leads", "met", "won", "went", "sent", "built", "wrote",
        "came", "known", "called", "named", "include", "includes", "included", "serves", "served", "offers",
        "offer", "offered", "contains", "contain", "consists", "located", "housed", "founded", "established",
        // Adverbs and negation.
        "not", "also", "very", "still", "now", "then", "only", "just", "even", "already", "often", "always", "never",
        "however", "thus", "instead", "currently", "later", "early", "ago", "again", "too", "well", "albeit", "each",
    };

    private static readonly HashSet<string> ProperJoiners = new(StringComparer.Ordinal) { "of", "for", "and", "&", "de", "du", "la", "von", "van" };

    /// <summary>The noun phrases of a sentence, left to right; "X of Y" phrases are also offered without their "of Y".</summary>
    public static IReadOnlyList<NounPhrase> Chunk(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = Tokenizer.Tokenize(sentence);
        var chunks = new List<(int First, int Last)>();
        var start = -1;
        var joined = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var role = RoleOf(tokens, i, start >= 0 ? i - start : 0);
            var afterJoiner = joined;
            joined = false;
            if (role == Role.Content || role == Role.Determiner && (start < 0 || afterJoiner))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0 && role == Role.Joiner && JoinsNames(tokens, start, i))
            {
                joined = true;
                continue;
            }

            Close(chunks, tokens, ref start, i - 1);
            if (role == Role.Determiner)
            {
                start = i;
            }
        }

        Close(chunks, tokens, ref start, tokens.Count - 1);

        var phrases = new List<NounPhrase>();
        for (var c = 0; c < chunks.Count; c++)
        {
            var (first, last) = chunks[c];
            phrases.Add(Phrase(sentence, tokens, first, last));

            // "a copper statue of Christ": the "of" phrase completes the head.
            if (c + 1 < chunks.Count && chunks[c + 1].First == last + 2 && Lower(tokens[last + 1]) == "of")
            {
                var withOf = Phrase(sentence, tokens, first, chunks[c + 1].Last);
                if (withOf.Words <= MaxWords)
                {
                    phrases.Add(withOf);
                }
            }
        }

        return phrases;
    }

    private enum Role
    {
        Content,
        Determiner,
        Joiner,
        Boundary,
    }

    private static Role RoleOf(IReadOnlyList<Token> tokens, int i, int wordsSoFar)
    {
        var token = tokens[i];
        if (token.Kind == TokenKind.Number)
        {
            return Role.Content;
        }

        if (token.Kind == TokenKind.Symbol)
        {
            return token.Text is "&" ? Role.Joiner : token.Text is "$" or "%" or "€" or "£" ? Role.Content : Role.Boundary;
        }

        if (token.Kind == TokenKind.Punctuation)
        {
            // "U.S.", "Joan B. Kroc", "Fr. Matthew Walsh": a full stop right after a short capitalised word stays inside the name.
            var afterShortCapital = token.Text == "." && i > 0 && tokens[i - 1].Kind == TokenKind.Word && char.IsUpper(tokens[i - 1].Text[0])
                && tokens[i - 1].Start + tokens[i - 1].Text.Length == token.Start
                && (tokens[i - 1].Text.Length <= 2 || tokens[i - 1].Text.Length <= 4 && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(tokens[i + 1].Text[0]));
            return afterShortCapital ? Role.Content : Role.Boundary;
        }

        var lower = Lower(token);
        var capitalised = char.IsUpper(token.Text[0]);
        if (ProperJoiners.Contains(lower) && !capitalised)
        {
            return Role.Joiner;
        }

        if (Determiners.Contains(lower))
        {
            return Role.Determiner;
        }

        if (Breakers.Contains(lower) || StopWords.Contains(lower))
        {
            return Role.Boundary;
        }

        // "Commonly, …", "Immediately behind …": an adverb opening the sentence is capitalised too.
        if (capitalised && !(i == 0 && lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal)))
        {
            return Role.Content;
        }

        // A lower-case word right before a determiner is a verb ("provides the", "plays a"): nouns rarely take one next.
        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && Determiners.Contains(Lower(tokens[i + 1])) && Lower(tokens[i + 1]) is "the" or "a" or "an" or "its" or "his" or "her" or "their")
        {
            return Role.Boundary;
        }

        // Adverbs and verb forms end a phrase; after a determiner or a modifier an -ing word is a noun ("the building").
        if (lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal))
        {
            return Role.Boundary;
        }

        if (lower.Length > 4 && (lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal)))
        {
            var next = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word ? Lower(tokens[i + 1]) : null;
            var modifiesNext = next is not null && !Breakers.Contains(next) && !Determiners.Contains(next) && !StopWords.Contains(next) && OpensPhrase(tokens, i);
            return wordsSoFar > 0 && lower.EndsWith("ing", StringComparison.Ordinal) || modifiesNext && wordsSoFar == 0 ? Role.Content : Role.Boundary;
        }

        return Role.Content;
    }

    /// <summary>"Retired priests", "of trained staff": an -ed word modifies a noun only where a phrase can start, not after a subject ("the ministry delivered aid").</summary>
    private static bool OpensPhrase(IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0 || tokens[i - 1].Kind is TokenKind.Punctuation or TokenKind.Symbol)
        {
            return true;
        }

        var previous = Lower(tokens[i - 1]);
        return Determiners.Contains(previous) || previous is "of" or "in" or "on" or "at" or "to" or "for" or "with" or "by" or "from" or "into" or "and" or "or" or "as" or "than" or "are" or "is" or "was" or "were";
    }

    private static bool JoinsNames(IReadOnlyList<Token> tokens, int start, int i)
    {
        // Only between capitalised words: "Congregation of the Holy Cross", "Evolution and Dogma".
        var previous = tokens[i - 1];
        if (previous.Kind != TokenKind.Word || !char.IsUpper(previous.Text[0]) || i + 1 >= tokens.Count)
        {
            return false;
        }

        var next = i + 1;
        if (next < tokens.Count && Lower(tokens[next]) == "the")
        {
            next++;
        }

        return next < tokens.Count && tokens[next].Kind == TokenKind.Word && char.IsUpper(tokens[next].Text[0]) && i - start < MaxWords;
    }

    private static void Close(List<(int First, int Last)> chunks, IReadOnlyList<Token> tokens, ref int start, int last)
    {
        if (start < 0)
        {
            return;
        }

        // A phrase never ends in a joiner, a determiner or a full stop that closed the sentence.
        while (last >= start && (tokens[last].Kind != TokenKind.Word && tokens[last].Kind != TokenKind.Number && tokens[last].Text != "%" && tokens[last].Text != "."
            || tokens[last].Kind == TokenKind.Word && (Determiners.Contains(Lower(tokens[last])) || ProperJoiners.Contains(Lower(tokens[last])))))
        {
            last--;
        }

        if (last >= start && tokens[last].Text == "." && (last == start || last == tokens.Count - 1))
        {
            last--;
        }

        if (last >= start && Enumerable.Range(start, last - start + 1).Any(k => tokens[k].Kind is TokenKind.Word or TokenKind.Number && !Determiners.Contains(Lower(tokens[k]))))
        {
            chunks.Add((start, last));
        }

        start = -1;
    }

    private static NounPhrase Phrase(string sentence, IReadOnlyList<Token> tokens, int first, int last)
    {
        var start = tokens[first].Start;
        var end = tokens[last].Start + tokens[last].Text.Length;
        var words = 0;
        var proper = true;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
                var lower = Lower(tokens[k]);
                if (!Determiners.Contains(lower) && !ProperJoiners.Contains(lower) && tokens[k].Kind == TokenKind.Word && !char.IsUpper(tokens[k].Text[0]))
                {
                    proper = false;
                }
            }
        }

        return new NounPhrase(start, end - start, words, proper && sentence[start..end].Any(char.IsUpper));
    }

    private static string Lower(Token token) => token.Text.ToLowerInvariant();
}
