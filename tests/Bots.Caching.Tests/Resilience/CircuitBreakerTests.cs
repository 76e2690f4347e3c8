using Bots.Caching.Resilience;
using Microsoft.Extensions.Logging;

namespace Bots.Caching.Tests.Resilience;

public class CircuitBreakerTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests()
    {
        _breaker = new CircuitBreaker("Redis", 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), _logs.CreateLogger("test"), _time);
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(_breaker.TryAcquire());
            _breaker.RecordFailure(new TimeoutException("slow"));
        }
    }

    [Fact]
    public void Failures_BelowTheThreshold_KeepItClosed()
    {
        Fail(2);
        _breaker.RecordSuccess();
        Fail(2);

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Failures_AtTheThreshold_OpenItAndLogOneWarning()
    {
        Fail(3);

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryAcquire());
        var warning = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("slow", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BreakOver_LetsExactlyOneProbeThrough()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(_breaker.TryAcquire());
        Assert.False(_breaker.TryAcquire());
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
    }

    [Fact]
    public void ProbeSucceeds_ClosesItAndLogsOneInformationLine()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(2));
        _breaker.TryAcquire();

        _breaker.RecordSuccess();

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.True(_breaker.TryAcquire());
        Assert.Equal([LogLevel.Warning, LogLevel.Information], _logs.Entries.Select(e => e.Level));
    }

    [Fact]
    public void ProbeFails_ReopensForTwiceAsLongUpToTheMaximum_WithoutMoreLogLines()
    {
        Fail(3);
        var breaks = new List<TimeSpan>();
        for (var round = 0; round < 4; round++)
        {
            var waited = TimeSpan.Zero;
            while (!_breaker.TryAcquire())
            {
                _time.Advance(TimeSpan.FromMilliseconds(500));
                waited += TimeSpan.FromMilliseconds(500);
            }
            breaks.Add(waited);
            _breaker.RecordFailure(new IOException("down"));
        }

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)], breaks);
        Assert.Single(_logs.Entries);
    }

    [Fact]
    public void ProbeAbandoned_AnotherProbeMayGoAtOnce()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(2));
        _breaker.TryAcquire();

        _breaker.RecordAbandoned();

        Assert.True(_breaker.TryAcquire());
    }

    [Fact]
    public void ProbeNeverReports_IsReplacedAfterABreak()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(2));
        _breaker.TryAcquire();

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(_breaker.TryAcquire());
    }

    [Fact]
    public void LateFailuresWhileOpen_DoNotExtendTheBreak()
    {
        Fail(3);
        _time.Advance(TimeSpan.FromSeconds(1));
        _breaker.RecordFailure(new IOException("late"));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(_breaker.TryAcquire());
    }
}
