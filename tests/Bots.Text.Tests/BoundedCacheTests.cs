using Bots.Text;

namespace Bots.Text.Tests;

public sealed class BoundedCacheTests
{
    [Fact]
    public void GetOrAdd_MakesAValueOnce()
    {
        var cache = new BoundedCache<string, int>(10);
        var made = 0;

        cache.GetOrAdd("harbour", _ => ++made);
        var again = cache.GetOrAdd("harbour", _ => ++made);

        Assert.Equal(1, again);
        Assert.Equal(1, made);
    }

    [Fact]
    public void Set_PastTheCapacity_StartsOverWithTheNewEntry()
    {
        var cache = new BoundedCache<string, string>(capacity: 10);
        cache.Set("first", "a", weight: 6);
        cache.Set("second", "b", weight: 3);

        cache.Set("third", "c", weight: 4);

        Assert.False(cache.TryGetValue("first", out _));
        Assert.False(cache.TryGetValue("second", out _));
        Assert.True(cache.TryGetValue("third", out var third));
        Assert.Equal("c", third);
    }
}
