using System.Text.Json;
using System.Text.Json.Nodes;
using Bots.Chat.Commands;
using Bots.Chat.Discord;
using Bots.StandIns;
using Bots.Testing;

namespace Bots.Chat.Tests.Discord;

public class DiscordEmbedRendererTests
{
    [Fact]
    public void Render_Answer_TitleEvidenceAndLinkedSourceFields()
    {
        var reply = new ChatReply
        {
            Kind = ReplyKind.Answer,
            Headline = "12–14 August 2024",
            Evidence = "Abbas visited *Moscow*.",
            Sources = [new ReplySource("Abbas (in) Moscow", "https://example.com/a_(b)", "Global Times", "2024-08-13")],
        };

        var embed = Assert.Single(DiscordEmbedRenderer.Render(reply).Embeds!);

        Assert.Equal("12–14 August 2024", embed.Title);
        Assert.Contains(@"Abbas visited \*Moscow\*.", embed.Description);
        var field = Assert.Single(embed.Fields!);
        Assert.Equal("[1] Global Times · 13 Aug 2024", field.Name);
        Assert.Equal(@"[Abbas \(in\) Moscow](https://example.com/a_%28b%29)", field.Value);
    }

    [Fact]
    public void Render_Error_IsEphemeralText()
    {
        var message = DiscordEmbedRenderer.Render(ChatReply.Error("The store is down."));

        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal("The store is down.", message.Content);
        Assert.Null(message.Embeds);
    }

    [Fact]
    public void Render_HugeReply_StaysWithinEveryDiscordLimit()
    {
        var giant = string.Join(" ", Enumerable.Repeat("A long sentence about the talks.", 400));
        var reply = new ChatReply
        {
            Kind = ReplyKind.Summary,
            Headline = giant,
            Evidence = giant,
            Lines = Enumerable.Range(0, 100).Select(i => new ReplyLine(giant[..300], 1, "13 Aug 2024")).ToList(),
            Sources = Enumerable.Range(0, 60).Select(i => new ReplySource(giant, "https://example.com/" + new string('x', 900), giant[..400], "2024-08-13")).ToList(),
        };

        var payload = JsonSerializer.SerializeToNode(DiscordEmbedRenderer.Render(reply), DiscordJsonForTests.Options)!.AsObject();

        Assert.Null(DiscordApiStandIn.MessageProblem(payload));
    }

    [Fact]
    public void Choices_AtMost25AndEach100Characters()
    {
        var suggestions = Enumerable.Range(0, 40).Select(i => $"Topic {i} " + new string('x', 150));

        var result = DiscordEmbedRenderer.Choices(suggestions);

        Assert.Equal(25, result.Choices.Count);
        Assert.All(result.Choices, c => Assert.InRange(c.Name.Length, 1, 100));
        Assert.All(result.Choices, c => Assert.InRange(c.Value.Length, 1, 100));
    }

    [Fact]
    public void Escape_NeutralisesMarkdown() =>
        Assert.Equal(@"\*bold\* \_x\_ \`code\` \[link\]", DiscordEmbedRenderer.Escape("*bold* _x_ `code` [link]"));
}

internal static class DiscordJsonForTests
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
