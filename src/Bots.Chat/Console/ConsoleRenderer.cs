using System.Text;
using Bots.Chat.Commands;

namespace Bots.Chat.Console;

/// <summary>Renders a reply as plain text for a terminal.</summary>
public static class ConsoleRenderer
{
    public static string Render(ChatReply reply)
    {
        var text = new StringBuilder();
        if (reply.IsError)
        {
            text.Append("! ");
        }

        if (!string.IsNullOrWhiteSpace(reply.Headline))
        {
            text.AppendLine(reply.Headline);
        }

        if (!string.IsNullOrWhiteSpace(reply.Evidence))
        {
            text.AppendLine($"  “{reply.Evidence}”");
        }

        foreach (var line in reply.Lines)
        {
            var label = line.Label is null ? "" : $"{line.Label} — ";
            var source = line.Source is { } n ? $" [{n}]" : "";
            text.AppendLine($"{label}{line.Text}{source}");
        }

        if (reply.Sources.Count > 0)
        {
            text.AppendLine(reply.Sources.Count == 1 ? "Source:" : "Sources:");
            foreach (var (source, i) in reply.Sources.Select((s, i) => (s, i + 1)))
            {
                var details = string.Join(", ", new[] { source.Publisher, ReplyFormat.Date(source.Published), source.Url }
                    .Where(d => !string.IsNullOrWhiteSpace(d)));
                text.AppendLine(details.Length == 0 ? $"  {i}. {source.Title}" : $"  {i}. {source.Title} — {details}");
            }
        }

        return text.ToString().TrimEnd();
    }
}
