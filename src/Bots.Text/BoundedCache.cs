using System.Collections.Concurrent;

namespace Bots.Text;

/// <summary>
/// A thread-safe cache of pure results (stems, analyses) that holds at most <c>capacity</c> worth of entries, each
/// weighing 1 unless said otherwise, and starts over when full: hostile input (endless made-up words) then costs a
/// rebuild, never unbounded memory. The weight is kept beside the dictionary because ConcurrentDictionary.Count takes
/// every lock.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(long capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private long _weight;

    public bool TryGetValue(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Stores <paramref name="value"/>, first emptying the cache when its weight would pass the capacity.</summary>
    public void Set(TKey key, TValue value, long weight = 1)
    {
        if (Interlocked.Add(ref _weight, weight) > capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _weight, weight);
        }

        _entries[key] = value;
    }

    /// <summary>The cached value of <paramref name="key"/>, made by <paramref name="create"/> and kept when missing.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = create(key);
        Set(key, value);
        return value;
    }
}
