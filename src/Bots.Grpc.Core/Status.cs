using System.Diagnostics;

namespace Grpc.Core;

/// <summary>The outcome of a call: a status code and an optional human-readable detail.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Status : IEquatable<Status>
{
    private readonly string? _detail;

    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");
    public static readonly Status DefaultCancelled = new(StatusCode.Cancelled, "");

    public Status(StatusCode statusCode, string detail)
        : this(statusCode, detail, null)
    {
    }

    public Status(StatusCode statusCode, string detail, Exception? debugException)
    {
        StatusCode = statusCode;
        _detail = detail ?? "";
        DebugException = debugException;
    }

    public StatusCode StatusCode { get; }

    /// <summary>The detail message; never null, also for default(Status).</summary>
    public string Detail => _detail ?? "";

    /// <summary>Local diagnostic only: never sent over the wire.</summary>
    public Exception? DebugException { get; }

    public override string ToString()
    {
        var text = $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\"";
        return DebugException is null
            ? text + ")"
            : text + $", DebugException=\"{DebugException.GetType()}: {DebugException.Message}\")";
    }

    public bool Equals(Status other) => StatusCode == other.StatusCode && Detail == other.Detail;

    public override bool Equals(object? obj) => obj is Status other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(StatusCode, Detail);

    public static bool operator ==(Status left, Status right) => left.Equals(right);

    public static bool operator !=(Status left, Status right) => !left.Equals(right);
}
