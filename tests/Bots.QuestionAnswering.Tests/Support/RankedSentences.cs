using Bots.QuestionAnswering.Analysis;
using Bots.QuestionAnswering.Retrieval;

namespace Bots.QuestionAnswering.Tests.Support;

/// <summary>A text stored as one retrieved passage, its sentences ranked for a question as the pipeline ranks evidence.</summary>
internal static class RankedSentences
{
    public static List<EvidenceSentence> For(QuestionAnalysis analysis, string text, string title, string published)
    {
        var passage = new RetrievedPassage(1, text, 1, title, "Wire", string.Empty, published, 0, 0);
        var sentences = EvidenceSentence.FromPassage(passage, 0).ToList();
        SentenceRanker.Rank(analysis, sentences);
        return sentences;
    }
}
