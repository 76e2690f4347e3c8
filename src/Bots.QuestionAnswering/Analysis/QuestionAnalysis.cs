using Bots.Text.Dates;
using Bots.Text.Entities;

namespace Bots.QuestionAnswering.Analysis;

/// <summary>A name the question is about ("Mahmoud Abbas", "Tokyo"): evidence must mention it.</summary>
public sealed record FocusName(string Text, EntityKind Kind, IReadOnlyList<string> Words)
{
    /// <summary>The word most likely to stand for the whole name in text: a surname or the head of a place name.</summary>
    public string KeyWord => Kind == EntityKind.Person ? Words[^1] : Words.OrderByDescending(w => w.Length).First();

    /// <summary>Other forms the articles use for the name ("BA" for British Airways), each as lower-case words.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Aliases { get; init; } = [];
}

/// <summary>A content word of the question with the stems that count as a match for it.</summary>
public sealed record QuestionTerm(string Word, string Stem, IReadOnlyCollection<string> Related, bool IsRoleWord)
{
    /// <summary>The question's verb ("visit" in "when did Abbas visit Moscow"): the evidence may word the event otherwise.</summary>
    public bool IsVerb { get; init; }

    /// <summary>Words WordNet relates to this one in its common senses ("liken" → compare): weaker evidence than the word or its family.</summary>
    public SimilarWords Similar { get; init; } = SimilarWords.None;

    /// <summary>Whether a set of stems holds this word, one of its family or a word WordNet relates to it.</summary>
    public bool IsSaidIn(IReadOnlySet<string> stems) => stems.Contains(Stem) || Related.Any(stems.Contains) || Similar.Stems.Any(stems.Contains);

    /// <summary>Whether a stem is this word's, one of its family's or a word's WordNet relates to it.</summary>
    public bool Matches(string stem) => Stem == stem || Related.Contains(stem) || Similar.Stems.Contains(stem);
}

/// <summary>A nationality the question gives a thing ("the Russian elections"): evidence about another country's one does not answer.</summary>
public sealed record NationalityConstraint(Country Country, string NounStem);

/// <summary>What a question asks, about whom, and under which constraints.</summary>
public sealed record QuestionAnalysis
{
    public required string Question { get; init; }

    public required AnswerType Type { get; init; }

    public QuantityHint Quantity { get; init; }

    /// <summary>For date questions: the precision asked for ("which year" → Year); null for the natural precision.</summary>
    public DatePrecision? DatePrecision { get; init; }

    /// <summary>Person questions whose answer may be a group ("who won the elections" → Hamas).</summary>
    public bool AcceptsOrganization { get; init; }

    public IReadOnlyList<FocusName> Names { get; init; } = [];

    /// <summary>Content words other than names: the event, the things involved.</summary>
    public IReadOnlyList<QuestionTerm> Terms { get; init; } = [];

    /// <summary>Dates the answer must hold at ("on August 13, 2024", "in 2006", "last year").</summary>
    public IReadOnlyList<DateMention> DateConstraints { get; init; } = [];

    /// <summary>For "who is X"/"what is X": X.</summary>
    public string? DescriptionTarget { get; init; }

    /// <summary>For "who is the Palestinian president": the role words the person's title must carry.</summary>
    public IReadOnlyList<string> RoleWords { get; init; } = [];

    /// <summary>The noun after "how much"/"how many"/"which" ("aid", "people", "city").</summary>
    public string? TypeNoun { get; init; }

    /// <summary>Things the question qualifies by a country or its demonym ("Russian elections", "Russia's GDP").</summary>
    public IReadOnlyList<NationalityConstraint> Nationalities { get; init; } = [];

    /// <summary>"Who founded Hamas?": the answer is who did the event, and the question's names are what it was done to.</summary>
    public bool AsksForTheDoer { get; init; }

    /// <summary>"By how much did profits jump?": the size of the change, not the level it reached.</summary>
    public bool AsksForChange { get; init; }

    /// <summary>"When had Abbas last visited Moscow (before this trip)?": the earlier time, as in "for the first time since 2021".</summary>
    public bool AsksForPrevious { get; init; }

    /// <summary>"What day of the week did they meet?": the answer is the weekday of a single day.</summary>
    public bool AsksForWeekday { get; init; }

    /// <summary>"Whose proposals did Russia veto?": the thing whose owner is asked for ("proposals").</summary>
    public string? PossessedNoun { get; init; }

    /// <summary>"Since when …", "the first meeting since which year", "how far back does it date": the start a "since" or "dating back to" gives.</summary>
    public bool AsksForSince { get; init; }

    /// <summary>"Abbas's Moscow trip end date", "when did the visit end": the last day of a span, not the span.</summary>
    public bool AsksForEnd { get; init; }

    /// <summary>"The trip's start date", "when did the talks begin": the first day of a span, not the span.</summary>
    public bool AsksForStart { get; init; }

    /// <summary>"Apart from the United States, who …": what the answer must not be.</summary>
    public string? Excluded { get; init; }

    /// <summary>"Where did Abbas travel right after Moscow?": the place the answer came after, which it is not.</summary>
    public string? Preceding { get; init; }

    /// <summary>"What is the library called", "the name of …": the answer is a proper name.</summary>
    public bool AsksForName { get; init; }

    /// <summary>"Which countries mediate …", "which organisations make up …": a plural asked-for noun wants every one of them, as a list.</summary>
    public bool AsksForList { get; init; }

    /// <summary>
    /// "Which countries rejected the plan", "which country did she visit": a which-question about a place or body asks
    /// for a party to the event, not where it happened (which only "where" asks).
    /// </summary>
    public bool AsksForAParty => Type is AnswerType.Place or AnswerType.Organization && TypeNoun is not null
        && !Question.Contains("where", StringComparison.OrdinalIgnoreCase);

    /// <summary>Soft context from a previous question in the conversation (weighted lower than the question's own terms).</summary>
    public IReadOnlyList<QuestionTerm> ContextTerms { get; init; } = [];
}
