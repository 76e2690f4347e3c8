using System.Diagnostics;
using Xunit;

namespace Bots.Testing;

/// <summary>Waiting for something another process or thread makes true, failing the test when it does not.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="timeout"/> (10 s unless given).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"the condition did not come true within {limit.TotalSeconds:0.#} s");
            await Task.Delay(10);
        }
    }
}
