using Bots.Chat.Commands;
using Bots.Chat.Telegram;
using Bots.Chat.Tests.Support;
using TelegramChat = Bots.Chat.Telegram.Chat;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Tests.Telegram;

public class AddressingTests
{
    private readonly TelegramUpdateHandler _handler = new(
        new TelegramBotClient("1:x", new HttpClient(), "http://127.0.0.1:9"),
        new CommandHandler(
            new StandInBackends(),
            new UserRateLimiter(10, TimeProvider.System),
            new ConversationMemory(TimeProvider.System),
            Options.Create(new ChatOptions()),
            NullLogger<CommandHandler>.Instance),
        NullLogger<TelegramUpdateHandler>.Instance)
    {
        Me = new User { Id = 99, IsBot = true, Username = "news_bot" },
    };

    [Theory]
    [InlineData("/ask@news_bot When?", "ask", "When?")]
    [InlineData("/ask@NEWS_BOT When?", "ask", "When?")]
    [InlineData("/ask When?", "ask", "When?")]
    [InlineData("/summary Gaza", "summary", "Gaza")]
    public void Group_CommandsForTheBot_AreAnswered(string text, string command, string argument)
    {
        var request = _handler.ReadRequest(GroupMessage(text));

        Assert.NotNull(request);
        Assert.Equal(command, request.Command);
        Assert.Equal(argument, request.Argument);
    }

    [Theory]
    [InlineData("/ask@other_bot When?")]
    [InlineData("/weather@other_bot")]
    [InlineData("/weather")]
    [InlineData("Anyone seen the news today?")]
    [InlineData("email me at x@news_bot.com")]
    public void Group_OtherChatter_IsIgnored(string text) => Assert.Null(_handler.ReadRequest(GroupMessage(text)));

    [Fact]
    public void Group_Mention_IsAQuestion()
    {
        var text = "@news_bot when did Abbas visit Moscow?";
        var message = GroupMessage(text);
        message.Entities = [new MessageEntity { Type = "mention", Offset = 0, Length = 9 }];

        var request = _handler.ReadRequest(message);

        Assert.Equal("ask", request?.Command);
        Assert.Equal("when did Abbas visit Moscow?", request?.Argument);
    }

    [Fact]
    public void Group_ReplyToTheBot_ContinuesTheConversation()
    {
        var message = GroupMessage("and where?");
        message.ReplyToMessage = new Message { MessageId = 1, From = new User { Id = 99, IsBot = true } };

        Assert.Equal("and where?", _handler.ReadRequest(message)?.Argument);
    }

    [Fact]
    public void Private_PlainText_IsAQuestion() =>
        Assert.Equal("ask", _handler.ReadRequest(new Message { Text = "Who won?", Chat = new TelegramChat { Id = 5, Type = "private" }, From = new User { Id = 5 } })?.Command);

    [Fact]
    public void MessagesFromBots_AreIgnored() =>
        Assert.Null(_handler.ReadRequest(new Message { Text = "/ask x", Chat = new TelegramChat { Id = 5, Type = "private" }, From = new User { Id = 6, IsBot = true } }));

    private static Message GroupMessage(string text)
    {
        var message = new Message { MessageId = 10, Text = text, Chat = new TelegramChat { Id = -100, Type = "supergroup" }, From = new User { Id = 5 } };
        if (text.StartsWith('/'))
        {
            message.Entities = [new MessageEntity { Type = "bot_command", Offset = 0, Length = text.Split(' ')[0].Length }];
        }

        return message;
    }
}
