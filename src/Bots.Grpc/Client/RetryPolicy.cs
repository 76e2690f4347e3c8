using Grpc.Core;

namespace Grpc.Net.Client.Configuration;

/// <summary>
/// Retry of unary calls (gRFC A6): exponential back-off with full jitter, only for calls whose
/// response has not started, and never past the deadline.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public double BackoffMultiplier { get; set; } = 2;

    public IList<StatusCode> RetryableStatusCodes { get; set; } = [StatusCode.Unavailable];

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentException("RetryPolicy.MaxAttempts must be at least 1.");
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff || BackoffMultiplier < 1)
        {
            throw new ArgumentException("RetryPolicy needs InitialBackoff > 0, MaxBackoff >= InitialBackoff and BackoffMultiplier >= 1.");
        }
    }
}
