using Bots.Text;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// Cuts an article into retrieval passages of a few whole sentences (about 60–120 words). A passage
/// ends at a paragraph break once it is big enough, so passages follow the writer's units; a
/// heading is carried into the passage it introduces; a tiny tail joins the passage before it.
/// </summary>
public static class PassageBuilder
{
    public const int MinWords = 60;
    public const int MaxWords = 120;
    private const int TailWords = 25;
    private const int HeadingWords = 8;

    public static IReadOnlyList<string> Build(IReadOnlyList<string> paragraphs)
    {
        var passages = new List<(string Text, int Words)>();
        var current = new List<string>();
        var currentWords = 0;
        var sentenceJoin = new List<string>();
        string? heading = null;

        void Flush()
        {
            if (sentenceJoin.Count > 0)
            {
                current.Add(string.Join(' ', sentenceJoin));
                sentenceJoin.Clear();
            }
            if (current.Count > 0)
            {
                passages.Add((string.Join('\n', current), currentWords));
                current.Clear();
                currentWords = 0;
            }
        }

        foreach (var paragraph in paragraphs)
        {
            var paragraphWords = TextCleaner.WordCount(paragraph);
            if (paragraphWords <= HeadingWords && !EndsSentence(paragraph))
            {
                heading = heading is null ? paragraph : $"{heading}\n{paragraph}";
                continue;
            }
            if (currentWords >= MinWords || (currentWords > 0 && currentWords + paragraphWords > MaxWords && paragraphWords >= MinWords) || heading is not null)
            {
                Flush();
            }
            else if (sentenceJoin.Count > 0)
            {
                current.Add(string.Join(' ', sentenceJoin));
                sentenceJoin.Clear();
            }
            if (heading is not null)
            {
                current.Add(heading);
                currentWords += TextCleaner.WordCount(heading);
                heading = null;
            }
            foreach (var sentence in SentenceSplitter.Split(paragraph))
            {
                var text = sentence.Text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                var words = TextCleaner.WordCount(text);
                if (currentWords > 0 && currentWords + words > MaxWords && currentWords >= TailWords)
                {
                    Flush();
                }
                sentenceJoin.Add(text);
                currentWords += words;
            }
        }
        Flush();
        if (heading is not null)
        {
            passages.Add((heading, TextCleaner.WordCount(heading)));
        }
        MergeShortTail(passages);
        return passages.Select(p => p.Text).ToList();
    }

    private static void MergeShortTail(List<(string Text, int Words)> passages)
    {
        if (passages.Count < 2)
        {
            return;
        }
        var last = passages[^1];
        var previous = passages[^2];
        if (last.Words < TailWords && previous.Words + last.Words <= MaxWords + TailWords)
        {
            passages[^2] = ($"{previous.Text}\n{last.Text}", previous.Words + last.Words);
            passages.RemoveAt(passages.Count - 1);
        }
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd('"', '\'', '”', '’', ')', ' ');
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?');
    }
}
