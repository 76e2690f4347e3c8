using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Bots.Text;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// Turns scraped article text into title + paragraphs. Rules describe the phenomena of web pages
/// (section labels, date lines, share rows, appeals, link lists, reference sections, citation
/// marks, repeated captions, syndication footers), never particular sites; quotes and paragraphs
/// are kept as written. One paragraph per line, blank lines are only separators.
/// </summary>
public static partial class TextCleaner
{
    // A reference section or link list only ends the article once this much body was read,
    // so a "Related" menu above the article cannot wipe it out.
    private const int MinBodyWordsBeforeFooter = 60;
    private const int HeaderLines = 10;

    public static CleanedText Clean(string raw, string? knownTitle = null)
    {
        var lines = SplitLines(TextNormalizer.Normalize(raw));
        var state = new State();
        var i = ReadHeader(lines, knownTitle, state);
        ReadBody(lines, i, state);
        TrimTrailingFragments(state.Paragraphs);
        return new CleanedText(state.Title, state.Paragraphs, state.Published, state.Source ?? state.Publisher, state.Url);
    }

    /// <summary>Normalises spacing and invisible characters; one trimmed entry per non-blank line.</summary>
    public static List<string> SplitLines(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u3000' or '\t':
                    builder.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                case '\r':
                    builder.Append('\n');
                    break;
                case '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                default:
                    if (!char.IsControl(c) || c == '\n')
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        var result = new List<string>();
        foreach (var line in builder.ToString().Split('\n'))
        {
            var tidy = (HasRunOfSpaces(line) ? Spaces().Replace(line, " ") : line).Trim();
            if (tidy.Length > 0)
            {
                result.Add(tidy);
            }
        }
        return result;
    }

    private static int ReadHeader(List<string> lines, string? knownTitle, State state)
    {
        var known = knownTitle is null ? null : Key(StripSiteSuffix(knownTitle));
        var i = 0;
        var seenTitle = known is not null;
        for (; i < lines.Count && i < HeaderLines; i++)
        {
            var line = lines[i];
            var words = WordCount(line);
            if (TryDateLine(line, out var date))
            {
                state.Published ??= date;
                continue;
            }
            if (Byline().IsMatch(line) && words <= 8)
            {
                continue;
            }
            if (IsSlug(line) || IsShareRow(line) || IsNavigation(line))
            {
                continue;
            }
            var key = Key(StripSiteSuffix(line));
            if (known is not null && key == known)
            {
                continue;
            }
            if (state.Title is not null && key == Key(state.Title))
            {
                continue;
            }
            if (!seenTitle && IsSectionLabel(line, i + 1 < lines.Count ? lines[i + 1] : null))
            {
                continue;
            }
            if (!seenTitle && IsTitleLike(line))
            {
                state.Title = StripSiteSuffix(line);
                seenTitle = true;
                continue;
            }
            // Between the title and the first paragraph, short unpunctuated lines are kickers, infobox names and the like.
            if (seenTitle && state.Paragraphs.Count == 0 && words <= 4 && !EndsSentence(line))
            {
                continue;
            }
            break;
        }
        return i;
    }

    private static void ReadBody(List<string> lines, int start, State state)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bodyWords = 0;
        var ended = false;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            var words = WordCount(line);
            if (ended)
            {
                ReadFooterMetadata(line, words, state);
                continue;
            }
            if (FooterHeading().IsMatch(line))
            {
                ended = bodyWords >= MinBodyWordsBeforeFooter;
                continue;
            }
            if (words <= 25 && Syndication().Match(line) is { Success: true } syndicated)
            {
                state.Source ??= SourceNames.FromDomain(syndicated.Groups["site"].Value.TrimEnd('.'));
                ended = bodyWords >= MinBodyWordsBeforeFooter;
                continue;
            }
            if (WikipediaLicence().IsMatch(line))
            {
                ReadFooterMetadata(line, words, state);
                ended = true;
                continue;
            }
            if (IsShareRow(line) || IsNavigation(line) || Pagination().IsMatch(line) || IsAppeal(line, words) || IsTruncatedTeaser(line, words) || ReferenceItem().IsMatch(line))
            {
                continue;
            }
            if (words <= 30 && Contributor().Match(line) is { Success: true } contributor)
            {
                if (contributor.Groups["outlet"].Success)
                {
                    state.Publisher ??= contributor.Groups["outlet"].Value.Trim().TrimEnd('.');
                }
                continue;
            }
            if (state.Paragraphs.Count == 0 && TryDateLine(line, out var late))
            {
                state.Published ??= late;
                continue;
            }
            var text = CleanInline(line, state);
            if (text.Length == 0 || (state.Title is not null && state.Paragraphs.Count == 0 && Key(text) == Key(state.Title)))
            {
                continue;
            }
            var key = Key(text);
            var textWords = WordCount(text);
            if (textWords >= 5 && !seen.Add(key))
            {
                continue; // a caption or pull quote printed twice
            }
            state.Paragraphs.Add(text);
            bodyWords += textWords;
        }
    }

    /// <summary>Past the end of the article only attributions are read: who published it and where.</summary>
    private static void ReadFooterMetadata(string line, int words, State state)
    {
        if (WikipediaLicence().Match(line) is { Success: true } wiki)
        {
            state.Source ??= "Wikipedia";
            var article = wiki.Groups["article"].Value.Trim().TrimEnd(',', '.').Replace(' ', '_');
            state.Url ??= "https://en.wikipedia.org/wiki/" + Uri.EscapeDataString(article);
        }
        else if (Syndication().Match(line) is { Success: true } syndicated && words <= 25)
        {
            state.Source ??= SourceNames.FromDomain(syndicated.Groups["site"].Value.TrimEnd('.'));
        }
        else if (Contributor().Match(line) is { Success: true } contributor && words <= 30 && contributor.Groups["outlet"].Success)
        {
            state.Publisher ??= contributor.Groups["outlet"].Value.Trim().TrimEnd('.');
        }
    }

    private static string CleanInline(string line, State state)
    {
        // Each rule runs only when the line holds a character or word its pattern needs: most lines
        // hold none, and scanning them with all seven patterns was a third of the cleaning time.
        var text = line.Contains('[') ? CitationMark().Replace(line, "") : line;
        if (text.Contains("read", StringComparison.OrdinalIgnoreCase))
        {
            text = Teaser().Replace(text, m =>
            {
                state.Source ??= SourceNames.FromDomain(m.Groups["site"].Value.TrimEnd('.'));
                return "";
            });
        }
        if (text.Contains(':'))
        {
            text = CaptionCredit().Replace(text, "");
        }
        if (HasDigitBeforeCapital(text))
        {
            text = GluedYear().Replace(text, " ");
        }
        if (text.Contains(']'))
        {
            text = GluedBracket().Replace(text, " ");
        }
        if (HasSpaceBeforePunctuation(text))
        {
            text = SpaceBeforePunctuation().Replace(text, "$1");
        }
        return (HasRunOfSpaces(text) ? Spaces().Replace(text, " ") : text).Trim();
    }

    /// <summary>Drops what pages leave after the last paragraph: headings of emptied lists, "More", lone labels.</summary>
    private static void TrimTrailingFragments(List<string> paragraphs)
    {
        while (paragraphs.Count > 1)
        {
            var last = paragraphs[^1];
            if (EndsSentence(last) || WordCount(last) > 12)
            {
                return;
            }
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
    }

    private static bool TryDateLine(string line, out PublishedDate date)
    {
        date = default;
        if (WordCount(line) > 14)
        {
            return false;
        }
        if (PublishedDate.TryParse(line, out date))
        {
            return true;
        }
        // "By Jane Doe | Aug 13, 2024" and "Published: 13 Aug 2024 · Updated: 14 Aug 2024": first date wins.
        foreach (var part in line.Split(['|', '•', '·', '—'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (PublishedDate.TryParse(part, out date))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTitleLike(string line)
    {
        var words = WordCount(line);
        if (words < 2 || words > 30 || line.Length > 250)
        {
            return false;
        }
        // Headlines do not end with a full stop; a line that does is the first paragraph.
        return !line.EndsWith('.') && !line.EndsWith(':');
    }

    private static bool IsSectionLabel(string line, string? next)
    {
        var words = WordCount(line);
        if (words > 6 || EndsSentence(line))
        {
            return false;
        }
        if (LabelSeparator().IsMatch(line))
        {
            return true;
        }
        var letters = line.Where(char.IsLetter).ToList();
        if (letters.Count > 0 && letters.All(char.IsUpper) && words <= 4)
        {
            return true;
        }
        // "News" above a longer headline.
        return words <= 3 && next is not null && IsTitleLike(next) && WordCount(next) > words + 2;
    }

    private static bool IsSlug(string line) => !line.Contains(' ') && (line.Contains('_') || line.Contains('/')) && line.Length < 120;

    private static readonly HashSet<string> ShareWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "shares", "on", "via", "to", "this", "article", "story", "page", "post", "the", "tweet", "pin", "it", "email", "e-mail", "mail",
        "print", "copy", "link", "save", "facebook", "twitter", "x", "linkedin", "pinterest", "telegram", "reddit", "whatsapp", "messenger",
        "flipboard", "vk", "tumblr", "mastodon", "threads", "bluesky", "sms", "weibo", "wechat", "google", "comments", "comment",
    };

    private static readonly HashSet<string> ShareAnchors = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "tweet", "facebook", "twitter", "linkedin", "pinterest", "telegram", "reddit", "whatsapp", "messenger", "flipboard",
        "vk", "tumblr", "mastodon", "bluesky", "weibo", "wechat",
    };

    // Every line is tested, and almost every line fails on its first or second word: stop there.
    private static bool IsShareRow(string line)
    {
        if (EndsSentence(line))
        {
            return false;
        }
        var count = 0;
        var anchored = false;
        for (var token = WordToken().Match(line); token.Success; token = token.NextMatch())
        {
            if (++count > 12 || !ShareWords.Contains(token.Value))
            {
                return false;
            }
            anchored |= ShareAnchors.Contains(token.Value);
        }
        return anchored;
    }

    private static readonly HashSet<string> NavigationLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "advertisement", "advertising", "ad", "sponsored", "sponsored content", "skip to content", "skip to main content", "menu", "search",
        "log in", "login", "sign in", "sign up", "subscribe", "home", "close", "back to top", "loading", "loading...", "click to expand",
        "show more", "show less", "listen", "listen to this article", "follow us", "follow", "print", "font size", "text size", "next", "previous",
        "next article", "previous article", "watch", "watch live", "live", "breaking", "breaking news", "toggle navigation", "main menu",
        "cookie settings", "accept cookies", "newsletter",
    };

    private static bool IsNavigation(string line) => NavigationLines.Contains(line.TrimEnd(':', '.', '…').Trim());

    // A word every alternative of AppealPhrase contains (none has a 'k', whose case folding differs between the two).
    private static readonly SearchValues<string> AppealWords = SearchValues.Create(
        ["donat", "support", "subscribe", "sign up", "newsletter", "become a", "journalism", "not owned by", "help us", "contribution", "paywall", "unlimited access"],
        StringComparison.OrdinalIgnoreCase);

    private static bool IsAppeal(string line, int words)
    {
        if (words > 70 || !line.AsSpan().ContainsAny(AppealWords))
        {
            return false;
        }
        var hits = AppealPhrase().Matches(line).Count;
        return hits >= 2 || (hits == 1 && words <= 30);
    }

    // "Quick Facts Russia ..." and other cut-off widget labels.
    private static bool IsTruncatedTeaser(string line, int words) =>
        words <= 8 && (line.EndsWith("...", StringComparison.Ordinal) || line.EndsWith('…'));

    private static bool EndsSentence(string line)
    {
        var trimmed = line.TrimEnd('"', '\'', '”', '’', ')', ']', '»', '*', ' ');
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') || trimmed.EndsWith('…');
    }

    /// <summary>Removes a trailing " | Site" or " - Section news" from a headline.</summary>
    public static string StripSiteSuffix(string title)
    {
        var t = title.Trim();
        foreach (var separator in new[] { " | ", " – ", " — ", " - ", " :: ", " » " })
        {
            var at = t.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var tail = t[(at + separator.Length)..];
                var head = t[..at];
                if (WordCount(tail) <= 6 && WordCount(head) >= 3 && !EndsSentence(tail) && (separator == " | " || separator == " :: " || separator == " » " || LooksLikeSiteName(tail)))
                {
                    return head.Trim();
                }
            }
        }
        return t;
    }

    private static bool LooksLikeSiteName(string tail) =>
        tail.Contains('.') || tail.EndsWith(" news", StringComparison.OrdinalIgnoreCase) || tail.Split(' ').All(w => w.Length > 0 && char.IsUpper(w[0]));

    private static bool HasRunOfSpaces(string text) => HasAdjacent<RunOfSpaces>(text);

    private static bool HasSpaceBeforePunctuation(string text) => HasAdjacent<SpaceBeforePunctuationMark>(text);

    private static bool HasDigitBeforeCapital(string text) => HasAdjacent<DigitBeforeCapital>(text);

    // The pair tests are struct type arguments, so each scan is compiled with its test inlined.
    private static bool HasAdjacent<TPair>(string text) where TPair : struct, IAdjacentPair
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (TPair.Matches(text[i - 1], text[i]))
            {
                return true;
            }
        }
        return false;
    }

    private interface IAdjacentPair
    {
        static abstract bool Matches(char previous, char current);
    }

    private readonly struct RunOfSpaces : IAdjacentPair
    {
        public static bool Matches(char previous, char current) => char.IsWhiteSpace(current) && char.IsWhiteSpace(previous);
    }

    private readonly struct SpaceBeforePunctuationMark : IAdjacentPair
    {
        public static bool Matches(char previous, char current) => current is '.' or ',' or ';' or ':' or '!' or '?' && char.IsWhiteSpace(previous);
    }

    private readonly struct DigitBeforeCapital : IAdjacentPair
    {
        public static bool Matches(char previous, char current) => char.IsUpper(current) && char.IsDigit(previous);
    }

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWord = !char.IsWhiteSpace(c);
            if (isWord && !inWord)
            {
                count++;
            }
            inWord = isWord;
        }
        return count;
    }

    /// <summary>Letters and digits only, lower case: two lines that differ only in spacing or punctuation share a key.</summary>
    public static string Key(string text)
    {
        // Every line and every body is keyed: ASCII is lower-cased without the culture tables.
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                buffer[length++] = (char)(c | 0x20);
            }
            else if (c >= '\u0080' && char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..length]);
    }

    private sealed class State
    {
        public string? Title;
        public PublishedDate? Published;
        public string? Source;
        public string? Publisher;
        public string? Url;
        public readonly List<string> Paragraphs = [];
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"^by\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|and|&|,|de|van|von|al|bin))*\s*(?:[,|•·].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"\s[/|>»›]\s|^[\p{Lu}\s]+\s?/\s?[\p{Lu}\s]+$")]
    private static partial Regex LabelSeparator();

    [GeneratedRegex(@"^(?:references|see also|external links|further reading|notes|footnotes|bibliography|sources|citations|notes and references|works cited|related|related (?:articles|stories|posts|content|coverage|news|topics|links|reading)|more|more (?:stories|news|articles)|more (?:from|on|in|about) .{1,40}|read more|read next|also read|read also|don'?t miss|do not miss|recommended|recommended (?:for you|stories|articles|reading)|you (?:may|might) also like|you (?:may|might) be interested in|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|popular(?: now| stories)?|latest(?: news| stories| articles)?|top stories|comments|\d+ comments|leave a (?:comment|reply)|tags|topics|what to read next|editor'?s picks)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex FooterHeading();

    [GeneratedRegex(@"^(?:this|the)\s+(?:story|article|post|piece|report)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published|ran)\s+(?:on|in|at|by)\s+(?<site>[\w.-]+(?:\s[\w.-]+){0,3}?)(?:\s*[,.;:]?\s*(?:read|view|see)\b.*|\s*\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Syndication();

    [GeneratedRegex(@"^this article uses material from the wikipedia article\s+[""“]?(?<article>[^""”]+?)[""”]?\s*(?:,|\.|and\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WikipediaLicence();

    [GeneratedRegex(@"^(?:[\d\s,.|…·•<>«»-]+|page \d+ of \d+|(?:«\s*)?(?:previous|prev|older)(?:\s+(?:posts?|page))?\s*(?:\|\s*)?(?:next|newer)(?:\s+(?:posts?|page))?(?:\s*»)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pagination();

    [GeneratedRegex(@"\bdonat(?:e|es|ing|ion|ions)\b|\bsupport (?:us|our (?:work|journalism|newsroom)|fearless|independent)\b|\bour readers support us\b|\bsubscribe (?:to|now|today)\b|\bsign up (?:for|to)\b|\bnewsletter\b|\bbecome a (?:member|subscriber|patron|supporter)\b|\bindependent journalism\b|\bnot owned by\b|\bhelp us (?:to )?(?:continue|keep|stay|grow)\b|\bwe accept support\b|\bmake a contribution\b|\bpaywall\b|\bunlimited access\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppealPhrase();

    [GeneratedRegex(@"^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b.*|(?:written|compiled|edited|produced)\s+by\b.*|with\s+(?:files|reporting|input)\s+from\b.*|.{2,60}?\s+contributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article|reporting)(?:\s+(?:for|from)\s+(?<outlet>.+?))?\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Contributor();

    [GeneratedRegex(@"^\s*\d{1,3}\.\s+.*(?:\bRetrieved\b|\bdoi:|\bISBN\b|\bISSN\b|\bArchived from\b|\bpp?\.\s*\d)")]
    private static partial Regex ReferenceItem();

    [GeneratedRegex(@"\[(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[a-z]|citation needed|clarification needed|verification needed|better source needed|dubious(?: – discuss)?|when\?|who\?|which\?|where\?|by whom\?|according to whom\?|page needed|full citation needed|original research\??|not in citation given|failed verification|update|(?:note|nb|n) \d+)\]", RegexOptions.IgnoreCase)]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"\s*(?:Read|Continue reading)\s+(?:the\s+)?(?:full|more|whole|entire|complete)?\s*(?:article|story|report)?\s*(?:at|on)\s+(?<site>[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})\.?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Teaser();

    [GeneratedRegex(@"\s*[(\[|]?\s*(?:Photo|Photograph|Photos|Image|Picture|Pic|Credit|Photo credit|Image credit|File photo|Source)\s*:\s*[^.:()\[\]]{1,60}[)\]]?\s*$")]
    private static partial Regex CaptionCredit();

    [GeneratedRegex(@"(?<=\b\d{4})(?=\p{Lu}\p{Ll})")]
    private static partial Regex GluedYear();

    [GeneratedRegex(@"(?<=\])(?=\p{L})")]
    private static partial Regex GluedBracket();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
