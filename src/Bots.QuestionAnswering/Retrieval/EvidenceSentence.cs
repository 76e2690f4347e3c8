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
    private IReadOnlyList<Extraction.NounPhrase>? phrases;

    public required RetrievedPassage Passage { get; init; }

    /// <summary>Position of the passage in the merged retrieval ranking (0 = best).</summary>
    public required int PassageRank { get; init; }

    /// <summary>Position of the sentence in its passage.</summary>
    public required int IndexInPassage { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<SentenceWord> Words { get; init; }

    public required IReadOnlyList<DateMention> Dates { get; init; }

    public required IReadOnlyList<EntityMention> Entities { get; init; }

    public required IReadOnlyList<QuantityMention> Quantities { get; init; }

    /// <summary>Weighted share of the question's words found here (0..1).</summary>
    public double Coverage { get; set; }

    /// <summary>Weighted share of the question's non-name words found here (1 when it has none).</summary>
    public double EventCoverage { get; set; }

    /// <summary>Word positions that matched the question, with their weights.</summary>
    public List<(int WordIndex, double Weight)> Matches { get; } = [];

    public int NamesInSentence { get; set; }

    /// <summary>Question names found only in the sentence before (the discourse this sentence continues).</summary>
    public int NamesInContext { get; set; }

    /// <summary>The sentence before this one in the article, when it was retrieved.</summary>
    public EvidenceSentence? Previous { get; set; }

    public double Score { get; set; }

    public HashSet<string> Stems => stems ??= BuildStems();

    /// <summary>The sentence's noun phrases (offsets relative to the sentence).</summary>
    public IReadOnlyList<Extraction.NounPhrase> Phrases => phrases ??= Extraction.NounPhraseChunker.Chunk(Text);

    /// <summary>The sentence after this one in the article, when it was retrieved.</summary>
    public EvidenceSentence? Next { get; set; }

    /// <summary>Credit (0..1) each question term got in this sentence alone, before the window is counted.</summary>
    public double[] TermCredits { get; set; } = [];

    /// <summary>Lower-case words, also without possessive endings and split at hyphens.</summary>
    public HashSet<string> LowerWords => lowers ??= WordSet(Words.Select(w => w.Lower));

    /// <summary>Lower-case words of any text, also without possessive endings and split at hyphens.</summary>
    public static HashSet<string> WordSet(IEnumerable<string> lowerWords)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in lowerWords)
        {
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
        var (dates, entities, quantities) = Annotate(passage);
        var index = 0;
        foreach (var sentence in SentenceSplitter.Split(passage.Text))
        {
            var start = sentence.Start;
            var end = sentence.Start + sentence.Length;
            var words = new List<SentenceWord>();
            foreach (var token in Tokenizer.Tokenize(sentence.Text))
            {
                if (token.Kind is TokenKind.Word or TokenKind.Number)
                {
                    var lower = token.Text.ToLowerInvariant();
                    words.Add(new SentenceWord(words.Count, token.Start, token.Text.Length, lower, Lexicon.StemOf(lower)));
                }
            }

            yield return new EvidenceSentence
            {
                Passage = passage,
                PassageRank = rank,
                IndexInPassage = index++,
                Text = sentence.Text,
                Words = words,
                Dates = dates.Where(d => d.Start >= start && d.End <= end).Select(d => d with { Start = d.Start - start }).ToList(),
                Entities = entities.Where(e => e.Start >= start && e.End <= end).Select(e => e with { Start = e.Start - start }).ToList(),
                Quantities = quantities.Where(q => q.Start >= start && q.End <= end).Select(q => q with { Start = q.Start - start }).ToList(),
            };
        }
    }

    // Stored passages do not change, and popular ones are retrieved again and again: analyse each once.
    private const int MaxCachedPassages = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(long, int, string, string), (IReadOnlyList<DateMention>, IReadOnlyList<EntityMention>, IReadOnlyList<QuantityMention>)> Annotations = new();

    private static (IReadOnlyList<DateMention> Dates, IReadOnlyList<EntityMention> Entities, IReadOnlyList<QuantityMention> Quantities) Annotate(RetrievedPassage passage)
    {
        var key = (passage.ArticleId, passage.PassageIndex, passage.Published, passage.Text);
        if (Annotations.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var annotated = ((IReadOnlyList<DateMention>)DateExtractor.Extract(passage.Text, DateExtractor.ParseReference(passage.Published)),
            EntityRecognizer.Recognize(passage.Text),
            QuantityExtractor.Extract(passage.Text));
        if (Annotations.Count >= MaxCachedPassages)
        {
            Annotations.Clear();
        }

        Annotations[key] = annotated;
        return annotated;
    }

    private HashSet<string> BuildStems()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words)
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
