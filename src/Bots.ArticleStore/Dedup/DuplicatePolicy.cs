namespace Bots.ArticleStore.Dedup;

/// <summary>
/// When a new article counts as the same story as a stored one. Thresholds were set on rewrites
/// (a syndicated piece and its paraphrase share ~28% of the shorter one's content-word pairs)
/// against unrelated reports of the same event (under ~11%).
/// </summary>
public static class DuplicatePolicy
{
    public const double MinContainment = 0.2;
    public const int MinSharedSamples = 8;

    /// <summary>Candidates whose key postings exceed this are too common to tell stories apart.</summary>
    public const int MaxPostingsPerKey = 64;

    /// <summary>
    /// How many stored articles sharing the most keys are compared in full. A rewrite shares several
    /// keys while most other candidates share one by chance, so the first few hold it; comparing 32
    /// was a fifth of the write time.
    /// </summary>
    public const int MaxCandidates = 8;

    public static bool IsSameStory(ArticleFingerprint a, ArticleFingerprint b, out double containment)
    {
        containment = a.Containment(b, out var shared);
        return shared >= MinSharedSamples && containment >= MinContainment;
    }

    /// <summary>The best match among candidates (id, fingerprint, duplicate_of), resolved to the first article of its story.</summary>
    public static long FindStory(ArticleFingerprint fingerprint, IEnumerable<(long Id, ArticleFingerprint Fingerprint, long DuplicateOf)> candidates)
    {
        var list = candidates.ToList();
        var best = FindBest(fingerprint, list.Select(c => (c.Id, c.Fingerprint)));
        var duplicateOf = list.Find(c => c.Id == best).DuplicateOf;
        return best == 0 || duplicateOf == 0 ? best : duplicateOf;
    }

    /// <summary>The id of the candidate telling the same story most closely (the first of equals), or 0.</summary>
    public static long FindBest(ArticleFingerprint fingerprint, IEnumerable<(long Id, ArticleFingerprint Fingerprint)> candidates)
    {
        long best = 0;
        var bestScore = 0.0;
        foreach (var (id, other) in candidates)
        {
            if (IsSameStory(fingerprint, other, out var score) && score > bestScore)
            {
                bestScore = score;
                best = id;
            }
        }
        return best;
    }
}
