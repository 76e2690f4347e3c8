using System.Text;
using Bots.Chat.Commands;

namespace Bots.Chat.Discord;

/// <summary>Renders a reply as a Discord message: an embed with the short answer as title, the evidence and
/// lines as description, sources as linked fields with dates; errors as ephemeral text. Stays within
/// every Discord length limit.</summary>
public static class DiscordEmbedRenderer
{
    public const int MaxContent = 2000;
    public const int MaxTitle = 256;
    public const int MaxDescription = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxFooter = 2048;
    public const int MaxEmbedTotal = 6000;
    public const int MaxChoiceLength = 100;
    public const int MaxChoices = 25;

    private const int AnswerColor = 0x2E7D32;
    private const int InfoColor = 0x1565C0;
    private const int DeclinedColor = 0xF9A825;

    public static MessagePayload Render(ChatReply reply)
    {
        if (reply.IsError)
        {
            var text = string.Join("\n", reply.Lines.Select(l => l.Text));
            return new MessagePayload
            {
                Content = ReplyFormat.Truncate(Escape(text), MaxContent),
                Flags = MessageFlags.Ephemeral,
                AllowedMentions = new AllowedMentions(),
            };
        }

        var embed = new Embed
        {
            Title = string.IsNullOrWhiteSpace(reply.Headline) ? null : ReplyFormat.Truncate(reply.Headline, MaxTitle),
            Color = reply.Kind switch
            {
                ReplyKind.Answer => AnswerColor,
                ReplyKind.Declined => DeclinedColor,
                _ => InfoColor,
            },
        };

        var fields = reply.Sources.Take(MaxFields).Select((s, i) => SourceField(s, i + 1)).ToList();
        var used = (embed.Title?.Length ?? 0) + fields.Sum(f => f.Name.Length + f.Value.Length);
        while (used > MaxEmbedTotal - 500 && fields.Count > 0)
        {
            used -= fields[^1].Name.Length + fields[^1].Value.Length;
            fields.RemoveAt(fields.Count - 1);
        }

        var description = Description(reply, Math.Min(MaxDescription, MaxEmbedTotal - used));
        embed.Description = description.Length == 0 ? null : description;
        embed.Fields = fields.Count == 0 ? null : fields;
        if (embed.Title is null && embed.Description is null && embed.Fields is null)
        {
            embed.Description = "(nothing to show)";
        }

        return new MessagePayload { Embeds = [embed], AllowedMentions = new AllowedMentions() };
    }

    /// <summary>Autocomplete choices within Discord's limits (≤ 25, name and value ≤ 100 characters).</summary>
    public static AutocompleteResult Choices(IEnumerable<string> suggestions) => new()
    {
        Choices = suggestions
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Select(s => ReplyFormat.Truncate(s, MaxChoiceLength))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxChoices)
            .Select(s => new CommandChoice { Name = s, Value = s })
            .ToList(),
    };

    /// <summary>Backslash-escapes Discord markdown so article text shows as written.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '<' or '[' or ']' or '(' or ')' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Description(ChatReply reply, int max)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.Evidence))
        {
            lines.Add($"> “{Escape(reply.Evidence)}”");
        }

        foreach (var line in reply.Lines)
        {
            var label = line.Label is null ? "" : $"**{Escape(line.Label)}** — ";
            var source = line.Source is { } n ? $" [{n}]" : "";
            lines.Add($"{label}{Escape(line.Text)}{source}");
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var separator = text.Length == 0 ? "" : "\n";
            if (text.Length + separator.Length + line.Length > max)
            {
                // Whatever part of this line still fits, cut where a sentence ends, then stop.
                var room = max - text.Length - separator.Length;
                if (room > 40)
                {
                    text.Append(separator).Append(ReplyFormat.Truncate(line, room));
                }

                break;
            }

            text.Append(separator).Append(line);
        }

        return text.ToString();
    }

    private static EmbedField SourceField(ReplySource source, int number)
    {
        var details = string.Join(" · ", new[] { source.Publisher.Trim(), ReplyFormat.Date(source.Published) }.Where(d => d.Length > 0));
        var name = details.Length == 0 ? $"[{number}]" : $"[{number}] {details}";
        var title = Escape(ReplyFormat.Truncate(string.IsNullOrWhiteSpace(source.Title) ? "(untitled)" : source.Title.Trim(), 300));
        var value = WebUrl(source.Url) is { } url && title.Length + url.Length + 4 <= MaxFieldValue
            ? $"[{title}]({url})"
            : ReplyFormat.Truncate(title, MaxFieldValue);
        return new EmbedField { Name = ReplyFormat.Truncate(name, MaxFieldName), Value = value };
    }

    // Parentheses would end the markdown link early; AbsoluteUri leaves them, so encode them.
    private static string? WebUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            : null;
}
