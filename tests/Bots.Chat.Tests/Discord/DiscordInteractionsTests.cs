using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bots.Chat.Tests.Support;
using Bots.StandIns;
using Bots.Testing;

namespace Bots.Chat.Tests.Discord;

/// <summary>The chat app's interactions endpoint, called with requests signed by python3-cryptography, and its
/// REST calls received by the stand-in Discord API.</summary>
public sealed class DiscordInteractionsTests(DiscordInteractionsTests.Signers signers) : IAsyncLifetime, IClassFixture<DiscordInteractionsTests.Signers>
{
    private readonly StandInBackends _backends = new();
    private readonly HttpClient _http = new();
    private readonly PythonEd25519Signer? _signer = signers.Application;
    private DiscordApiStandIn _discord = null!;
    private ChatApp? _app;

    public async Task InitializeAsync() => _discord = await DiscordApiStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _discord.DisposeAsync();
        await _backends.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var (status, body) = await PostSignedAsync("""{"id":"1","application_id":"1100000000000000001","type":1,"token":"t","version":1}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task MissingSignature_Is401()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        using var response = await _http.PostAsync(_app!.BaseUrl + "/discord/interactions", Json("""{"type":1}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignatureByAnotherKey_Is401()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var other = signers.Other!;
        const string body = """{"type":1}""";
        var timestamp = Timestamp();

        var status = await PostAsync(body, timestamp, other.SignRequest(timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task MalformedSignature_Is401()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var status = await PostAsync("""{"type":1}""", Timestamp(), "not-hex");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task TamperedBody_Is401()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var timestamp = Timestamp();
        var signature = _signer!.SignRequest(timestamp, """{"type":1}""");

        var status = await PostAsync("""{"type":1} """, timestamp, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task TamperedTimestamp_Is401()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        const string body = """{"type":1}""";
        var signature = _signer!.SignRequest("1700000000", body);

        var status = await PostAsync(body, "1700000001", signature);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Startup_RegistersSlashCommandsWithBotAuthorizationAndUserAgent()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var registration = await _discord.WaitForAsync(r => r.Method == "PUT");

        Assert.Equal(200, registration.Status);
        Assert.Equal("/api/v10/applications/1100000000000000001/commands", registration.Path);
        Assert.Equal("Bot discord-bot-token", registration.Authorization);
        Assert.StartsWith("DiscordBot (", registration.UserAgent);
        var commands = registration.Body!.AsArray();
        Assert.Equal(["ask", "summary", "timeline", "sources"], commands.Select(c => c!["name"]!.GetValue<string>()));
        var ask = commands[0]!["options"]![0]!;
        Assert.Equal("question", ask["name"]!.GetValue<string>());
        Assert.Equal(3, ask["type"]!.GetValue<int>());
        Assert.True(ask["required"]!.GetValue<bool>());
        Assert.True(commands[1]!["options"]![0]!["autocomplete"]!.GetValue<bool>());
        Assert.Null(commands[3]!["options"]);
    }

    [Fact]
    public async Task Registration_WithGuild_UsesTheGuildRoute_AndHonours429()
    {
        _discord.RateLimitNext(0.3);
        if (!await StartAppAsync(("Discord:GuildId", "900000000000000001")))
        {
            return;
        }

        var limited = await _discord.WaitForAsync(r => r.Method == "PUT" && r.Status == 429);
        var registered = await _discord.WaitForAsync(r => r.Method == "PUT" && r.Status == 200);

        Assert.Equal("/api/v10/applications/1100000000000000001/guilds/900000000000000001/commands", registered.Path);
        Assert.True(registered.At - limited.At >= TimeSpan.FromSeconds(0.25), $"retried after {registered.At - limited.At}");
    }

    [Fact]
    public async Task Ask_AnsweredQuickly_IsAnEmbedInTheResponse()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var (_, body) = await PostSignedAsync(Command("ask", "question", "When did Abbas visit Moscow?"));

        Assert.Equal(4, body!["type"]!.GetValue<int>());
        var embed = body["data"]!["embeds"]![0]!;
        Assert.Equal("12–14 August 2024", embed["title"]!.GetValue<string>());
        Assert.Contains("12 to 14 August 2024", embed["description"]!.GetValue<string>());
        var field = embed["fields"]![0]!;
        Assert.Equal("[1] Global Times · 13 Aug 2024", field["name"]!.GetValue<string>());
        Assert.StartsWith(@"[Abbas \<arrives\> in Moscow & meets ""Putin""](https://www.globaltimes.cn/", field["value"]!.GetValue<string>());
        Assert.Null(DiscordApiStandIn.MessageProblem(body["data"]!.AsObject()));
        Assert.Equal("When did Abbas visit Moscow?", Assert.Single(_backends.Questions).Question);
    }

    [Fact]
    public async Task Ask_SlowBackend_IsDeferredWithin3SecondsThenEditedIn()
    {
        _backends.Ask = async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            return Answers.Abbas();
        };
        if (!await StartAppAsync())
        {
            return;
        }

        var payload = Command("ask", "question", "When did Abbas visit Moscow?", token: "slow-token");
        var timestamp = Timestamp();
        using var request = Request(payload, timestamp, _signer!.SignRequest(timestamp, payload));

        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request);
        var acknowledged = clock.Elapsed;

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, body!["type"]!.GetValue<int>());
        Assert.True(acknowledged < TimeSpan.FromSeconds(3), $"acknowledged after {acknowledged}");
        var edit = await _discord.WaitForAsync(r => r.Method == "PATCH");
        Assert.Equal("/api/v10/webhooks/1100000000000000001/slow-token/messages/@original", edit.Path);
        Assert.Equal(200, edit.Status);
        Assert.Equal("12–14 August 2024", edit.Body!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeferredEdit_RateLimited_IsRetriedAfterRetryAfter()
    {
        _backends.SummarizeTopic = async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            return Answers.AbbasSummary();
        };
        if (!await StartAppAsync())
        {
            return;
        }

        await _discord.WaitForAsync(r => r.Method == "PUT");
        _discord.RateLimitNext(0.5);

        var (_, body) = await PostSignedAsync(Command("summary", "topic", "Abbas"));

        Assert.Equal(5, body!["type"]!.GetValue<int>());
        var limited = await _discord.WaitForAsync(r => r.Method == "PATCH" && r.Status == 429);
        var edited = await _discord.WaitForAsync(r => r.Method == "PATCH" && r.Status == 200);
        Assert.True(edited.At - limited.At >= TimeSpan.FromSeconds(0.45));
    }

    [Fact]
    public async Task Summary_IsAnEmbedWithCitedSentences()
    {
        if (!await StartAppAsync())
        {
            return;
        }

        var (_, body) = await PostSignedAsync(Command("summary", "topic", "Abbas visit"));

        var embed = body!["data"]!["embeds"]![0]!;
        Assert.Equal("Summary: Abbas visit", embed["title"]!.GetValue<string>());
        Assert.Contains("He met Russian President Vladimir Putin to discuss the war in Gaza. [1]", embed["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Autocomplete_OffersAtMost25StoreSuggestions()
    {
        _backends.Suggest = (prefix, limit) => Task.FromResult<IReadOnlyList<string>>(
            Enumerable.Range(1, 40).Select(i => $"{prefix} topic {i}").ToList());
        if (!await StartAppAsync())
        {
            return;
        }

        var (_, body) = await PostSignedAsync("""
            {"id":"5","application_id":"1100000000000000001","type":4,"token":"t","version":1,
             "member":{"user":{"id":"42","username":"reader"}},
             "data":{"id":"9","name":"summary","type":1,"options":[{"name":"topic","type":3,"value":"Abb","focused":true}]}}
            """);

        Assert.Equal(8, body!["type"]!.GetValue<int>());
        var choices = body["data"]!["choices"]!.AsArray();
        Assert.Equal(25, choices.Count);
        Assert.Equal("Abb topic 1", choices[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task HugeAnswer_StaysWithinDiscordLimits()
    {
        var giant = string.Join(" ", Enumerable.Repeat("The talks went on for a long time.", 500));
        _backends.Ask = _ =>
        {
            var response = Answers.Abbas();
            response.Answer = giant[..400];
            response.Evidence = giant;
            for (var i = 0; i < 40; i++)
            {
                response.Citations.Add(new Bots.Contracts.V1.Citation { ArticleId = 100 + i, Title = giant[..500], Source = "BBC", Url = "https://bbc.co.uk/" + i, Published = "2024-08-01" });
            }

            return Task.FromResult(response);
        };
        if (!await StartAppAsync())
        {
            return;
        }

        var (_, body) = await PostSignedAsync(Command("ask", "question", "What happened?"));

        Assert.Equal(4, body!["type"]!.GetValue<int>());
        Assert.Null(DiscordApiStandIn.MessageProblem(body["data"]!.AsObject()));
    }

    [Fact]
    public async Task BackendDown_IsAnEphemeralApologyNamingIt()
    {
        if (!await StartAppAsync(("Services:QuestionAnswering", FreePort.DeadAddress())))
        {
            return;
        }

        var (_, body) = await PostSignedAsync(Command("ask", "question", "When did Abbas visit Moscow?"));

        Assert.Equal(4, body!["type"]!.GetValue<int>());
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("question-answering service is not reachable", body["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutPublicKey_TheEndpointIs404AndTheLogSaysDiscordIsOff()
    {
        _app = await ChatApp.StartAsync(_backends, new Dictionary<string, string?>());

        using var response = await _http.PostAsync(_app.BaseUrl + "/discord/interactions", Json("""{"type":1}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(_app.Logs, l => l.Contains("Discord is off", StringComparison.Ordinal));
    }

    private async Task<bool> StartAppAsync(params (string Key, string Value)[] extra)
    {
        if (_signer is null)
        {
            return false;
        }

        var settings = new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = _signer.PublicKeyHex,
            ["Discord:ApplicationId"] = _discord.ApplicationId,
            ["Discord:BotToken"] = _discord.BotToken,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        _app = await ChatApp.StartAsync(_backends, settings);
        return true;
    }

    private static string Command(string name, string option, string value, string token = "interaction-token") =>
        new JsonObject
        {
            ["id"] = "1300000000000000099",
            ["application_id"] = "1100000000000000001",
            ["type"] = 2,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = "900000000000000001",
            ["channel_id"] = "900000000000000002",
            ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "42", ["username"] = "reader" } },
            ["data"] = new JsonObject
            {
                ["id"] = "1200000000000000001",
                ["name"] = name,
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = value }),
            },
        }.ToJsonString();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostSignedAsync(string body)
    {
        var timestamp = Timestamp();
        using var request = Request(body, timestamp, _signer!.SignRequest(timestamp, body));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<HttpStatusCode> PostAsync(string body, string timestamp, string signature)
    {
        using var request = Request(body, timestamp, signature);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private HttpRequestMessage Request(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _app!.BaseUrl + "/discord/interactions") { Content = Json(body) };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Timestamp() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Two independent key pairs for the whole class: the application's and a stranger's.</summary>
    public sealed class Signers : IDisposable
    {
        public PythonEd25519Signer? Application { get; } = PythonEd25519Signer.TryStart();

        public PythonEd25519Signer? Other { get; } = PythonEd25519Signer.TryStart();

        public void Dispose()
        {
            Application?.Dispose();
            Other?.Dispose();
        }
    }
}
