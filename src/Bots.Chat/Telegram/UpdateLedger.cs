using System.Text.Json;

namespace Bots.Chat.Telegram;

/// <summary>Which updates have been answered, kept on disk so that a restart neither answers an update twice
/// nor skips one. Updates are handled concurrently, so besides the watermark (everything at or below it is
/// done) it remembers the finished ones above it until the watermark catches up.
/// <para>Polled updates are journaled on receipt (<see cref="Receive"/>) and confirmed to Telegram by the next
/// getUpdates at once, not when answered: while any update stayed unconfirmed Telegram would return it again
/// immediately, so a long poll could never wait for new messages and the bot would have to poll on a timer.
/// The journal is what keeps a received but unanswered update safe across a restart instead.</para></summary>
public sealed class UpdateLedger
{
    private readonly object _gate = new();
    private readonly string? _path;
    private readonly SortedSet<long> _inFlight = [];
    private readonly SortedSet<long> _doneAbove = [];
    private readonly SortedDictionary<long, Update> _received = [];
    private long _watermark;
    private long _highestReceived;

    private UpdateLedger(string? path, long watermark, IEnumerable<long> doneAbove, long highestReceived, IEnumerable<Update> received)
    {
        _path = path;
        _watermark = watermark;
        _doneAbove.UnionWith(doneAbove.Where(id => id > watermark));
        _highestReceived = highestReceived;
        foreach (var update in received.Where(u => u.UpdateId > watermark && !_doneAbove.Contains(u.UpdateId)))
        {
            _received[update.UpdateId] = update;
        }
    }

    /// <summary>The offset for getUpdates: confirms everything answered or journaled.</summary>
    public long NextOffset
    {
        get
        {
            lock (_gate)
            {
                return Math.Max(_watermark, _highestReceived) + 1;
            }
        }
    }

    /// <summary>Updates received but not answered yet (journaled, in hand or waiting).</summary>
    public int Unanswered
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>A ledger that lives only in memory (no data directory).</summary>
    public static UpdateLedger InMemory() => new(null, 0, [], 0, []);

    public static UpdateLedger Open(string path)
    {
        if (!File.Exists(path))
        {
            return new UpdateLedger(path, 0, [], 0, []);
        }

        try
        {
            var state = JsonSerializer.Deserialize<State>(File.ReadAllText(path), TelegramJson.Options)
                ?? throw new InvalidDataException("empty file");
            return new UpdateLedger(path, state.LastUpdateId, state.HandledAbove ?? [], state.HighestReceived, state.Received ?? []);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException(
                $"The Telegram offset file {path} is unreadable ({e.Message}). Delete it to start from Telegram's pending updates.", e);
        }
    }

    /// <summary>Journals a getUpdates batch (durably, before the next getUpdates confirms it) and returns the
    /// updates in it not received before, in update_id order.</summary>
    public IReadOnlyList<Update> Receive(IEnumerable<Update> updates)
    {
        lock (_gate)
        {
            var fresh = updates
                .Where(u => u.UpdateId > _watermark && !_doneAbove.Contains(u.UpdateId) && !_received.ContainsKey(u.UpdateId))
                .DistinctBy(u => u.UpdateId)
                .OrderBy(u => u.UpdateId)
                .ToList();
            foreach (var update in fresh)
            {
                _received[update.UpdateId] = update;
                _highestReceived = Math.Max(_highestReceived, update.UpdateId);
            }

            if (fresh.Count > 0)
            {
                Save();
            }

            return fresh;
        }
    }

    /// <summary>Journaled updates not answered yet, e.g. after a restart, in update_id order.</summary>
    public IReadOnlyList<Update> Unfinished()
    {
        lock (_gate)
        {
            return [.. _received.Values];
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
            _received.Remove(updateId);
            _doneAbove.Add(updateId);
            var limit = Math.Min(_inFlight.Count == 0 ? long.MaxValue : _inFlight.Min, _received.Count == 0 ? long.MaxValue : _received.Keys.First());
            while (_doneAbove.Count > 0 && _doneAbove.Min < limit)
            {
                _watermark = Math.Max(_watermark, _doneAbove.Min);
                _doneAbove.Remove(_doneAbove.Min);
            }

            Save();
        }
    }

    /// <summary>Gives up a claim without handling, so the update is offered again (e.g. on shutdown); a journaled
    /// update stays journaled and is handled after the restart.</summary>
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
        File.WriteAllText(
            temporary,
            JsonSerializer.Serialize(new State(_watermark, [.. _doneAbove], _highestReceived, [.. _received.Values]), TelegramJson.Options));
        File.Move(temporary, _path, overwrite: true);
    }

    private sealed record State(long LastUpdateId, List<long>? HandledAbove, long HighestReceived = 0, List<Update>? Received = null);
}
