using Bots.ArticleStore.Dedup;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// An article's near-duplicate candidates as a read snapshot saw them, looked up by the import's cleaning stage so the
/// one writer does not have to: each lookup key's postings (null: more than <see cref="DuplicatePolicy.MaxPostingsPerKey"/>)
/// and the same-story score of each candidate the snapshot ranked first (null: not the same story).
/// <see cref="FindBest"/> adds the postings written since the snapshot and reaches the candidate the writer's own query
/// would: same keys counted, same ranking (most shared keys, then lowest id), same comparison order.
/// </summary>
internal sealed class StoryCandidates(long version, long lastId, Dictionary<long, long[]?> postings, Dictionary<long, double?> compared)
{
    /// <summary>The corpus version of the snapshot.</summary>
    public long Version { get; } = version;

    /// <summary>The largest article id ever given out in the snapshot: articles above it were written after.</summary>
    public long LastId { get; } = lastId;

    /// <summary>
    /// The stored article telling the same story most closely (the first of equals), or 0. <paramref name="readFingerprint"/>
    /// serves candidates the snapshot did not compare: written since, or ranked higher now that a key has become too common.
    /// </summary>
    public long FindBest(ArticleFingerprint fingerprint, IReadOnlyList<long> keys, RecentKeys recent, Func<long, ArticleFingerprint?> readFingerprint)
    {
        var shared = new Dictionary<long, int>();
        foreach (var key in keys)
        {
            var ids = postings[key];
            if (ids is null)
            {
                continue;
            }
            var since = recent.Holding(key, LastId).ToList();
            if (ids.Length + since.Count > DuplicatePolicy.MaxPostingsPerKey)
            {
                continue;
            }
            foreach (var id in ids.Concat(since))
            {
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }
        long best = 0;
        var bestScore = 0.0;
        foreach (var (id, _) in Ranked(shared))
        {
            if (!compared.TryGetValue(id, out var score))
            {
                if (readFingerprint(id) is not { } other)
                {
                    continue;
                }
                score = DuplicatePolicy.IsSameStory(fingerprint, other, out var containment) ? containment : null;
            }
            if (score > bestScore)
            {
                bestScore = score.Value;
                best = id;
            }
        }
        return best;
    }

    /// <summary>The candidates compared in full: most shared keys first, then the lowest id.</summary>
    public static IEnumerable<KeyValuePair<long, int>> Ranked(Dictionary<long, int> shared) =>
        shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(DuplicatePolicy.MaxCandidates);
}
