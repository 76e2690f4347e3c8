namespace Bots.ArticleStore.Storage;

/// <summary>
/// Where the one SQLite writer's time went since the repository opened (milliseconds): CPU inside write
/// transactions, the wall time holding the write lock (which includes <paramref name="CatchUpMilliseconds"/>,
/// waiting for the checkpoint so the WAL can start over, and the commit's writes), and the callers' wait for
/// the WAL sync after the lock was released. The import benchmark prints these per article.
/// </summary>
public sealed record WriterStatistics(long Transactions, long Articles, double CpuMilliseconds, double LockedMilliseconds, double CatchUpMilliseconds, double DurableWaitMilliseconds)
{
    /// <summary>How the CPU inside write transactions divides between the steps of storing an article.</summary>
    public WriterPhases Phases { get; init; } = new();
}

/// <summary>
/// Writer CPU by step (milliseconds): finding an identical or same-story article, writing the article's rows (article,
/// fingerprint, duplicate keys), suggest terms and the version, indexing the passages (FTS5), and the commit.
/// </summary>
public sealed record WriterPhases(double Lookup = 0, double Rows = 0, double Suggest = 0, double Index = 0, double Commit = 0)
{
    public static WriterPhases operator +(WriterPhases a, WriterPhases b) =>
        new(a.Lookup + b.Lookup, a.Rows + b.Rows, a.Suggest + b.Suggest, a.Index + b.Index, a.Commit + b.Commit);
}

/// <summary>The calling thread's CPU time since the previous lap, to split one stretch of work into steps.</summary>
internal sealed class CpuLaps
{
    private double last = ThreadCpuClock.Milliseconds();

    public double Lap()
    {
        var now = ThreadCpuClock.Milliseconds();
        var elapsed = now - last;
        last = now;
        return elapsed;
    }
}
