using System.Globalization;
using System.Text.Json;
using Bots.Contracts.V1;
using Bots.Hosting;
using Bots.QuestionAnswering.Tests.Answering;
using Bots.QuestionAnswering.Tests.Support;
using Bots.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace Bots.QuestionAnswering.Tests.Grpc;

/// <summary>Ask over gRPC against the real article store holding the seed articles.</summary>
public sealed class QuestionAnsweringServiceTests(QaSystem system) : IClassFixture<QaSystem>
{
    [Fact]
    public async Task Ask_EveryPublicSeedQuestion_IsRightOverGrpc()
    {
        var wrong = new List<string>();
        foreach (var line in File.ReadLines(TestData.PublicQuestions).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var item = JsonDocument.Parse(line).RootElement;
            var reply = await system.Client.AskAsync(new AskRequest { Question = item.GetProperty("q").GetString() });
            var answer = new Bots.QuestionAnswering.Answering.Answer(reply.Answered, reply.Answer, reply.Evidence, [], reply.Confidence, reply.AnswerType, reply.Message, []);
            if (!SeedQuestionTests.IsRight(item, answer))
            {
                wrong.Add($"{item.GetProperty("q").GetString()} → {reply.Answer} {reply.Message}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Ask_AnsweredQuestion_CarriesEvidenceAndCitations()
    {
        var reply = await system.Client.AskAsync(new AskRequest { Question = "Where did Lavrov meet Gulf Arab foreign ministers?" });

        Assert.True(reply.Answered);
        Assert.Equal("place", reply.AnswerType);
        Assert.Contains("Riyadh", reply.Evidence, StringComparison.Ordinal);
        var citation = Assert.Single(reply.Citations);
        Assert.True(citation.ArticleId > 0);
        Assert.False(string.IsNullOrEmpty(citation.Title));
        Assert.Contains("Riyadh", citation.Snippet, StringComparison.Ordinal);
        Assert.InRange(reply.Confidence, 0.05, 0.97);
    }

    [Theory]
    [InlineData("Where did Lavrov meet al-Maliki?")]
    [InlineData("Where did Arafat die?")]
    [InlineData("When did Abbas die?")]
    [InlineData("Where is George Mason University?")]
    public async Task Ask_WhenTheOnlyCandidateBelongsToAnotherEventOrPerson_DeclinesOverGrpc(string question)
    {
        var reply = await system.Client.AskAsync(new AskRequest { Question = question });

        Assert.False(reply.Answered, $"answered '{reply.Answer}' from '{reply.Evidence}'");
        Assert.False(string.IsNullOrWhiteSpace(reply.Message));
    }

    [Fact]
    public async Task Ask_WhoIsAPerson_IsAnsweredWithADescriptionNotAPlace()
    {
        var reply = await system.Client.AskAsync(new AskRequest { Question = "Who is Samuel Ramani?" });

        // Declining is allowed; a place ("Palestine", from the quote beside his name) is not.
        Assert.True(!reply.Answered || reply.Answer.Contains("author", StringComparison.Ordinal), $"answered '{reply.Answer}'");
    }

    [Fact]
    public async Task Ask_UnanswerableQuestion_DeclinesWithAHelpfulMessage()
    {
        var reply = await system.Client.AskAsync(new AskRequest { Question = "When did Abbas visit Tokyo?" });

        Assert.False(reply.Answered);
        Assert.Equal(string.Empty, reply.Answer);
        Assert.Contains("Tokyo", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FollowUp_ResolvesThePronounFromThePreviousQuestion()
    {
        var reply = await system.Client.AskAsync(new AskRequest
        {
            Question = "and where did they meet?",
            PreviousQuestion = "When did Abbas visit Moscow?",
            PreviousAnswer = "12–14 August 2024",
        });

        Assert.True(reply.Answered);
        Assert.Contains("Moscow", reply.Answer + " " + reply.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_IsInvalidArgument(string question)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => system.Client.AskAsync(new AskRequest { Question = question }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("empty", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_QuestionOverTheLimit_IsInvalidArgumentNamingTheLimit()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => system.Client.AskAsync(new AskRequest { Question = new string('x', 2001) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("2,000", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenTheStoreIsDown_IsUnavailable()
    {
        var grpcPort = FreePort.Next();
        var deadStore = FreePort.Unused();
        var builder = WebApplication.CreateBuilder([
            $"--Bots:GrpcPort={grpcPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Bots:HttpPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Services:ArticleStore=http://127.0.0.1:{deadStore.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=None",
        ]);
        builder.AddBotsDefaults("qa-tests");
        builder.AddQuestionAnswering();
        await using var app = builder.Build();
        app.MapBotsDefaults();
        app.MapQuestionAnswering();
        await app.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}");

        var error = await Assert.ThrowsAsync<RpcException>(() => new Contracts.V1.QuestionAnswering.QuestionAnsweringClient(channel)
            .AskAsync(new AskRequest { Question = "When did Abbas visit Moscow?" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("try again", error.Status.Detail, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
