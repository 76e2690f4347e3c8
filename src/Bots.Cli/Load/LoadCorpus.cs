using Bots.Cli.Commands;
using Bots.Contracts.V1;

namespace Bots.Cli.Load;

/// <summary>The articles a load run stores and the questions it asks about them.</summary>
internal abstract class LoadCorpus
{
    /// <summary>"qa": `bots bench qa`'s corpus and questions, the workload the Q&amp;A target is set on; "news": `bots bench store`'s.</summary>
    public static readonly string[] Names = ["qa", "news"];

    /// <summary>What the run stores and asks, for its report.</summary>
    public abstract string Description { get; }

    public abstract AddArticleRequest NextArticle();

    /// <summary>A question about the articles generated so far; repeats are possible (<see cref="LoadQuestions"/> makes them unique).</summary>
    public abstract string NextQuestion();

    /// <summary>The corpus called <paramref name="name"/> (one of <see cref="Names"/>), about <paramref name="articles"/> articles.</summary>
    public static LoadCorpus Create(string name, int articles) => name switch
    {
        "qa" => new QaBench(articles),
        "news" => new News(),
        _ => throw new ArgumentException($"Unknown corpus '{name}': use {string.Join(" or ", Names)}.", nameof(name)),
    };

    private sealed class QaBench(int articles) : LoadCorpus
    {
        private readonly QaBenchCorpus.QuestionSource questions = new(articles);
        private int next;

        public override string Description =>
            "the corpus and questions of `bots bench qa` (short news items; when/where/who/how much/how long questions, some about places no article mentions)";

        public override AddArticleRequest NextArticle() => QaBenchCorpus.Article(next++);

        public override string NextQuestion() => questions.Next();
    }

    private sealed class News : LoadCorpus
    {
        private readonly BenchStoreCommand.NewsCorpus corpus = new(seed: 20240813);

        public override string Description =>
            "the corpus of `bots bench store` (long articles of generated words; names, keywords and when/what questions)";

        public override AddArticleRequest NextArticle()
        {
            var article = corpus.NextArticle();
            return new AddArticleRequest
            {
                Title = article.Title,
                Body = article.Body,
                Source = article.Source,
                Url = article.Url,
                Published = article.Published,
            };
        }

        public override string NextQuestion() => corpus.NextQuery();
    }
}
