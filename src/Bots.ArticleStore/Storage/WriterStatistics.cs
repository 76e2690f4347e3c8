namespace Bots.ArticleStore.Storage;

/// <summary>
/// Where the one SQLite writer's time went since the repository opened (milliseconds): CPU inside write
/// transactions, the wall time holding the write lock (which includes <paramref name="CatchUpMilliseconds"/>,
/// waiting for the checkpoint so the WAL can start over, and the commit's writes), and the callers' wait for
/// the WAL sync after the lock was released. The import benchmark prints these per article.
/// </summary>
public sealed record WriterStatistics(long Transactions, long Articles, double CpuMilliseconds, double LockedMilliseconds, double CatchUpMilliseconds, double DurableWaitMilliseconds);
