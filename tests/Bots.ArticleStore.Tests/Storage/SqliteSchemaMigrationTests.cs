using System.Globalization;
using System.Text.Json;
using Bots.ArticleStore.Storage;
using Microsoft.Data.Sqlite;

namespace Bots.ArticleStore.Tests.Storage;

/// <summary>A data folder written by an older version opens, and every feature keeps working on it.</summary>
public sealed class SqliteSchemaMigrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bots-store-v1-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabasePath => Path.Combine(folder, "articles.db");

    [Fact]
    public async Task Open_ASchemaOneDatabase_KeepsItsArticlesSearchableAndItsStoriesLinkable()
    {
        var ids = WriteSchemaOneDatabase("004", "002");
        await using var repository = new SqliteArticleRepository(DatabasePath);
        await repository.InitializeAsync(CancellationToken.None);
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);

        var rewrite = await library.AddAsync(SeedArticles.Input("001"), CancellationToken.None);
        var hits = await library.SearchAsync("Novo-Ogaryovo", 10, "", "", "", CancellationToken.None);

        Assert.True(rewrite.Created);
        Assert.Equal(ids["004"], rewrite.DuplicateOf);
        Assert.Contains(hits, h => h.ArticleId == ids["002"]);
    }

    [Fact]
    public async Task Delete_InAMigratedDatabase_RemovesAnOldArticleAndPromotesTheNextOfItsStory()
    {
        var ids = WriteSchemaOneDatabase("004", "002");
        await using var repository = new SqliteArticleRepository(DatabasePath);
        await repository.InitializeAsync(CancellationToken.None);
        var library = new ArticleLibrary(repository, SeedArticles.Ingestor);
        var rewrite = await library.AddAsync(SeedArticles.Input("001"), CancellationToken.None);

        var deleted = await library.DeleteAsync(ids["004"], CancellationToken.None);

        Assert.True(deleted);
        Assert.Equal(0, (await library.GetAsync(rewrite.Id, CancellationToken.None))!.DuplicateOf);
        Assert.Equal(0, CountRows("SELECT count(*) FROM article_keys WHERE article_id = " + ids["004"]));
    }

    [Fact]
    public async Task Reopen_AMigratedDatabase_CopiesNothingTwice()
    {
        WriteSchemaOneDatabase("004", "002");
        await using (var first = new SqliteArticleRepository(DatabasePath))
        {
            await first.InitializeAsync(CancellationToken.None);
        }

        await using var second = new SqliteArticleRepository(DatabasePath);
        await second.InitializeAsync(CancellationToken.None);

        Assert.Equal(2, CountRows("SELECT count(*) FROM article_fingerprints"));
        Assert.Equal(2, CountRows("SELECT value FROM meta WHERE key = 'schema'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private long CountRows(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The schema and rows version 1 wrote: fingerprints in a column of articles, after the body.</summary>
    private Dictionary<string, long> WriteSchemaOneDatabase(params string[] prefixes)
    {
        Directory.CreateDirectory(folder);
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT INTO meta (key, value) VALUES ('schema', 1), ('version', 0), ('seeded', 1);
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                source TEXT NOT NULL,
                url TEXT NOT NULL,
                published TEXT NOT NULL,
                published_day TEXT NOT NULL,
                duplicate_of INTEGER NOT NULL,
                word_count INTEGER NOT NULL,
                passage_count INTEGER NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                fingerprint BLOB NOT NULL,
                added_at TEXT NOT NULL);
            CREATE INDEX articles_source ON articles (source, id);
            CREATE INDEX articles_day ON articles (published_day);
            CREATE INDEX articles_duplicates ON articles (duplicate_of) WHERE duplicate_of <> 0;
            CREATE VIRTUAL TABLE passage_fts USING fts5 (title, text, tokenize = 'porter unicode61 remove_diacritics 2');
            CREATE TABLE article_keys (hash INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (hash, article_id)) WITHOUT ROWID;
            CREATE TABLE suggest_terms (key TEXT PRIMARY KEY, display TEXT NOT NULL, weight INTEGER NOT NULL) WITHOUT ROWID;
            """);
        var ids = new Dictionary<string, long>();
        foreach (var prefix in prefixes)
        {
            var article = SeedArticles.Prepared(prefix);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO articles (title, body, source, url, published, published_day, duplicate_of, word_count, passage_count, content_hash, fingerprint, added_at)
                VALUES ($title, $body, $source, $url, $published, $day, 0, $words, $passages, $hash, $fingerprint, '2024-08-14T00:00:00Z') RETURNING id
                """;
            insert.Parameters.AddWithValue("$title", article.Title);
            insert.Parameters.AddWithValue("$body", article.Body);
            insert.Parameters.AddWithValue("$source", article.Source);
            insert.Parameters.AddWithValue("$url", article.Url);
            insert.Parameters.AddWithValue("$published", article.Published?.ToIso() ?? "");
            insert.Parameters.AddWithValue("$day", article.Published?.DayIso ?? "");
            insert.Parameters.AddWithValue("$words", article.WordCount);
            insert.Parameters.AddWithValue("$passages", article.Passages.Count);
            insert.Parameters.AddWithValue("$hash", article.ContentHash);
            insert.Parameters.AddWithValue("$fingerprint", article.Fingerprint.ToBytes());
            var id = (long)insert.ExecuteScalar()!;
            ids[prefix] = id;
            using var rows = connection.CreateCommand();
            rows.CommandText = """
                INSERT INTO passage_fts (rowid, title, text) SELECT $first + key, $title, value FROM json_each($passages);
                INSERT INTO article_keys (hash, article_id) SELECT value, $id FROM json_each($keys);
                """;
            rows.Parameters.AddWithValue("$first", PassageIds.First(id));
            rows.Parameters.AddWithValue("$title", article.Title);
            rows.Parameters.AddWithValue("$passages", JsonSerializer.Serialize(article.Passages));
            rows.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(article.Fingerprint.Keys.ToArray()));
            rows.Parameters.AddWithValue("$id", id);
            rows.ExecuteNonQuery();
        }
        return ids;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
