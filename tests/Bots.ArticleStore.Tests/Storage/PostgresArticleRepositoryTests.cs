using Bots.ArticleStore.Storage;
using Bots.Testing;
using Npgsql;

namespace Bots.ArticleStore.Tests.Storage;

/// <summary>One real PostgreSQL server for the class; every test gets its own database.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public PostgresServer? Server { get; private set; }

    public async Task InitializeAsync() => Server = await PostgresServer.StartOrSkipAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await Server.DisposeAsync();
        }
    }
}

public sealed class PostgresArticleRepositoryTests(PostgresServerFixture fixture) : ArticleStoreBehaviour, IClassFixture<PostgresServerFixture>
{
    private string? connectionString;

    protected override async Task<IArticleRepository?> CreateAsync()
    {
        if (fixture.Server is null)
        {
            return null;
        }
        var database = "t" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(fixture.Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        connectionString = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { Database = database }.ConnectionString;
        return await ReopenAsync();
    }

    protected override async Task<IArticleRepository> ReopenAsync()
    {
        var repository = new PostgresArticleRepository(connectionString!);
        await repository.InitializeAsync(CancellationToken.None);
        return repository;
    }
}
