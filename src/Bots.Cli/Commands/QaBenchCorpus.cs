using System.Globalization;
using Bots.Contracts.V1;

namespace Bots.Cli.Commands;

/// <summary>
/// The corpus and questions the Q&amp;A target (issue 4: ≥ 300 asks/s uncached at concurrency 8, 10,000 articles) is
/// measured on by `bots bench qa`: short news-like articles (who went where, when, about what, with an amount) and
/// questions about them and about places none of them mention (to be declined). `bots bench load` offers twice that
/// load, so it asks the same kind of questions of the same kind of articles.
/// </summary>
internal static class QaBenchCorpus
{
    private static readonly string[] People = ["Anna Keller", "Omar Haddad", "Li Wei", "Maria Santos", "Ivan Petrov", "Grace Mensah", "Kenji Sato", "Lucas Moreau", "Fatima Zahra", "Jonas Berg"];
    private static readonly string[] Titles = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "spokesman"];
    private static readonly string[] Places = ["Berlin", "Nairobi", "Jakarta", "Lima", "Oslo", "Cairo", "Hanoi", "Warsaw", "Dakar", "Manila", "Ankara", "Seoul"];
    private static readonly string[] Topics = ["trade", "energy", "security", "climate", "health", "transport", "water", "education"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // Places no generated article mentions: questions about them must be declined, and cost a full search too.
    private static readonly string[] ElsewherePlaces = ["Tokyo", "Lisbon", "Quito", "Dublin", "Accra", "Hobart", "Tbilisi", "Bogota"];

    /// <summary>
    /// <paramref name="count"/> distinct questions about the first <paramref name="articles"/> generated articles, the
    /// same every run; a corpus too small for that many repeats them (the caller prints how many are distinct).
    /// </summary>
    public static string[] Questions(int count, int articles)
    {
        var source = new QuestionSource(articles);
        var questions = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; questions.Count < count && attempt < count * 20; attempt++)
        {
            var question = source.Next();
            if (seen.Add(question))
            {
                questions.Add(question);
            }
        }

        for (var i = 0; questions.Count < count; i++)
        {
            questions.Add(questions[i]);
        }

        return [.. questions];
    }

    /// <summary>Generated article <paramref name="i"/> (deterministic).</summary>
    public static AddArticleRequest Article(int i)
    {
        var (person, title, place, topic, month, day, year, amount, published) = Facts.Of(i);
        var body = string.Join("\n",
            $"{title} {person} visited {place} on {month} {day}, {year} for talks on {topic}.",
            $"During the two-day visit, {person} met local officials and signed a {topic} agreement worth ${amount} million.",
            $"Officials in {place} said {amount} tons of equipment would follow, and that talks would resume next year.",
            $"Analysts said the {topic} deal could shape relations for a decade. Story {i.ToString(CultureInfo.InvariantCulture)}.");
        return new AddArticleRequest
        {
            Title = $"{person} in {place}: {topic} talks ({i.ToString(CultureInfo.InvariantCulture)})",
            Body = body,
            Source = "Bench Wire",
            Published = published,
        };
    }

    /// <summary>
    /// An endless, seeded stream of questions about the first <c>articles</c> generated articles (who went where and
    /// when, what was signed, how much, who visited, and visits to places no article mentions), in the words a reader
    /// would use; repeats are possible.
    /// </summary>
    public sealed class QuestionSource(int articles, int seed = 1)
    {
        private readonly Random random = new(seed);

        // Each article's facts, made once: seeding a Random for every question was a twentieth of the load generator's CPU.
        private readonly Facts?[] facts = new Facts?[Math.Max(1, articles)];

        public string Next()
        {
            var article = random.Next(facts.Length);
            var fact = facts[article] ??= Facts.Of(article);
            return random.Next(8) switch
            {
                0 => $"When did {fact.Person} visit {fact.Place} in {fact.Year}?",
                1 => $"Where did {fact.Title} {fact.Person} go on {fact.Month} {fact.Day}, {fact.Year}?",
                2 => $"Who visited {fact.Place} on {fact.Month} {fact.Day}, {fact.Year}?",
                3 => $"How much was the {fact.Topic} agreement {fact.Person} signed in {fact.Place} in {fact.Year} worth?",
                4 => $"How many tons of equipment would follow the {fact.Topic} talks in {fact.Place} in {fact.Year}?",
                5 => $"what did {fact.Person.ToLowerInvariant()} sign in {fact.Place.ToLowerInvariant()} in {fact.Month.ToLowerInvariant()} {fact.Year}",
                6 => $"When did {fact.Person} visit {ElsewherePlaces[random.Next(ElsewherePlaces.Length)]} in {fact.Year}?",
                _ => $"How long was the visit of {fact.Person} to {fact.Place} in {fact.Month} {fact.Year}?",
            };
        }
    }

    /// <summary>What generated article i says; the questions are built from the same facts.</summary>
    private sealed record Facts(string Person, string Title, string Place, string Topic, string Month, int Day, int Year, int Amount, string Published)
    {
        public static Facts Of(int i)
        {
            var random = new Random(i);
            string Pick(string[] items) => items[random.Next(items.Length)];
            var person = Pick(People);
            var title = Pick(Titles);
            var place = Pick(Places);
            var topic = Pick(Topics);
            var month = Pick(Months);
            var day = random.Next(1, 28);
            var year = random.Next(1990, 2025);
            var amount = random.Next(2, 900);
            var published = new DateOnly(year, 1, 1).AddDays(random.Next(0, 360)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new Facts(person, title, place, topic, month, day, year, amount, published);
        }
    }
}
