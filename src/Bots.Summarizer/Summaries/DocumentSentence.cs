using Bots.Text;

namespace Bots.Summarizer.Summaries;

/// <summary>A sentence of a document prepared for ranking: its position, words and index terms.</summary>
public sealed class DocumentSentence
{
    private DocumentSentence(string text, int index, int paragraph, int indexInParagraph, IReadOnlyList<string> words, IReadOnlyList<string> terms)
    {
        ContentWords = words.Where(w => !StopWords.Contains(w)).ToList();
        Text = text;
        Index = index;
        Paragraph = paragraph;
        IndexInParagraph = indexInParagraph;
        Words = words;
        Terms = terms;
    }

    public string Text { get; }

    /// <summary>Position among the document's sentences, from 0.</summary>
    public int Index { get; }

    public int Paragraph { get; }

    public int IndexInParagraph { get; }

    /// <summary>Lower-cased words and numbers.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Lower-cased words and numbers without stop words, unstemmed.</summary>
    public IReadOnlyList<string> ContentWords { get; }

    /// <summary>Stemmed content terms.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>
    /// The sentences of a body text. Lines are paragraphs (a blank line or a line break separates them in
    /// scraped and stored text alike); a text where every line is a single sentence and blank lines
    /// separate groups (as in the BBC corpus) has those groups as paragraphs.
    /// </summary>
    /// <param name="body">The text.</param>
    /// <param name="title">When the text opens with its own title (as scraped pages do), that line is left out.</param>
    public static IReadOnlyList<DocumentSentence> Split(string body, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var normalized = TextNormalizer.Normalize(body);
        var sentences = SentenceSplitter.Split(normalized).ToList();
        if (sentences.Count > 1 && !string.IsNullOrWhiteSpace(title) && SameLine(sentences[0].Text, title))
        {
            sentences.RemoveAt(0);
        }
        var blankLineParagraphs = normalized.Contains("\n\n", StringComparison.Ordinal);
        var result = new List<DocumentSentence>(sentences.Count);
        var paragraph = 0;
        var inParagraph = 0;
        var previousEnd = 0;
        foreach (var sentence in sentences)
        {
            if (result.Count > 0)
            {
                var gap = normalized.AsSpan(previousEnd, sentence.Start - previousEnd);
                var newlines = gap.Count('\n');
                var newParagraph = blankLineParagraphs ? newlines >= 2 : newlines >= 1;
                if (newParagraph)
                {
                    paragraph++;
                    inParagraph = 0;
                }
                else
                {
                    inParagraph++;
                }
            }
            var words = Tokenizer.Words(sentence.Text);
            result.Add(new DocumentSentence(sentence.Text, result.Count, paragraph, inParagraph, words, Bots.Text.Terms.OfWords(words)));
            previousEnd = sentence.Start + sentence.Length;
        }
        return result;
    }

    private static bool SameLine(string sentence, string title) =>
        string.Equals(sentence.TrimEnd('.', ' '), TextNormalizer.Normalize(title).TrimEnd('.', ' '), StringComparison.OrdinalIgnoreCase);
}
