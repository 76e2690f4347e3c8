using Bots.Chat.Commands;

namespace Bots.Chat.Tests.Commands;

public class ChatRequestTests
{
    [Theory]
    [InlineData("/ask When?", "ask", "When?", null)]
    [InlineData("/ask@News_Bot  When?  ", "ask", "When?", "News_Bot")]
    [InlineData("/SUMMARY Gaza talks", "summary", "Gaza talks", null)]
    [InlineData("/sources", "sources", "", null)]
    [InlineData("When did Abbas visit Moscow?", "ask", "When did Abbas visit Moscow?", null)]
    public void Parse_ReadsCommandArgumentAndAddressee(string text, string command, string argument, string? addressee)
    {
        var request = ChatRequest.Parse("u", text, out var addressedTo);

        Assert.Equal(command, request.Command);
        Assert.Equal(argument, request.Argument);
        Assert.Equal(addressee, addressedTo);
    }
}
