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
    public void Open_CorruptFile_NamesTheFile()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "updates.json");
        File.WriteAllText(path, "{not json");

        var error = Assert.Throws<InvalidDataException>(() => UpdateLedger.Open(path));

        Assert.Contains(path, error.Message);
    }
}
