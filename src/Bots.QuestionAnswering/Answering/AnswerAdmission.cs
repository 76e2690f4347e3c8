using System.Threading.RateLimiting;

namespace Bots.QuestionAnswering.Answering;

/// <summary>
/// Lets a bounded number of questions be answered at once and queues the rest. Without it an overload starts every
/// question together; they all slow down, run into their deadlines, and throughput collapses. With it the service
/// keeps answering at its capacity and the excess waits (within each ask's timeout).
/// <para>
/// The newest waiting question gets the next turn (adaptive LIFO, as large RPC services queue under overload). A
/// queue only forms when questions arrive faster than they are answered; first-come-first-served would then start
/// each one just as its deadline nears, so nearly every answer would be late and all that work wasted. Newest-first
/// answers as many as capacity allows in time, and those left waiting time out without costing any work.
/// </para>
/// </summary>
public sealed class AnswerAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _queueLimit;

    public AnswerAdmission(int maxConcurrent, int maxQueued)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        MaxConcurrent = maxConcurrent;
        _queueLimit = maxQueued;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrent,
            QueueLimit = maxQueued,
            QueueProcessingOrder = QueueProcessingOrder.NewestFirst,
        });
    }

    public int MaxConcurrent { get; }

    /// <summary>Questions waiting for a turn now.</summary>
    public long Waiting => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Waits for a turn; dispose the result when the answer is done.</summary>
    /// <exception cref="AnswerQueueFullException">
    /// So many questions are waiting that this one, the oldest of them, gives up its place to a newer one.
    /// </exception>
    public async ValueTask<IDisposable> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new AnswerQueueFullException($"The question-answering service is at capacity ({MaxConcurrent} answering, {_queueLimit} waiting); try again shortly.");
        }
        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>An ask refused because the admission queue is full.</summary>
public sealed class AnswerQueueFullException(string message) : Exception(message);
