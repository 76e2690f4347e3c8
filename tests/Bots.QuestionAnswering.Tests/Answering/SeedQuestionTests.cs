using System.Text.Json;
using System.Text.RegularExpressions;
using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>The seed question sets, judged as the evaluation README says, over the five seed articles.</summary>
public sealed class SeedQuestionTests
{
    private static readonly Lazy<QuestionAnswerer> Answerer = new(() => new QuestionAnswerer(TestData.SeedSearch(), new QuestionAnsweringOptions()));

    public static TheoryData<string> Public() => Questions(TestData.PublicQuestions);

    public static TheoryData<string> Extra() => Questions(TestData.ExtraQuestions);

    [Theory]
    [MemberData(nameof(Public))]
    public async Task Ask_PublicSeedQuestion_IsJudgedRight(string line) => await AssertRightAsync(line);

    [Theory]
    [MemberData(nameof(Extra))]
    public async Task Ask_OwnSeedQuestion_IsJudgedRight(string line) => await AssertRightAsync(line);

    [Fact]
    public async Task Ask_FollowUpWithPronoun_UsesThePreviousQuestion()
    {
        var answer = await Answerer.Value.AskAsync(new Question("and where did they meet?", "When did Abbas visit Moscow?", "12–14 August 2024"), default);

        Assert.True(answer.Answered);
        Assert.Contains("Moscow", answer.Text + answer.Evidence, StringComparison.Ordinal);
    }

    internal static bool IsRight(JsonElement item, Answer answer)
    {
        if (item.TryGetProperty("unanswerable", out var unanswerable) && unanswerable.GetBoolean())
        {
            return !answer.Answered;
        }

        var normalized = " " + Regex.Replace(Regex.Replace(answer.Text.ToLowerInvariant().Replace('’', '\''), "[,.;:!?()\"]", " "), @"\s+", " ") + " ";
        return answer.Answered && item.GetProperty("all").EnumerateArray().All(group => group.EnumerateArray().Any(alt => normalized.Contains(alt.GetString()!, StringComparison.Ordinal)));
    }

    private static async Task AssertRightAsync(string line)
    {
        var item = JsonDocument.Parse(line).RootElement;
        var answer = await Answerer.Value.AskAsync(new Question(item.GetProperty("q").GetString()!), default);

        Assert.True(IsRight(item, answer), $"answered={answer.Answered} answer='{answer.Text}' message='{answer.Message}' evidence='{answer.Evidence}'");
    }

    private static TheoryData<string> Questions(string file)
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            data.Add(line);
        }

        return data;
    }
}
