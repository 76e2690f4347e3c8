using Bots.ArticleStore.Storage;

namespace Bots.ArticleStore.Tests.Storage;

public sealed class SqliteArticleRepositoryTests : ArticleStoreBehaviour, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bots-store-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabasePath => Path.Combine(folder, "articles.db");

    protected override async Task<IArticleRepository?> CreateAsync()
    {
        var repository = new SqliteArticleRepository(DatabasePath);
        await repository.InitializeAsync(CancellationToken.None);
        return repository;
    }

    protected override async Task<IArticleRepository> ReopenAsync() => (await CreateAsync())!;

    [Fact]
    public async Task Initialize_UsesWriteAheadLogging()
    {
        await using var repository = (SqliteArticleRepository)(await CreateAsync())!;

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={repository.DatabasePath}");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
