using Bots.Text;

namespace Bots.Summarizer.Summaries;

/// <summary>LexRank: PageRank over a graph whose edges are the TF-IDF cosine similarities of sentences.</summary>
public static class SentenceGraph
{
    /// <summary>Pairwise cosine similarities (the diagonal is 0).</summary>
    public static double[,] Similarities(IReadOnlyList<TermVector> vectors)
    {
        var n = vectors.Count;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var similarity = vectors[i].Cosine(vectors[j]);
                matrix[i, j] = similarity;
                matrix[j, i] = similarity;
            }
        }
        return matrix;
    }

    /// <summary>
    /// Stationary scores of a random walk over the weighted graph with damping; a node without edges
    /// jumps anywhere. <paramref name="prior"/> biases the jump (topic-sensitive PageRank); null is uniform.
    /// Scores sum to 1.
    /// </summary>
    public static double[] Rank(double[,] weights, double damping = 0.85, IReadOnlyList<double>? prior = null, int maxIterations = 100, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var n = weights.GetLength(0);
        if (n == 0)
        {
            return [];
        }

        var jump = new double[n];
        var priorSum = prior?.Sum() ?? 0;
        for (var i = 0; i < n; i++)
        {
            jump[i] = prior is not null && priorSum > 0 ? prior[i] / priorSum : 1.0 / n;
        }

        var rowSums = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rowSums[i] += weights[i, j];
            }
        }

        var scores = (double[])jump.Clone();
        var next = new double[n];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (rowSums[i] == 0)
                {
                    dangling += scores[i];
                }
            }
            for (var j = 0; j < n; j++)
            {
                next[j] = (1 - damping + damping * dangling) * jump[j];
            }
            for (var i = 0; i < n; i++)
            {
                if (rowSums[i] == 0)
                {
                    continue;
                }
                var share = damping * scores[i] / rowSums[i];
                for (var j = 0; j < n; j++)
                {
                    next[j] += share * weights[i, j];
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - scores[i]);
            }
            (scores, next) = (next, scores);
            if (change < tolerance)
            {
                break;
            }
        }
        return scores;
    }
}
