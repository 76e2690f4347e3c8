using Bots.Chat.Commands;
using Bots.Chat.Telegram;

namespace Bots.Chat.Tests.Telegram;

public class TelegramHtmlRendererTests
{
    [Theory]
    [InlineData("a < b", "a &lt; b")]
    [InlineData("x > y & z", "x &gt; y &amp; z")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    [InlineData("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;")]
    [InlineData("it's fine", "it's fine")]
    public void Escape_EscapesTheCharactersTelegramHtmlNeeds(string text, string expected) =>
        Assert.Equal(expected, TelegramHtmlRenderer.Escape(text));

    [Fact]
    public void Render_Answer_BoldAnswerEvidenceAndLinkedSourceWithDate()
    {
        var reply = new ChatReply
        {
            Kind = ReplyKind.Answer,
            Headline = "12–14 August <2024>",
            Evidence = "Abbas & Putin met.",
            Sources = [new ReplySource("Abbas \"in\" Moscow", "https://example.com/a?x=1&y=2", "Global Times", "2024-08-13")],
        };

        var message = Assert.Single(TelegramHtmlRenderer.Render(reply));

        Assert.StartsWith("<b>12–14 August &lt;2024&gt;</b>", message);
        Assert.Contains("<i>“Abbas &amp; Putin met.”</i>", message);
        Assert.Contains("<a href=\"https://example.com/a?x=1&amp;y=2\">Abbas &quot;in&quot; Moscow</a> — Global Times, 13 Aug 2024", message);
    }

    [Fact]
    public void Render_SourceWithoutWebUrl_IsNotALink()
    {
        var reply = new ChatReply { Kind = ReplyKind.Answer, Headline = "x", Sources = [new ReplySource("T", "javascript:alert(1)", "P", "")] };

        var message = Assert.Single(TelegramHtmlRenderer.Render(reply));

        Assert.DoesNotContain("<a ", message);
        Assert.Contains("1. T — P", message);
    }

    [Fact]
    public void Render_LongReply_SplitsAtSentenceBoundariesWithinTheLimit()
    {
        var sentences = Enumerable.Range(1, 300).Select(i => $"Sentence {i} says something & more.").ToList();
        var reply = new ChatReply { Kind = ReplyKind.Summary, Headline = "Summary", Lines = [new ReplyLine(string.Join(" ", sentences), 1)] };

        var messages = TelegramHtmlRenderer.Render(reply, maxLength: 1000);

        Assert.True(messages.Count > 5);
        Assert.All(messages, m => Assert.True(m.Length <= 1000, $"{m.Length} characters"));
        Assert.All(messages, m => Assert.Matches(@"(\.|\[1\])$", m));
        var all = string.Join(" ", messages);
        Assert.All(sentences, s => Assert.Contains(TelegramHtmlRenderer.Escape(s), all));
    }

    [Fact]
    public void Render_ManyLines_PacksWholeLinesPerMessage()
    {
        var lines = Enumerable.Range(1, 200).Select(i => new ReplyLine($"Event {i} happened.", 1, "1 Aug 2024")).ToList();
        var reply = new ChatReply { Kind = ReplyKind.Timeline, Headline = "Timeline", Lines = lines };

        var messages = TelegramHtmlRenderer.Render(reply);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= TelegramHtmlRenderer.MaxMessageLength));
        Assert.Equal(200, messages.Sum(m => m.Split('\n').Count(l => l.Contains("happened.", StringComparison.Ordinal))));
    }

    [Fact]
    public void Render_OneGiantSentence_IsCutAtWords()
    {
        var giant = string.Join(' ', Enumerable.Repeat("<word>", 2000));
        var reply = new ChatReply { Kind = ReplyKind.Text, Lines = [new ReplyLine(giant)] };

        var messages = TelegramHtmlRenderer.Render(reply);

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m => Assert.True(m.Length <= TelegramHtmlRenderer.MaxMessageLength));
        Assert.All(messages, m => Assert.DoesNotContain("&lt;wo ", m));
    }
}
