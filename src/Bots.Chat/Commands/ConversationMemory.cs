using System.Collections.Concurrent;

namespace Bots.Chat.Commands;

/// <summary>Each user's last answered question, so a follow-up ("and where did they meet?") can be resolved.
/// Kept in memory for a few minutes only: a follow-up after that is a new conversation.</summary>
public sealed class ConversationMemory(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int MaxUsers = 10_000;
    private readonly ConcurrentDictionary<string, Exchange> _last = new(StringComparer.Ordinal);

    public void Remember(string userKey, string question, string answer)
    {
        if (_last.Count >= MaxUsers)
        {
            var now = time.GetUtcNow();
            foreach (var (key, exchange) in _last)
            {
                if (now - exchange.At >= Lifetime)
                {
                    _last.TryRemove(key, out _);
                }
            }
        }

        _last[userKey] = new Exchange(question, answer, time.GetUtcNow());
    }

    public (string Question, string Answer)? Recall(string userKey)
    {
        if (_last.TryGetValue(userKey, out var exchange) && time.GetUtcNow() - exchange.At < Lifetime)
        {
            return (exchange.Question, exchange.Answer);
        }

        return null;
    }

    private sealed record Exchange(string Question, string Answer, DateTimeOffset At);
}
