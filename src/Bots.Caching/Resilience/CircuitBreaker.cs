using Microsoft.Extensions.Logging;

namespace Bots.Caching.Resilience;

public enum CircuitState
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>Calls are skipped until the break is over.</summary>
    Open,

    /// <summary>One probe call is under way; the rest are still skipped.</summary>
    HalfOpen,
}

/// <summary>
/// Skips a failing dependency instead of making every request wait for it: after <c>failureThreshold</c>
/// consecutive failures it opens for a break, then lets one probe through; success closes it, failure opens it
/// again for twice as long (up to a maximum). It logs one warning when it opens and one information line when it
/// closes, so an outage costs two log lines however many requests it touches.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly object _gate = new();
    private readonly string _dependency;
    private readonly int _failureThreshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeSpan _maxBreakDuration;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private volatile CircuitState _state = CircuitState.Closed;
    private int _consecutiveFailures;
    private TimeSpan _currentBreak;
    private DateTimeOffset _openUntil;
    private DateTimeOffset _openedAt;
    private DateTimeOffset _probeStartedAt;

    public CircuitBreaker(string dependency, int failureThreshold, TimeSpan breakDuration, TimeSpan maxBreakDuration, ILogger logger, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(breakDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBreakDuration, breakDuration);
        _dependency = dependency;
        _failureThreshold = failureThreshold;
        _breakDuration = breakDuration;
        _maxBreakDuration = maxBreakDuration;
        _currentBreak = breakDuration;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>True when the call may go ahead (always when closed; as the single probe when a break is over).</summary>
    public bool TryAcquire()
    {
        // Closed is the common case: a volatile read, no lock.
        if (_state == CircuitState.Closed)
        {
            return true;
        }
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open when now >= _openUntil:
                // A probe that never reported back (its caller vanished) must not keep the circuit shut forever.
                case CircuitState.HalfOpen when now - _probeStartedAt >= _currentBreak:
                    _state = CircuitState.HalfOpen;
                    _probeStartedAt = now;
                    return true;
                default:
                    return false;
            }
        }
    }

    public void RecordSuccess()
    {
        if (_state == CircuitState.Closed && Volatile.Read(ref _consecutiveFailures) == 0)
        {
            return;
        }
        lock (_gate)
        {
            _consecutiveFailures = 0;
            if (_state == CircuitState.Closed)
            {
                return;
            }
            var downtime = _time.GetUtcNow() - _openedAt;
            _state = CircuitState.Closed;
            _currentBreak = _breakDuration;
            _logger.LogInformation("{Dependency} is available again after {Downtime:0.0} s; resuming its use", _dependency, downtime.TotalSeconds);
        }
    }

    public void RecordFailure(Exception exception)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            switch (_state)
            {
                case CircuitState.Closed:
                    if (++_consecutiveFailures < _failureThreshold)
                    {
                        return;
                    }
                    _state = CircuitState.Open;
                    _openedAt = now;
                    _currentBreak = _breakDuration;
                    _openUntil = now + _currentBreak;
                    _logger.LogWarning(
                        "{Dependency} is unavailable after {Failures} failures in a row ({Reason}); going on without it, first retry in {Break:0.#} s",
                        _dependency, _consecutiveFailures, exception.Message, _currentBreak.TotalSeconds);
                    return;
                case CircuitState.HalfOpen:
                    _state = CircuitState.Open;
                    _currentBreak = TimeSpan.FromTicks(Math.Min(_currentBreak.Ticks * 2, _maxBreakDuration.Ticks));
                    _openUntil = now + _currentBreak;
                    return;
                default:
                    // Late failures of calls started before the circuit opened change nothing.
                    return;
            }
        }
    }

    /// <summary>The call was abandoned by its caller: neither success nor failure, but a probe slot to give back.</summary>
    public void RecordAbandoned()
    {
        lock (_gate)
        {
            if (_state == CircuitState.HalfOpen)
            {
                _state = CircuitState.Open;
                _openUntil = _time.GetUtcNow();
            }
        }
    }
}
