using Bots.QuestionAnswering.Analysis;
using Bots.Text;
using Bots.Text.Dates;
using Bots.Text.Entities;
using Bots.Text.Quantities;

namespace Bots.QuestionAnswering.Retrieval;

/// <summary>A word of an evidence sentence with the stems it can match.</summary>
internal readonly record struct SentenceWord(int Index, int Start, int Length, string Lower, string Stem);

/// <summary>
/// One sentence of a retrieved passage, with the dates, names and quantities found in it (offsets relative to the
/// sentence) and, once ranked, how well it matches the question.
/// </summary>
internal sealed class EvidenceSentence
{
    private HashSet<string>? stems;
    private HashSet<string>? lowers;
    private IReadOnlyList<DateMention>? dates;
    private IReadOnlyList<EntityMention>? entities;
    private IReadOnlyList<QuantityMention>? quantities;
    private IReadOnlyList<Extraction.NounPhrase>? phrases;

    public required RetrievedPassage Passage { get; init; }

    /// <summary>Position of the passage in the merged retrieval ranking (0 = best).</summary>
    public required int PassageRank { get; init; }

    /// <summary>Position of the sentence in its passage.</summary>
    public required int IndexInPassage { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<SentenceWord> Words { get; init; }

    /// <summary>Where the sentence starts in its passage.</summary>
    public required int StartInPassage { get; init; }

    /// <summary>What the passage's analysers found; each runs once per passage, and only when a sentence asks.</summary>
    internal required PassageAnnotations Annotations { get; init; }

    public IReadOnlyList<DateMention> Dates => dates ??= Annotations.Dates.Where(Inside).Select(d => d with { Start = d.Start - StartInPassage }).ToList();

    public IReadOnlyList<EntityMention> Entities => entities ??= Annotations.Entities.Where(Inside).Select(e => e with { Start = e.Start - StartInPassage }).ToList();

    public IReadOnlyList<QuantityMention> Quantities => quantities ??= Annotations.Quantities.Where(Inside).Select(q => q with { Start = q.Start - StartInPassage }).ToList();

    /// <summary>Weighted share of the question's words found here (0..1).</summary>
    public double Coverage { get; set; }

    /// <summary>Weighted share of the question's non-name words found here (1 when it has none).</summary>
    public double EventCoverage { get; set; }

    /// <summary>Word positions that matched the question, with their weights.</summary>
    public List<(int WordIndex, double Weight)> Matches { get; } = [];

    public int NamesInSentence { get; set; }

    /// <summary>Question names found only in the sentence before (the discourse this sentence continues).</summary>
    public int NamesInContext { get; set; }

    /// <summary>Question places found neither here nor in the sentence before, only elsewhere in the passage.</summary>
    public int PlacesOnlyInPassage { get; set; }

    /// <summary>The sentence before this one in the article, when it was retrieved.</summary>
    public EvidenceSentence? Previous { get; set; }

    public double Score { get; set; }

    public HashSet<string> Stems => Shape?.Stems ?? (stems ??= BuildStems(Words));

    /// <summary>Stems of the words that are not stop words, in sentence order.</summary>
    public string[] ContentStems => Shape?.ContentStems ?? BuildContentStems(Words);

    /// <summary>The sentence's noun phrases (offsets relative to the sentence).</summary>
    public IReadOnlyList<Extraction.NounPhrase> Phrases => phrases ??= Extraction.NounPhraseChunker.Chunk(Text);

    /// <summary>The sentence after this one in the article, when it was retrieved.</summary>
    public EvidenceSentence? Next { get; set; }

    /// <summary>Credit (0..1) each question term got in this sentence alone, before the window is counted.</summary>
    public double[] TermCredits { get; set; } = [];

    /// <summary>Lower-case words, also without possessive endings and split at hyphens.</summary>
    public HashSet<string> LowerWords => Shape?.LowerWords ?? (lowers ??= WordSet(Words.Select(w => w.Lower)));

    /// <summary>The question-independent part of the sentence, shared by every ask that retrieves its passage.</summary>
    internal SentenceShape? Shape { get; init; }

    /// <summary>Lower-case words of any text, also without possessive endings and split at hyphens.</summary>
    public static HashSet<string> WordSet(IEnumerable<string> lowerWords)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var letters = string.Empty;
        foreach (var word in lowerWords)
        {
            // "B.S." is written "BS" too: the letters of a dotted abbreviation, which come as one-letter words, also make one word.
            letters = word.Length == 1 && char.IsLetter(word[0]) ? letters + word : string.Empty;
            if (letters.Length >= 2)
            {
                set.Add(letters);
            }

            set.Add(word);
            var bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'', '’');
            set.Add(bare);
            if (bare.Contains('-', StringComparison.Ordinal))
            {
                set.UnionWith(bare.Split('-', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return set;
    }

    /// <summary>Index of the first word at or after a character offset in the sentence.</summary>
    public int WordIndexAt(int charOffset)
    {
        for (var i = 0; i < Words.Count; i++)
        {
            if (Words[i].Start + Words[i].Length > charOffset)
            {
                return i;
            }
        }

        return Words.Count;
    }

    /// <summary>Splits a passage into annotated sentences; dates resolve against the article's publication date.</summary>
    public static IEnumerable<EvidenceSentence> FromPassage(RetrievedPassage passage, int rank)
    {
        var annotations = Annotate(passage);
        var index = 0;
        foreach (var shape in annotations.Sentences)
        {
            yield return new EvidenceSentence
            {
                Passage = passage,
                PassageRank = rank,
                IndexInPassage = index++,
                Text = shape.Text,
                Words = shape.Words,
                StartInPassage = shape.Start,
                Annotations = annotations,
                Shape = shape,
            };
        }
    }

    /// <summary>Sentences of a passage with their words and stems: the same for every question, so made once.</summary>
    internal static IReadOnlyList<SentenceShape> Shapes(string text)
    {
        var shapes = new List<SentenceShape>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var words = new List<SentenceWord>();
            foreach (var token in Tokenizer.Tokenize(sentence.Text))
            {
                if (token.Kind is TokenKind.Word or TokenKind.Number)
                {
                    var lower = token.Text.ToLowerInvariant();
                    words.Add(new SentenceWord(words.Count, token.Start, token.Text.Length, lower, Lexicon.StemOf(lower)));
                }
            }

            shapes.Add(new SentenceShape(sentence.Text, sentence.Start, words));
        }

        return shapes;
    }

    // Stored passages do not change, and popular ones are retrieved again and again: analyse each once. Keyed by the
    // passage's place in the store; a hit is used only while its text, title and date are still the same. Analysed text
    // takes about a hundred times its characters in memory, so the cache holds as much text as a quarter of the memory
    // the process may use allows (a container's limit included), at most 8M characters, and starts over when full.
    // A 1M-character cap was tried against the garbage collector's cost under `bots bench load` with DATAS on; with
    // DATAS off (Directory.Build.props) the re-annotation it forced made `bots bench qa` cost 3.47 ms CPU per ask
    // against 2.18 ms at 8M (p99 89 ms against 36 ms at concurrency 8).
    private const int BytesPerCachedChar = 100;
    private static readonly long MaxCachedChars = Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / BytesPerCachedChar, 200_000, 8_000_000);
    private static readonly BoundedCache<(long, int), PassageAnnotations> AnnotationCache = new(MaxCachedChars);

    /// <summary>The (cached) annotations of a passage; nothing is analysed until a sentence asks.</summary>
    internal static PassageAnnotations Annotate(RetrievedPassage passage)
    {
        var key = (passage.ArticleId, passage.PassageIndex);
        if (AnnotationCache.TryGetValue(key, out var cached) && cached.Describes(passage))
        {
            return cached;
        }

        var annotations = new PassageAnnotations(passage.Title, passage.Text, passage.Published);
        AnnotationCache.Set(key, annotations, weight: passage.Text.Length + passage.Title.Length);
        return annotations;
    }

    private bool Inside(DateMention d) => d.Start >= StartInPassage && d.End <= StartInPassage + Text.Length;

    private bool Inside(EntityMention e) => e.Start >= StartInPassage && e.End <= StartInPassage + Text.Length;

    private bool Inside(QuantityMention q) => q.Start >= StartInPassage && q.End <= StartInPassage + Text.Length;

    internal static string[] BuildContentStems(IReadOnlyList<SentenceWord> words) =>
        words.Where(w => !StopWords.Contains(w.Lower)).Select(w => w.Stem).ToArray();

    internal static HashSet<string> BuildStems(IReadOnlyList<SentenceWord> words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            set.Add(word.Stem);
            if (word.Lower.Contains('-', StringComparison.Ordinal))
            {
                foreach (var part in word.Lower.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    set.Add(Lexicon.StemOf(part));
                }
            }
        }

        return set;
    }
}

/// <summary>
/// Dates, names and amounts of one passage, each found on first use: most retrieved passages are ranked and dropped
/// without ever being looked at for an answer.
/// </summary>
internal sealed class PassageAnnotations(string title, string text, string published)
{
    // Shared by concurrent asks and pure: a value computed twice in a race is the same value, so no lock is needed.
    private const LazyThreadSafetyMode Racing = LazyThreadSafetyMode.PublicationOnly;

    private readonly Lazy<IReadOnlyList<SentenceShape>> sentences = new(() => EvidenceSentence.Shapes(text), Racing);
    private readonly Lazy<HashSet<string>> words = new(() => EvidenceSentence.WordSet(Tokenizer.Words(title + "\n" + text)), Racing);
    private readonly Lazy<IReadOnlyList<DateMention>> dates = new(() => DateExtractor.Extract(text, DateExtractor.ParseReference(published)), Racing);
    private readonly Lazy<IReadOnlyList<EntityMention>> entities = new(() => EntityRecognizer.Recognize(text), Racing);
    private readonly Lazy<IReadOnlyList<QuantityMention>> quantities = new(() => QuantityExtractor.Extract(text), Racing);

    public IReadOnlyList<SentenceShape> Sentences => sentences.Value;

    /// <summary>Lower-case words of the title and text (with possessive-less and hyphen-split forms): what the passage mentions.</summary>
    public HashSet<string> Words => words.Value;

    public IReadOnlyList<DateMention> Dates => dates.Value;

    public IReadOnlyList<EntityMention> Entities => entities.Value;

    public IReadOnlyList<QuantityMention> Quantities => quantities.Value;

    /// <summary>Whether these are the annotations of exactly this passage text, title and date.</summary>
    public bool Describes(RetrievedPassage passage) =>
        string.Equals(text, passage.Text, StringComparison.Ordinal) && string.Equals(title, passage.Title, StringComparison.Ordinal) && string.Equals(published, passage.Published, StringComparison.Ordinal);
}

/// <summary>A sentence's text, place in its passage and words, with word and stem sets built on first use.</summary>
internal sealed class SentenceShape(string text, int start, IReadOnlyList<SentenceWord> words)
{
    private readonly Lazy<HashSet<string>> stems = new(() => EvidenceSentence.BuildStems(words), LazyThreadSafetyMode.PublicationOnly);
    private readonly Lazy<HashSet<string>> lowers = new(() => EvidenceSentence.WordSet(words.Select(w => w.Lower)), LazyThreadSafetyMode.PublicationOnly);
    private readonly Lazy<string[]> contentStems = new(() => EvidenceSentence.BuildContentStems(words), LazyThreadSafetyMode.PublicationOnly);

    public string Text { get; } = text;

    public int Start { get; } = start;

    public IReadOnlyList<SentenceWord> Words { get; } = words;

    public HashSet<string> Stems => stems.Value;

    public HashSet<string> LowerWords => lowers.Value;

    public string[] ContentStems => contentStems.Value;
}
