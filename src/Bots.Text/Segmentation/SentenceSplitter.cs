namespace Bots.Text;

/// <summary>
/// Rule-based sentence boundaries for English news and web text. A line break always ends a sentence
/// (scraped articles carry one paragraph a line). Within a line a sentence ends at '.', '!', '?' or an
/// ellipsis, after any closing quotes, brackets and citation marks ("[12]"), unless the period belongs
/// to an abbreviation, an initial, a decimal, or the next text starts in lower case.
/// </summary>
public static class SentenceSplitter
{
    // Titles and Latin abbreviations: a name or more text always follows.
    private static readonly HashSet<string> NeverFinal = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "lt", "col", "capt", "cpt", "sgt", "cpl",
        "pvt", "maj", "brig", "adm", "cmdr", "rev", "hon", "gov", "sen", "rep", "pres", "supt", "insp", "fr",
        "st", "mt", "ft", "vs", "e.g", "i.e", "cf", "viz", "approx", "esp", "incl", "dept", "univ", "ave",
    };

    // Followed by a number they are labels ("No. 5", "Jan. 12"); otherwise treated like the ambiguous ones.
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.Ordinal)
    {
        "no", "nos", "vol", "p", "pp", "art", "fig", "ch", "sec", "para", "op", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    // Words that open sentences far more often than they continue a name after "U.S." or "Inc.".
    private static readonly HashSet<string> ExtraOpeners = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "meanwhile", "earlier", "later", "now", "yesterday", "today", "according",
        "although", "despite", "since", "last", "next", "instead", "still", "many", "several", "one", "two",
        "officials", "analysts", "critics", "experts", "following", "additionally", "moreover", "furthermore",
    };

    /// <summary>Splits text into sentences with offsets into the original string.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Sentence>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || IsLineBreak(text[i]))
            {
                SplitLine(text, lineStart, i, sentences);
                lineStart = i + 1;
            }
        }
        return sentences;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '\u2026';

    private static bool IsCloser(char c) =>
        c is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    private static bool IsOpener(char c) =>
        c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '\u00AB' or '\u2039';

    private static void SplitLine(string text, int start, int end, List<Sentence> sentences)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            if (!IsTerminator(text[i]))
            {
                i++;
                continue;
            }

            var terminatorStart = i;
            var afterTerminators = i;
            while (afterTerminators < end && IsTerminator(text[afterTerminators]))
            {
                afterTerminators++;
            }
            var afterClosers = SkipClosers(text, afterTerminators, end);
            if (IsBoundary(text, terminatorStart, afterTerminators, afterClosers, end))
            {
                Add(text, sentenceStart, afterClosers, sentences);
                sentenceStart = afterClosers;
            }
            i = Math.Max(afterClosers, i + 1);
        }
        Add(text, sentenceStart, end, sentences);
    }

    private static int SkipClosers(string text, int i, int end)
    {
        while (i < end)
        {
            if (IsCloser(text[i]))
            {
                i++;
            }
            else if (text[i] == '[' && CitationMarkEnd(text, i, end) is var close && close > 0)
            {
                i = close;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    // "[12]", "[a]", "[citation needed]": returns the index after ']' or 0.
    private static int CitationMarkEnd(string text, int open, int end)
    {
        for (var i = open + 1; i < end && i - open <= 20; i++)
        {
            var c = text[i];
            if (c == ']')
            {
                return i > open + 1 ? i + 1 : 0;
            }
            if (!(char.IsLetterOrDigit(c) || c == ' '))
            {
                return 0;
            }
        }
        return 0;
    }

    private static bool IsBoundary(string text, int terminatorStart, int afterTerminators, int afterClosers, int end)
    {
        if (afterClosers >= end)
        {
            return true;
        }

        var terminator = text[terminatorStart];
        var singlePeriod = terminator == '.' && afterTerminators == terminatorStart + 1;
        var hadClosers = afterClosers > afterTerminators;
        if (!char.IsWhiteSpace(text[afterClosers]))
        {
            return IsGluedSentenceStart(text, terminatorStart, afterClosers, end, singlePeriod, hadClosers);
        }

        var next = afterClosers;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }
        if (next >= end)
        {
            return true;
        }

        var content = next;
        while (content < end && IsOpener(text[content]))
        {
            content++;
        }
        if (content < end && char.IsLower(text[content]))
        {
            // "e.g. the", "'Why?' he asked", "... and then": the sentence goes on.
            return false;
        }
        if (!singlePeriod || hadClosers)
        {
            return true;
        }

        var previous = WordBefore(text, terminatorStart);
        if (previous.Length == 0)
        {
            return true;
        }

        var lower = previous.ToLowerInvariant();
        var nextIsDigit = content < end && char.IsDigit(text[content]);
        if (NeverFinal.Contains(lower))
        {
            return false;
        }
        if (BeforeNumber.Contains(lower) && nextIsDigit)
        {
            return false;
        }

        var isInitial = previous.Length == 1 && char.IsLetter(previous[0]);
        var isAcronym = previous.Contains('.');
        if (isInitial || isAcronym || BeforeNumber.Contains(lower) || CanEndSentence.Contains(lower))
        {
            // "George W. Bush", "U.S. President", "Acme Inc. shares" continue; "...the U.S. The next day" ends.
            return StartsWithOpener(text, content, end);
        }
        return true;
    }

    // Abbreviations that also end sentences: split only before a typical sentence opener.
    private static readonly HashSet<string> CanEndSentence = new(StringComparer.Ordinal)
    {
        "inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "jr", "sr", "al",
    };

    // Scraped text often loses the space: "the war.The pair" is two sentences, "3.5", "Mr.Smith", "rt.com" are not.
    private static bool IsGluedSentenceStart(string text, int terminatorStart, int afterClosers, int end, bool singlePeriod, bool hadClosers)
    {
        var c = text[afterClosers];
        var capitalisedWord = char.IsUpper(c) && afterClosers + 1 < end && char.IsLower(text[afterClosers + 1]);
        if (!capitalisedWord && !(hadClosers && (char.IsUpper(c) || IsOpener(c))))
        {
            return false;
        }
        if (hadClosers || !singlePeriod)
        {
            return true;
        }

        var previous = WordBefore(text, terminatorStart);
        if (previous.Length < 2 || previous.Contains('.'))
        {
            return false;
        }
        var lower = previous.ToLowerInvariant();
        if (NeverFinal.Contains(lower) || CanEndSentence.Contains(lower) || BeforeNumber.Contains(lower))
        {
            return false;
        }
        var before = terminatorStart - previous.Length - 1;
        return before < 0 || text[before] != '.';
    }

    private static bool StartsWithOpener(string text, int content, int end)
    {
        var wordEnd = content;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }
        if (wordEnd == content)
        {
            return false;
        }
        var word = text[content..wordEnd].ToLowerInvariant();
        return StopWords.Contains(word) || ExtraOpeners.Contains(word);
    }

    // The word right before a period, with inner periods kept ("U.S", "e.g", "Mr").
    private static string WordBefore(string text, int period)
    {
        var i = period;
        while (i > 0)
        {
            var c = text[i - 1];
            if (char.IsLetterOrDigit(c))
            {
                i--;
            }
            else if (c == '.' && i - 2 >= 0 && char.IsLetter(text[i - 2]) && i < period)
            {
                i--;
            }
            else
            {
                break;
            }
        }
        return text[i..period];
    }

    private static void Add(string text, int start, int end, List<Sentence> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            sentences.Add(new Sentence(text[start..end], start, end - start));
        }
    }
}
