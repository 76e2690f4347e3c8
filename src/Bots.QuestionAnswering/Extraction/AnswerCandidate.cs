using Bots.QuestionAnswering.Retrieval;
using Bots.Text.Dates;

namespace Bots.QuestionAnswering.Extraction;

/// <summary>
/// A possible answer found in an evidence sentence: the text to show, a key under which agreeing answers group,
/// where it sits in the sentence (word indexes, end exclusive) and how well its type fits the question (0..1).
/// </summary>
internal sealed record AnswerCandidate(string Text, string Key, EvidenceSentence Sentence, int FirstWord, int EndWord, double Fit)
{
    public DateMention? Date { get; init; }

    /// <summary>Found by phrase shape rather than by type (a noun phrase for a what-question): needs less to be shown, but says less.</summary>
    public bool Fallback { get; init; }

    /// <summary>Tied to the question's name by syntax (a title or role written before it): its distance to the name says nothing.</summary>
    public bool Anchored { get; init; }

    public double Score { get; set; }
}
