using Bots.Chat.Telegram;
using Bots.Chat.Tests.Support;

namespace Bots.Chat.Tests.Telegram;

public class UpdateLedgerTests
{
    [Fact]
    public void Complete_PersistsSoAReopenedLedgerSkipsHandledUpdates()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "telegram", "updates-1.json");
        var ledger = UpdateLedger.Open(path);
        Assert.True(ledger.TryBegin(10));
        ledger.Complete(10);

        var reopened = UpdateLedger.Open(path);

        Assert.False(reopened.TryBegin(10));
        Assert.Equal(11, reopened.NextOffset);
        Assert.True(reopened.TryBegin(11));
    }

    [Fact]
    public void Watermark_WaitsForEarlierUpdatesStillInHand()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "updates.json");
        var ledger = UpdateLedger.Open(path);
        ledger.TryBegin(1);
        ledger.TryBegin(2);
        ledger.Complete(2);

        Assert.Equal(1, ledger.NextOffset);
        var reopened = UpdateLedger.Open(path);
        Assert.True(reopened.TryBegin(1));
        Assert.False(reopened.TryBegin(2));

        ledger.Complete(1);
        Assert.Equal(3, ledger.NextOffset);
    }

    [Fact]
    public void TryBegin_RefusesAnUpdateAlreadyInHand()
    {
        var ledger = UpdateLedger.InMemory();

        Assert.True(ledger.TryBegin(5));
        Assert.False(ledger.TryBegin(5));
    }

    [Fact]
    public void Abandon_OffersTheUpdateAgain()
    {
        var ledger = UpdateLedger.InMemory();
        ledger.TryBegin(5);

        ledger.Abandon(5);

        Assert.True(ledger.TryBegin(5));
    }

    [Fact]
    public void Receive_ConfirmsTheBatchAndJournalsItForARestart()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "updates.json");
        var ledger = UpdateLedger.Open(path);

        var fresh = ledger.Receive([Message(7, "second"), Message(6, "first")]);

        Assert.Equal([6L, 7L], fresh.Select(u => u.UpdateId));
        Assert.Equal(8, ledger.NextOffset);
        var reopened = UpdateLedger.Open(path);
        Assert.Equal(8, reopened.NextOffset);
        Assert.Equal(["first", "second"], reopened.Unfinished().Select(u => u.Message!.Text));
    }

    [Fact]
    public void Receive_SkipsUpdatesAlreadyReceivedOrAnswered()
    {
        var ledger = UpdateLedger.InMemory();
        ledger.Receive([Message(1, "a"), Message(2, "b")]);
        ledger.TryBegin(1);
        ledger.Complete(1);

        var fresh = ledger.Receive([Message(1, "a"), Message(2, "b"), Message(3, "c")]);

        Assert.Equal([3L], fresh.Select(u => u.UpdateId));
    }

    [Fact]
    public void Complete_DropsTheUpdateFromTheJournal()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "updates.json");
        var ledger = UpdateLedger.Open(path);
        ledger.Receive([Message(1, "a"), Message(2, "b")]);

        ledger.TryBegin(2);
        ledger.Complete(2);

        var reopened = UpdateLedger.Open(path);
        Assert.Equal([1L], reopened.Unfinished().Select(u => u.UpdateId));
        Assert.Equal(1, reopened.Unanswered);
        Assert.True(reopened.TryBegin(1));
        Assert.False(reopened.TryBegin(2));
    }

    [Fact]
    public void Open_CorruptFile_NamesTheFile()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "updates.json");
        File.WriteAllText(path, "{not json");

        var error = Assert.Throws<InvalidDataException>(() => UpdateLedger.Open(path));

        Assert.Contains(path, error.Message);
    }

    private static Update Message(long updateId, string text) => new()
    {
        UpdateId = updateId,
        Message = new Message { MessageId = updateId, Chat = new Bots.Chat.Telegram.Chat { Id = 42, Type = "private" }, Text = text },
    };
}
