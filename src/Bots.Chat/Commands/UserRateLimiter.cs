using System.Collections.Concurrent;

namespace Bots.Chat.Commands;

/// <summary>Sliding one-minute window of questions per user; protects the back ends from one busy user.</summary>
public sealed class UserRateLimiter(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one question; when over the limit returns false and how long until the next is allowed.</summary>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd(userKey, _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && now - window.Peek() >= Window)
            {
                window.Dequeue();
            }

            if (window.Count >= perMinute)
            {
                retryAfter = window.Peek() + Window - now;
                return false;
            }

            window.Enqueue(now);
            retryAfter = TimeSpan.Zero;
        }

        if (_windows.Count > 10_000)
        {
            Prune(now);
        }

        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                if (window.Count == 0 || now - window.Last() >= Window)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }
}
