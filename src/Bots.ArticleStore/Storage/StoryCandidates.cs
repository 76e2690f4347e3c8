using Bots.ArticleStore.Dedup;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// An article's near-duplicate candidates as a read snapshot saw them, looked up by the import's cleaning stage so the
/// one writer does not have to: how many stored articles post each lookup key (up to one over
/// <see cref="DuplicatePolicy.MaxPostingsPerKey"/>), and the snapshot's best-ranked candidates with their shared-key
/// counts and same-story scores. <see cref="FindBest"/> adds the articles written since the snapshot and reaches the
/// candidate the writer's own query would: same keys counted, same ranking (most shared keys, then lowest id), same
/// comparison order.
/// </summary>
internal sealed class StoryCandidates(long[] keys, string keysJson, long version, long lastId, Dictionary<long, int> postings, IReadOnlyList<StoryCandidates.Ranked> ranked)
{
    /// <summary>A candidate of the snapshot: its shared-key count, and its containment when it tells the same story (null: it does not, or has no fingerprint).</summary>
    public sealed record Ranked(long Id, int Shared, double? SameStory);

    /// <summary>The article's lookup keys (<see cref="ArticleFingerprint.Keys"/>), and as the JSON array the statements take.</summary>
    public long[] Keys { get; } = keys;

    public string KeysJson { get; } = keysJson;

    /// <summary>The corpus version of the snapshot.</summary>
    public long Version { get; } = version;

    /// <summary>The largest article id ever given out in the snapshot: articles above it were written after.</summary>
    public long LastId { get; } = lastId;

    /// <summary>
    /// The stored article telling the same story most closely (the first of equals), 0 when none does, or null when the
    /// snapshot's ranking no longer holds (a key it counted is now posted too often) and the writer must look again.
    /// <paramref name="readFingerprint"/> serves the candidates written since the snapshot.
    /// </summary>
    public long? FindBest(ArticleFingerprint fingerprint, RecentKeys recent, Func<long, ArticleFingerprint?> readFingerprint)
    {
        var since = new Dictionary<long, int>();
        foreach (var key in Keys)
        {
            var posted = postings[key];
            if (posted > DuplicatePolicy.MaxPostingsPerKey)
            {
                continue;
            }
            var added = recent.Holding(key, LastId).ToList();
            if (posted + added.Count > DuplicatePolicy.MaxPostingsPerKey)
            {
                if (posted > 0)
                {
                    return null;
                }
                continue;
            }
            foreach (var id in added)
            {
                since[id] = since.GetValueOrDefault(id) + 1;
            }
        }
        // Snapshot articles keep their counts, so none outside its best-ranked can rank among the first now.
        var candidates = ranked.Select(r => (r.Id, r.Shared)).Concat(since.Select(p => (Id: p.Key, Shared: p.Value)))
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Id).Take(DuplicatePolicy.MaxCandidates);
        long best = 0;
        var bestScore = 0.0;
        foreach (var (id, _) in candidates)
        {
            double? score;
            if (ranked.FirstOrDefault(r => r.Id == id) is { } seen)
            {
                score = seen.SameStory;
            }
            else if (readFingerprint(id) is { } other)
            {
                score = DuplicatePolicy.IsSameStory(fingerprint, other, out var containment) ? containment : null;
            }
            else
            {
                continue;
            }
            if (score > bestScore)
            {
                bestScore = score.Value;
                best = id;
            }
        }
        return best;
    }
}
