using System.Net;
using System.Text;
using Bots.Testing;

namespace Bots.Host.Tests.EndToEnd;

/// <summary>The chat process's public webhooks turn a flood from one address away with 429, before reading it.</summary>
public sealed class WebhookRateLimitTests
{
    [Theory]
    [InlineData("/discord/interactions")]
    [InlineData("/telegram/webhook")]
    public async Task Webhook_BeyondTheLimitPerAddress_Gets429(string path)
    {
        await using var chat = await ServiceProcess.StartAsync("Bots.Chat", new Dictionary<string, string>
        {
            ["Bots:HttpRequestsPerMinute"] = "3",
            ["Bots:ListenAddress"] = "127.0.0.1",
            ["Chat:Console"] = "false",
            ["Bots:DataDir"] = Path.Combine(Path.GetTempPath(), "bots-ratelimit-" + Guid.NewGuid().ToString("N")[..8]),
        });
        using var http = new HttpClient { BaseAddress = chat.HttpAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
