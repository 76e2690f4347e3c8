using System.Globalization;
using Bots.Caching;
using Bots.Cli.Commands;

namespace Bots.Cli.Load;

/// <summary>
/// Questions about the generated corpus (people, places and topics of its articles, in the forms readers use:
/// "when did X visit Y?", keywords, quoted names), each asked once: a repeated question would be served by the
/// answer cache, and the load run measures answering. Repeats of a base question get a month, a year or both
/// as a constraint, which makes them different questions for the cache and the answerer alike. Two questions count as
/// the same when the answer cache's key would be ("Who is X?" and "who is x"), not only when the strings are.
/// </summary>
internal sealed class LoadQuestions(BenchStoreCommand.NewsCorpus corpus)
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>A question not asked before in this run.</summary>
    public string Next()
    {
        lock (_gate)
        {
            var question = corpus.NextQuery();
            for (var variant = 0; !_asked.Add(QuestionNormalizer.Normalize(question)); variant++)
            {
                if (variant > 1000)
                {
                    throw new InvalidOperationException($"{_asked.Count:N0} distinct questions exhaust this corpus: store more generated articles.");
                }

                question = WithConstraint(corpus.NextQuery(), variant);
            }

            return question;
        }
    }

    private static string WithConstraint(string question, int variant)
    {
        var year = 2022 + (variant % 4);
        var constraint = (variant / 4 % 3) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"in {year}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"in {Months[variant / 12 % 12]} {year}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"in {Months[variant / 12 % 12]}"),
        };
        return question.EndsWith('?') ? $"{question[..^1]} {constraint}?" : $"{question} {constraint}";
    }
}
