using System.Text;
using Bots.Chat.Commands;

namespace Bots.Chat.Telegram;

/// <summary>Renders a reply as Telegram HTML messages (parse_mode HTML): the answer in bold, the evidence,
/// then the sources as links with their dates. Long replies become several messages, split where a
/// line or sentence ends, never inside a tag or an entity.</summary>
public static class TelegramHtmlRenderer
{
    /// <summary>Telegram's limit for one message's text.</summary>
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Render(ChatReply reply, int maxLength = MaxMessageLength)
    {
        var sections = new List<List<Unit>>();
        if (!string.IsNullOrWhiteSpace(reply.Headline))
        {
            sections.Add([new Unit("", reply.Headline, "b", "")]);
        }

        if (!string.IsNullOrWhiteSpace(reply.Evidence))
        {
            sections.Add([new Unit("", $"“{reply.Evidence}”", "i", "")]);
        }

        if (reply.Lines.Count > 0)
        {
            sections.Add(reply.Lines.Select(line => new Unit(
                line.Label is null ? "" : $"<b>{Escape(line.Label)}</b> — ",
                line.Text,
                null,
                line.Source is { } n ? $" [{n}]" : "")).ToList());
        }

        if (reply.Sources.Count > 0)
        {
            var units = new List<Unit> { new("", reply.Sources.Count == 1 ? "Source" : "Sources", "b", "") };
            units.AddRange(reply.Sources.Select((s, i) => new Unit($"{i + 1}. {SourceLink(s)}", "", null, "")));
            sections.Add(units);
        }

        return Pack(sections, maxLength);
    }

    /// <summary>Escapes text for Telegram HTML: only &lt; &gt; &amp; &quot; are named entities there.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string SourceLink(ReplySource source)
    {
        var title = string.IsNullOrWhiteSpace(source.Title) ? source.Url : source.Title.Trim();
        title = ReplyFormat.Truncate(title, 300);
        var link = WebUrl(source.Url) is { } url
            ? $"<a href=\"{Escape(url)}\">{Escape(title)}</a>"
            : Escape(title);
        var details = string.Join(", ", new[] { source.Publisher.Trim(), ReplyFormat.Date(source.Published) }.Where(d => d.Length > 0));
        return details.Length == 0 ? link : $"{link} — {Escape(details)}";
    }

    // Only web links, and not absurdly long ones: a link must fit in one message with room to spare.
    private static string? WebUrl(string url) =>
        url.Length <= 512 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsoluteUri
            : null;

    private static List<string> Pack(List<List<Unit>> sections, int maxLength)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var (section, sectionIndex) in sections.Select((s, i) => (s, i)))
        {
            foreach (var (unit, unitIndex) in section.Select((u, i) => (u, i)))
            {
                var separator = current.Length == 0 ? "" : unitIndex == 0 && sectionIndex > 0 ? "\n\n" : "\n";
                foreach (var piece in unit.Render(maxLength))
                {
                    if (current.Length > 0 && current.Length + separator.Length + piece.Length > maxLength)
                    {
                        messages.Add(current.ToString());
                        current.Clear();
                        separator = "";
                    }

                    current.Append(separator).Append(piece);
                    separator = " ";
                }
            }
        }

        if (current.Length > 0)
        {
            messages.Add(current.ToString());
        }

        return messages;
    }

    /// <summary>One line: HTML prefix, plain body (escaped, optionally wrapped in a tag), HTML suffix.</summary>
    private sealed record Unit(string Prefix, string Body, string? Tag, string Suffix)
    {
        public IEnumerable<string> Render(int maxLength)
        {
            var whole = Prefix + Wrap(Body) + Suffix;
            if (whole.Length <= maxLength)
            {
                yield return whole;
                yield break;
            }

            // Too long for one message: one piece per run of sentences, each piece balanced HTML.
            var budget = maxLength - Prefix.Length - Suffix.Length - (Tag is null ? 0 : (Tag.Length * 2) + 5);
            var pieces = Chunk(ReplyFormat.Sentences(Body), Math.Max(budget, 64)).ToList();
            for (var i = 0; i < pieces.Count; i++)
            {
                yield return (i == 0 ? Prefix : "") + Wrap(pieces[i]) + (i == pieces.Count - 1 ? Suffix : "");
            }
        }

        private string Wrap(string text) => Tag is null ? Escape(text) : $"<{Tag}>{Escape(text)}</{Tag}>";

        // Sentences packed up to the budget as escaped text; a sentence longer than that is cut at words.
        private static IEnumerable<string> Chunk(IReadOnlyList<string> sentences, int budget)
        {
            var current = "";
            foreach (var sentence in sentences.SelectMany(s => Escape(s).Length <= budget ? [s] : HardSplit(s, budget)))
            {
                var next = current.Length == 0 ? sentence : current + " " + sentence;
                if (Escape(next).Length > budget && current.Length > 0)
                {
                    yield return current;
                    next = sentence;
                }

                current = next;
            }

            if (current.Length > 0)
            {
                yield return current;
            }
        }

        private static IEnumerable<string> HardSplit(string sentence, int budget)
        {
            // Escaping at most sextuples a character (" → &quot;), so this many raw characters always fit.
            var step = Math.Max(1, budget / 6);
            var rest = sentence;
            while (rest.Length > 0)
            {
                var take = Math.Min(step, rest.Length);
                if (take < rest.Length)
                {
                    var space = rest.LastIndexOf(' ', take - 1, take);
                    take = space > take / 2 ? space : take;
                    if (char.IsHighSurrogate(rest[take - 1]))
                    {
                        take--;
                    }
                }

                yield return rest[..take].Trim();
                rest = rest[take..].TrimStart();
            }
        }
    }
}
