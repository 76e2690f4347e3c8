using System.Collections.Concurrent;

namespace Bots.ArticleStore.Search;

/// <summary>
/// How many passages hold each searched word (capped at <see cref="Fts5Ranking.CommonPassages"/>), remembered for one
/// corpus version. Tiered search needs these counts for every word of every query; counting again costs an FTS5 scan
/// per word, while the answer only changes when the corpus does. A search reads the version before it counts, so a
/// count kept for a version was taken from that corpus or a newer one, never an older one.
/// </summary>
public sealed class TermPassageCounts
{
    /// <summary>More distinct words than a real vocabulary needs; past it (made-up words) counts are taken, not kept.</summary>
    public const int Capacity = 200_000;

    private Generation _current = new(-1);

    /// <summary>The counts taken at <paramref name="version"/>; a newer version starts afresh.</summary>
    public Generation At(long version)
    {
        var current = Volatile.Read(ref _current);
        if (current.Version == version)
        {
            return current;
        }

        var fresh = new Generation(version);
        if (version < current.Version)
        {
            // A search on an older snapshot than another one already saw: its counts are its own.
            return fresh;
        }

        var seen = Interlocked.CompareExchange(ref _current, fresh, current);
        return ReferenceEquals(seen, current) || seen.Version != version ? fresh : seen;
    }

    /// <summary>The counts of one corpus version.</summary>
    public sealed class Generation(long version)
    {
        private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
        private int _kept;

        public long Version { get; } = version;

        public long GetOrCount(string term, Func<string, long> count)
        {
            if (_counts.TryGetValue(term, out var known))
            {
                return known;
            }

            var passages = count(term);
            if (Interlocked.Increment(ref _kept) <= Capacity)
            {
                _counts.TryAdd(term, passages);
            }
            return passages;
        }
    }
}
