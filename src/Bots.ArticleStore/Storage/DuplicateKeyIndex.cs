using Bots.ArticleStore.Dedup;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// The article_keys table (which stored articles post each near-duplicate lookup key) held in memory by the SQLite
/// writer, so finding a new article's same-story candidates is a few dictionary reads instead of a query joining the
/// table for every key: that query was a fifth of the writer's CPU. The table stays the record; this copy is filled
/// from it on the first write and kept in step by the writer, under its lock. It belongs to one corpus version:
/// a write from another process (which bumps the version) or a rolled-back write makes the writer fill it afresh.
/// About 20-25 bytes a key, ~26 keys an article: ~60 MB at 100,000 articles.
/// </summary>
public sealed class DuplicateKeyIndex
{
    /// <summary>Key to its one article's id, or to ~(its posting list's slot) when several articles (or a large id) post it.</summary>
    private readonly Dictionary<uint, int> keys;
    private readonly List<List<long>?> shared = [];
    private readonly Stack<int> freeSlots = new();

    public DuplicateKeyIndex(int capacity = 0) => keys = new Dictionary<uint, int>(capacity);

    /// <summary>The corpus version (meta 'version') the index reflects.</summary>
    public long Version { get; set; }

    public void Add(uint key, long articleId)
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            keys[key] = articleId <= int.MaxValue ? (int)articleId : ~NewSlot([articleId]);
            return;
        }
        if (entry >= 0)
        {
            if (entry != articleId)
            {
                keys[key] = ~NewSlot([entry, articleId]);
            }
            return;
        }
        var list = shared[~entry]!;
        if (!list.Contains(articleId))
        {
            list.Add(articleId);
        }
    }

    public void Remove(uint key, long articleId)
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            return;
        }
        if (entry >= 0)
        {
            if (entry == articleId)
            {
                keys.Remove(key);
            }
            return;
        }
        var list = shared[~entry]!;
        list.Remove(articleId);
        if (list.Count == 0)
        {
            keys.Remove(key);
            FreeSlot(~entry);
        }
    }

    /// <summary>
    /// The stored articles sharing the most of <paramref name="probe"/>'s keys, most first and then by id, at most
    /// <see cref="DuplicatePolicy.MaxCandidates"/>; a key posted by more than <see cref="DuplicatePolicy.MaxPostingsPerKey"/>
    /// articles says nothing about the story and is skipped. The same rule the PostgreSQL store runs as a query.
    /// </summary>
    public List<long> Candidates(IEnumerable<long> probe)
    {
        var counts = new Dictionary<long, int>();
        foreach (var key in probe)
        {
            if (!keys.TryGetValue((uint)key, out var entry))
            {
                continue;
            }
            if (entry >= 0)
            {
                counts[entry] = counts.GetValueOrDefault(entry) + 1;
                continue;
            }
            var list = shared[~entry]!;
            if (list.Count > DuplicatePolicy.MaxPostingsPerKey)
            {
                continue;
            }
            foreach (var id in list)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }
        return [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(DuplicatePolicy.MaxCandidates).Select(c => c.Key)];
    }

    private int NewSlot(List<long> list)
    {
        if (freeSlots.TryPop(out var slot))
        {
            shared[slot] = list;
            return slot;
        }
        shared.Add(list);
        return shared.Count - 1;
    }

    private void FreeSlot(int slot)
    {
        shared[slot] = null;
        freeSlots.Push(slot);
    }
}
