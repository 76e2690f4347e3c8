using System.Text.Json;

namespace Bots.Chat.Telegram;

/// <summary>Which updates have been answered, kept on disk so that a restart neither answers an update twice
/// nor skips one. Updates are handled concurrently, so besides the watermark (everything at or below it is
/// done) it remembers the finished ones above it until the watermark catches up.</summary>
public sealed class UpdateLedger
{
    private readonly object _gate = new();
    private readonly string? _path;
    private readonly SortedSet<long> _inFlight = [];
    private readonly SortedSet<long> _doneAbove = [];
    private long _watermark;

    private UpdateLedger(string? path, long watermark, IEnumerable<long> doneAbove)
    {
        _path = path;
        _watermark = watermark;
        _doneAbove.UnionWith(doneAbove.Where(id => id > watermark));
    }

    /// <summary>The offset for getUpdates: confirms everything at or below the watermark.</summary>
    public long NextOffset
    {
        get
        {
            lock (_gate)
            {
                return _watermark + 1;
            }
        }
    }

    /// <summary>A ledger that lives only in memory (no data directory).</summary>
    public static UpdateLedger InMemory() => new(null, 0, []);

    public static UpdateLedger Open(string path)
    {
        if (!File.Exists(path))
        {
            return new UpdateLedger(path, 0, []);
        }

        try
        {
            var state = JsonSerializer.Deserialize<State>(File.ReadAllText(path), TelegramJson.Options)
                ?? throw new InvalidDataException("empty file");
            return new UpdateLedger(path, state.LastUpdateId, state.HandledAbove ?? []);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException(
                $"The Telegram offset file {path} is unreadable ({e.Message}). Delete it to start from Telegram's pending updates.", e);
        }
    }

    /// <summary>Claims an update for handling; false when it was handled already or is being handled.</summary>
    public bool TryBegin(long updateId)
    {
        lock (_gate)
        {
            if (updateId <= _watermark || _doneAbove.Contains(updateId) || _inFlight.Contains(updateId))
            {
                return false;
            }

            _inFlight.Add(updateId);
            return true;
        }
    }

    /// <summary>Records an update as answered (or deliberately ignored) and persists the ledger.</summary>
    public void Complete(long updateId)
    {
        lock (_gate)
        {
            _inFlight.Remove(updateId);
            _doneAbove.Add(updateId);
            var limit = _inFlight.Count == 0 ? long.MaxValue : _inFlight.Min;
            while (_doneAbove.Count > 0 && _doneAbove.Min < limit)
            {
                _watermark = Math.Max(_watermark, _doneAbove.Min);
                _doneAbove.Remove(_doneAbove.Min);
            }

            Save();
        }
    }

    /// <summary>Gives up a claim without handling, so the update is offered again (e.g. on shutdown).</summary>
    public void Abandon(long updateId)
    {
        lock (_gate)
        {
            _inFlight.Remove(updateId);
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new State(_watermark, [.. _doneAbove]), TelegramJson.Options));
        File.Move(temporary, _path, overwrite: true);
    }

    private sealed record State(long LastUpdateId, List<long>? HandledAbove);
}
