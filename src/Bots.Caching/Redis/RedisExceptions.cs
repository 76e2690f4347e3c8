namespace Bots.Caching.Redis;

/// <summary>Base of every failure the Redis client reports.</summary>
public class RedisException : Exception
{
    public RedisException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The server answered with an error reply (e.g. WRONGTYPE, NOSCRIPT, ERR unknown command).</summary>
public sealed class RedisServerException : RedisException
{
    public RedisServerException(string message)
        : base(message)
    {
    }

    /// <summary>The first word of the error, e.g. "WRONGTYPE" or "ERR".</summary>
    public string Prefix => Message.Split(' ', 2)[0];
}

/// <summary>Why a connection could not be used.</summary>
public enum ConnectionFailureType
{
    UnableToConnect,
    AuthenticationFailure,
    SocketClosed,
    ProtocolFailure,
    ConnectionDisposed,
}

/// <summary>No connection to the server was available, or it was lost while the command was in flight.</summary>
public sealed class RedisConnectionException : RedisException
{
    public RedisConnectionException(ConnectionFailureType failureType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FailureType = failureType;
    }

    public ConnectionFailureType FailureType { get; }
}

/// <summary>The server did not answer within the configured timeout.</summary>
public sealed class RedisTimeoutException : TimeoutException
{
    public RedisTimeoutException(string message)
        : base(message)
    {
    }
}
