namespace Bots.QuestionAnswering.Analysis;

/// <summary>The kind of answer a question asks for.</summary>
public enum AnswerType
{
    Date,
    Duration,
    Person,
    Place,
    Organization,
    Quantity,

    /// <summary>"Who is X?" / "What is X?": a role, apposition or definition.</summary>
    Description,

    /// <summary>No clear type (keyword-style questions): the most relevant statement.</summary>
    Other,
}

/// <summary>Refinements of a quantity question.</summary>
public enum QuantityHint
{
    Any,
    Count,
    Money,
    Age,
    Percent,

    /// <summary>"How often": "twice a year", "daily".</summary>
    Frequency,

    /// <summary>"Where was it ranked", "in what position did she finish": a place in an order ("18th", "third").</summary>
    Rank,
}

internal static class AnswerTypeNames
{
    /// <summary>The name used in replies (`answer_type`).</summary>
    public static string ToWireName(this AnswerType type) => type switch
    {
        AnswerType.Date => "date",
        AnswerType.Duration => "duration",
        AnswerType.Person => "person",
        AnswerType.Place => "place",
        AnswerType.Organization => "organization",
        AnswerType.Quantity => "number",
        AnswerType.Description => "description",
        _ => "other",
    };
}
