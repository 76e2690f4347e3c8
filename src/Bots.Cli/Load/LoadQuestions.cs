using System.Globalization;
using Bots.Caching;

namespace Bots.Cli.Load;

/// <summary>
/// Questions about the generated corpus (see <see cref="LoadCorpus"/>), each asked once: a repeated question would be served by the
/// answer cache, and the load run measures answering. A repeat is drawn again, as `bots bench qa` does, so both ask
/// the same mix of questions; only when the corpus keeps repeating does a base question get a year, a month or both
/// as a constraint, which makes it a different question for the cache and the answerer alike. Two questions count as
/// the same when the answer cache's key would be ("Who is X?" and "who is x"), not only when the strings are.
/// </summary>
internal sealed class LoadQuestions(LoadCorpus corpus)
{
    private const int MaxAttempts = 1000;

    /// <summary>
    /// Repeats drawn again before constraints are added: adding them on the first repeat made a sixth of the first
    /// 15,000 questions about bench qa's corpus constrained variants ("When did X visit Y in 2003 in May 2022?"), of
    /// which `bots bench qa` asks none.
    /// </summary>
    private const int FreshDraws = 20;

    /// <summary>"in 2022" … "in 2025", "in January" … "in December", "in January 2022" … "in December 2025".</summary>
    private static readonly string[] Constraints = [.. Years().Concat(Months()).Concat(Months().SelectMany(m => Years().Select(y => $"{m} {y}"))).Select(c => "in " + c)];

    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    // How many constraints each base question has used: the next repeat takes the next one, so a question costs the
    // same whether it is the first or the 100,000th (a generator that searched for unused variants took a quarter of
    // a millisecond a question by then, on the machine it was measuring).
    private readonly Dictionary<string, int> _constraintsUsed = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>A question not asked before in this run.</summary>
    public string Next()
    {
        lock (_gate)
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var question = corpus.NextQuestion();
                var key = QuestionNormalizer.Normalize(question);
                if (_asked.Add(key))
                {
                    return question;
                }

                if (attempt < FreshDraws)
                {
                    continue;
                }

                for (var used = _constraintsUsed.GetValueOrDefault(key); used < Constraints.Length;)
                {
                    var constrained = WithConstraint(question, Constraints[used++]);
                    _constraintsUsed[key] = used;
                    if (_asked.Add(QuestionNormalizer.Normalize(constrained)))
                    {
                        return constrained;
                    }
                }
            }

            throw new InvalidOperationException($"{_asked.Count:N0} distinct questions exhaust this corpus: store more generated articles.");
        }
    }

    private static IEnumerable<string> Years() => Enumerable.Range(2022, 4).Select(y => y.ToString(CultureInfo.InvariantCulture));

    private static IEnumerable<string> Months() => CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    private static string WithConstraint(string question, string constraint) =>
        question.EndsWith('?') ? $"{question[..^1]} {constraint}?" : $"{question} {constraint}";
}
