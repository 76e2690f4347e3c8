using System.Collections.Concurrent;
using Bots.ArticleStore.Search;
using Microsoft.Data.Sqlite;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// Open read connections, each with the search statements prepared, lent to one search at a time. A search used to open
/// a pooled connection, set its pragmas and prepare five statements before its first query; now it borrows all of that.
/// At most <see cref="MaxIdle"/> wait between searches; a burst beyond them opens more and closes them afterwards.
/// </summary>
internal sealed class SqliteSearchSessions(Func<SqliteConnection> open) : IDisposable
{
    public const int MaxIdle = 16;

    private readonly ConcurrentBag<Session> _idle = [];
    private int _idleCount;
    private bool _disposed;

    /// <summary>Runs <paramref name="search"/> on an idle session; one that failed is closed rather than lent again.</summary>
    public T Run<T>(Func<Session, T> search)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        Session? session = null;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            session = idle;
        }
        session ??= new Session(open());
        T result;
        try
        {
            result = search(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        Return(session);
        return result;
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private void Return(Session session)
    {
        if (Volatile.Read(ref _disposed) || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }
        _idle.Add(session);
        if (Volatile.Read(ref _disposed) && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    /// <summary>One open connection and the statements a search runs on it.</summary>
    internal sealed class Session : IDisposable
    {
        public Session(SqliteConnection connection)
        {
            Connection = connection;

            Fts5 = new Fts5Statements(connection);
            Version = Fts5Statements.Make(connection, "SELECT value FROM meta WHERE key = 'version'");
            Details = Fts5Statements.Make(connection, Fts5Sql.PassageDetails, "$rowids");
        }

        public SqliteConnection Connection { get; }

        public Fts5Statements Fts5 { get; }

        public SqliteCommand Version { get; }

        public SqliteCommand Details { get; }

        public void Dispose()
        {
            Fts5.Dispose();
            Version.Dispose();
            Details.Dispose();
            Connection.Dispose();
        }
    }
}
