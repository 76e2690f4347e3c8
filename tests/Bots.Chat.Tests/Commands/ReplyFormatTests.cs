using Bots.Chat.Commands;

namespace Bots.Chat.Tests.Commands;

public class ReplyFormatTests
{
    [Theory]
    [InlineData("2024-08-13", "13 Aug 2024")]
    [InlineData("2024-08-13T09:30:00Z", "13 Aug 2024")]
    [InlineData("2024-08-13T23:30:00+00:00", "13 Aug 2024")]
    [InlineData("2024-08", "Aug 2024")]
    [InlineData("2024", "2024")]
    [InlineData("", "")]
    [InlineData("last Tuesday", "last Tuesday")]
    public void Date_IsReadable(string stored, string expected) => Assert.Equal(expected, ReplyFormat.Date(stored));

    [Fact]
    public void Truncate_CutsAfterASentence()
    {
        var text = "First sentence here. Second sentence is longer than the rest. Third.";

        Assert.Equal("First sentence here.", ReplyFormat.Truncate(text, 40));
    }

    [Fact]
    public void Truncate_WithoutSentenceEnd_CutsAtAWordWithEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 50));

        var cut = ReplyFormat.Truncate(text, 30);

        Assert.True(cut.Length <= 30);
        Assert.EndsWith("word…", cut);
    }

    [Fact]
    public void Truncate_ShortText_IsUnchanged() => Assert.Equal("Short.", ReplyFormat.Truncate("Short.", 100));
}
