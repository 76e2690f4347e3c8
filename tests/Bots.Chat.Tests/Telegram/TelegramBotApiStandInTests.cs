using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bots.StandIns;

namespace Bots.Chat.Tests.Telegram;

/// <summary>The stand-in Telegram Bot API keeps the real API's delivery rules the bot relies on.</summary>
public sealed class TelegramBotApiStandInTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private TelegramBotApiStandIn _telegram = null!;

    public async Task InitializeAsync() => _telegram = await TelegramBotApiStandIn.StartAsync("7000000001:LOAD-test_token");

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task GetUpdates_OffersUnconfirmedUpdatesAgain_AndForgetsThoseBeforeTheOffset()
    {
        var first = _telegram.SendUserMessage(11, "When did Abbas visit Moscow?");
        var second = _telegram.SendUserMessage(12, "/ask Who won in 2006?");

        var all = await CallAsync("getUpdates", new { offset = 0, timeout = 0 });
        var again = await CallAsync("getUpdates", new { offset = 0, timeout = 0 });
        var rest = await CallAsync("getUpdates", new { offset = first + 1, timeout = 0 });

        Assert.Equal([first, second], Ids(all));
        Assert.Equal([first, second], Ids(again));
        Assert.Equal([second], Ids(rest));
        Assert.Equal("bot_command", rest["result"]![0]!["message"]!["entities"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUpdates_WhenNothingIsWaiting_HoldsTheRequestUntilAnUpdateArrives()
    {
        var poll = CallAsync("getUpdates", new { offset = 0, timeout = 10 });
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);

        var id = _telegram.SendUserMessage(21, "hello");

        Assert.Equal([id], Ids(await poll.WaitAsync(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task SendMessage_IsRecordedAndReported_AsItIsAccepted()
    {
        TelegramBotApiStandIn.SentMessage? seen = null;
        _telegram.MessageSent = r => seen = r;
        _telegram.SendUserMessage(31, "hi");

        var refused = await PostAsync("sendMessage", new { chat_id = 31, text = "<b>answer", parse_mode = "HTML" });
        var accepted = await PostAsync("sendMessage", new { chat_id = 31, text = "<b>answer</b>", parse_mode = "HTML" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(31, seen?.ChatId);
        Assert.Equal("<b>answer</b>", seen?.Text);
        Assert.Equal("answer", Assert.Single(_telegram.SentMessages).VisibleText);
    }

    private static long[] Ids(JsonNode reply) => [.. reply["result"]!.AsArray().Select(u => u!["update_id"]!.GetValue<long>())];

    private async Task<JsonNode> CallAsync(string method, object body)
    {
        using var response = await PostAsync(method, body);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> PostAsync(string method, object body) =>
        _http.PostAsJsonAsync($"{_telegram.BaseUrl}/bot{_telegram.Token}/{method}", body);
}
