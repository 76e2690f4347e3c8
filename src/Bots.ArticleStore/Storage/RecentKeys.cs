namespace Bots.ArticleStore.Storage;

/// <summary>
/// The duplicate-lookup keys of the articles this process's writer added lately, by article id. With it the writer
/// completes a <see cref="StoryCandidates"/> looked up on an older read snapshot: the postings the snapshot lacks
/// are exactly those of articles with a larger id, as long as nothing else changed the corpus in between.
/// Touched only under the write lock.
/// </summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly Dictionary<long, List<long>> postings = [];
    private readonly Queue<(long Id, long[] Keys)> added = new();
    // Complete for every change after corpus version `since` and for every article id above `trimmedUpTo`.
    private long since = long.MaxValue;
    private long trimmedUpTo;
    private long known = -1;

    /// <summary>
    /// Called in each write transaction before it changes anything, with the corpus version it starts from. A version
    /// other than the one this writer last made means another connection wrote (or this writer's last attempt failed):
    /// what came before cannot be completed from here, so the record starts over.
    /// </summary>
    public void Begin(long version)
    {
        if (version != known)
        {
            postings.Clear();
            added.Clear();
            since = version;
            trimmedUpTo = 0;
            known = version;
        }
    }

    /// <summary>True when every key posted after the snapshot (corpus version, largest article id) is here.</summary>
    public bool Completes(long snapshotVersion, long snapshotLastId) => since <= snapshotVersion && trimmedUpTo <= snapshotLastId;

    /// <summary>Ids of the articles above <paramref name="afterId"/> holding <paramref name="key"/>, oldest first.</summary>
    public IEnumerable<long> Holding(long key, long afterId)
    {
        if (!postings.TryGetValue(key, out var ids))
        {
            yield break;
        }
        for (var i = ids.Count - 1; i >= 0 && ids[i] > afterId; i--)
        {
            yield return ids[i];
        }
    }

    /// <summary>An article written in the current transaction; later articles of the same transaction see it.</summary>
    public void Add(long id, long[] keys)
    {
        foreach (var key in keys)
        {
            if (!postings.TryGetValue(key, out var ids))
            {
                postings[key] = ids = new List<long>(1);
            }
            ids.Add(id);
        }
        added.Enqueue((id, keys));
    }

    /// <summary>The transaction committed as corpus version <paramref name="version"/>; the oldest articles beyond capacity are let go.</summary>
    public void Committed(long version)
    {
        known = version;
        while (added.Count > capacity)
        {
            var (id, keys) = added.Dequeue();
            foreach (var key in keys)
            {
                var ids = postings[key];
                ids.Remove(id);
                if (ids.Count == 0)
                {
                    postings.Remove(key);
                }
            }
            trimmedUpTo = id;
        }
    }

    /// <summary>After a delete or a failed write: nothing looked up before can be completed.</summary>
    public void Forget()
    {
        postings.Clear();
        added.Clear();
        since = long.MaxValue;
        known = -1;
    }
}
