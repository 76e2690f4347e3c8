using System.Diagnostics.Metrics;
using Bots.Text;

namespace Bots.ArticleStore.Search;

/// <summary>
/// How many passages hold each searched word (capped at <see cref="Fts5Ranking.CommonPassages"/>), and the rows each
/// ranked tier returned, remembered for one corpus version. Tiered search needs these counts for every word of every
/// query; counting again costs an FTS5 scan per word, while the answer only changes when the corpus does. Ranking a
/// tier of rare words OR'ed together ("ivan" OR "petrov") scores thousands of passages with bm25, and questions about
/// the same people and places send the same tiers again and again. A search reads the version before it counts, so a
/// count or ranking kept for a version was taken from that corpus or a newer one, never an older one.
/// </summary>
public sealed class TermPassageCounts
{
    /// <summary>More distinct words than a real vocabulary needs; made-up words past it make the counts start over.</summary>
    public const int Capacity = 200_000;

    /// <summary>Tier rankings kept per version: at most a hundred rows each, so a few megabytes.</summary>
    public const int RankingCapacity = 10_000;

    /// <summary>The meter of the store's search: how much of its work the counts and rankings kept here spare it.</summary>
    public const string MeterName = "Bots.ArticleStore.Search";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> TierRankings = Meter.CreateCounter<long>(
        "bots.store.search.tier_rankings", unit: "{tier}", description: "Search tiers ranked, by where the rows came from: the index (an FTS5 bm25 query) or kept rankings (cache).");

    private static readonly Counter<long> TermCounts = Meter.CreateCounter<long>(
        "bots.store.search.term_counts", unit: "{term}", description: "Searched words' passage counts, by where they came from: the index (an FTS5 count) or kept counts (cache).");

    private static readonly KeyValuePair<string, object?> FromIndex = new("source", "index");
    private static readonly KeyValuePair<string, object?> FromCache = new("source", "cache");

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

    /// <summary>The counts and tier rankings of one corpus version.</summary>
    public sealed class Generation(long version)
    {
        private readonly BoundedCache<string, long> _counts = new(Capacity, StringComparer.Ordinal);
        private readonly BoundedCache<TierKey, (long Rowid, double Score)[]> _rankings = new(RankingCapacity);

        public long Version { get; } = version;

        public long GetOrCount(string term, Func<string, long> count)
        {
            var counted = false;
            var passages = _counts.GetOrAdd(term, t =>
            {
                counted = true;
                return count(t);
            });
            TermCounts.Add(1, counted ? FromIndex : FromCache);
            return passages;
        }

        /// <summary>The rows the ranking statement returned for <paramref name="tier"/>, run by <paramref name="rank"/> the first time.</summary>
        public (long Rowid, double Score)[] GetOrRank(TierKey tier, Func<TierKey, (long Rowid, double Score)[]> rank)
        {
            var ranked = false;
            var rows = _rankings.GetOrAdd(tier, t =>
            {
                ranked = true;
                return rank(t);
            });
            TierRankings.Add(1, ranked ? FromIndex : FromCache);
            return rows;
        }
    }
}

/// <summary>Everything a tier's ranking statement is bound with: its MATCH expression, how many matches it scores, how many rows it returns, and the filter.</summary>
public readonly record struct TierKey(string Match, int Scored, int Limit, string Source, string After, string Before);
