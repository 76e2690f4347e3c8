namespace Grpc.Core;

/// <summary>Options for one client call: headers, deadline, cancellation and write options.</summary>
public readonly struct CallOptions
{
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default, WriteOptions? writeOptions = null)
        : this(headers, deadline, cancellationToken, writeOptions, waitForReady: false)
    {
    }

    private CallOptions(Metadata? headers, DateTime? deadline, CancellationToken cancellationToken, WriteOptions? writeOptions, bool waitForReady)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
        IsWaitForReady = waitForReady;
    }

    public Metadata? Headers { get; }

    /// <summary>When the call must be done by; converted to UTC on the wire. Null means none.</summary>
    public DateTime? Deadline { get; }

    public CancellationToken CancellationToken { get; }

    public WriteOptions? WriteOptions { get; }

    public bool IsWaitForReady { get; }

    public CallOptions WithHeaders(Metadata? headers) => new(headers, Deadline, CancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithWriteOptions(WriteOptions? writeOptions) => new(Headers, Deadline, CancellationToken, writeOptions, IsWaitForReady);

    public CallOptions WithWaitForReady(bool waitForReady = true) => new(Headers, Deadline, CancellationToken, WriteOptions, waitForReady);
}
