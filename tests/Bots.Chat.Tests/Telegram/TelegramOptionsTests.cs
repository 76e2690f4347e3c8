using Bots.Chat.Telegram;
using Microsoft.Extensions.Options;

namespace Bots.Chat.Tests.Telegram;

public class TelegramOptionsTests
{
    private static ValidateOptionsResult Validate(TelegramOptions options) =>
        new TelegramOptionsValidator().Validate(null, options);

    [Fact]
    public void WithoutToken_IsValidAndOff()
    {
        var options = new TelegramOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.False(options.Enabled);
    }

    [Theory]
    [InlineData("Mode", "push", "Telegram:Mode")]
    [InlineData("BotToken", "not a token", "Telegram:BotToken")]
    [InlineData("ApiBaseUrl", "api.telegram.org", "Telegram:ApiBaseUrl")]
    public void BadSetting_IsNamed(string property, string value, string key)
    {
        var options = new TelegramOptions { BotToken = "123:abc" };
        typeof(TelegramOptions).GetProperty(property)!.SetValue(options, value);

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void WebhookMode_NeedsUrlAndWellFormedSecret()
    {
        var options = new TelegramOptions { BotToken = "123:abc", Mode = "webhook", WebhookSecret = "has spaces" };

        var result = Validate(options);

        Assert.Contains("Telegram:WebhookUrl", result.FailureMessage);
        Assert.Contains("Telegram:WebhookSecret", result.FailureMessage);
    }
}
