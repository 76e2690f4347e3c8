using System.Text;

namespace Bots.Caching.Redis.Internal;

/// <summary>A command on its way to the server, completed by the reply that answers it.</summary>
internal sealed class PendingCommand : TaskCompletionSource<RedisResult>
{
    public PendingCommand(byte[] name, RedisValue[] args, int database, bool isInternalSelect = false)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Name = name;
        Args = args;
        Database = database;
        IsInternalSelect = isInternalSelect;
    }

    public byte[] Name { get; }

    public RedisValue[] Args { get; }

    /// <summary>The database the command must run in, or -1 for any (connection-level commands).</summary>
    public int Database { get; }

    /// <summary>A SELECT the writer slipped in to change database; its failure dooms the connection.</summary>
    public bool IsInternalSelect { get; }

    /// <summary>When the writer put it on the wire (Stopwatch ticks), to tell a dead socket from a quiet one.</summary>
    public long WrittenAt { get; set; }

    public string NameText => Encoding.ASCII.GetString(Name);
}
