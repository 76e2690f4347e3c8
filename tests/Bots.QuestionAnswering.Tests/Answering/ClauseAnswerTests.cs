using Bots.QuestionAnswering.Answering;
using Bots.QuestionAnswering.Tests.Support;

namespace Bots.QuestionAnswering.Tests.Answering;

/// <summary>What/which questions whose answer is a phrase the sentence's syntax ties to the question, not any noun phrase nearby.</summary>
public sealed class ClauseAnswerTests
{
    private static async Task<Answer> AskAsync(string question, string body)
    {
        var search = new InMemoryPassageSearch();
        search.Add("Harbour town news", body, "Coast Post", "2022-06-10");
        search.Add("Unrelated", "The city council met on Tuesday to discuss parking fees and a new bus lane.", "Local", "2020-01-01");
        return await new QuestionAnswerer(search, new QuestionAnsweringOptions()).AskAsync(new Question(question), default);
    }

    [Fact]
    public async Task Ask_WhatDidXSayYWouldGet_AnswersTheGapNotANameNearIt()
    {
        var answer = await AskAsync("What did Marlow say the fishermen would definitely receive?",
            "Mayor Anna Marlow met the fishermen on Monday. During the meeting, the mayor said that Stenby in no way wanted a quarrel, "
            + "but that the fishermen would definitely receive compensation for their nets.");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("compensation", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhichNoun_IsNamedByItsComplement()
    {
        var answer = await AskAsync("Despite which storm does Marlow say the ferry keeps sailing?",
            "Mayor Anna Marlow said on Monday that the ferry keeps sailing despite the ongoing storm over Hallen Bay.");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("Hallen Bay", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhatRole_IsThePhraseAfterAs()
    {
        var answer = await AskAsync("What role do the fishermen want the coastguard to play in the talks?",
            "The fishermen have asked for the coastguard to be included as an observer in the talks on quotas, complicating the negotiations.");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("observer", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhatDidTheySend_IsTheThingNotItsWeight()
    {
        var answer = await AskAsync("What did the Harbour Relief Agency send to Stenby?",
            "The Harbour Relief Agency is reported to have sent hundreds of tons of blankets to Stenby after the storm.");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("blankets", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhichOrganisationOfANamedBody_IsTheLongerName()
    {
        var answer = await AskAsync("Which EU body is cited as a reason for Norway's influence in fishing policy?",
            "Much of the debate turned on Norway's influence in fishing policy, its steady presence in the EU Fisheries Council and its fleet.");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("EU Fisheries Council", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhatDidXSay_IsNotWhomItWasSaidTo()
    {
        var answer = await AskAsync("Besides fishing, what does Marlow say the talks are about?",
            "Mayor Anna Marlow spoke to the Coast Post on Monday. \"The talks are not just about fishing, but also about the future of the harbour,\" Marlow told the Coast Post.");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("future of the harbour", answer.Text, StringComparison.Ordinal);
    }
}
