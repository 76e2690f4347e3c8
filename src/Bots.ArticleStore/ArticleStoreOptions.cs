namespace Bots.ArticleStore;

/// <summary>Article store settings, bound from the "Bots" configuration section.</summary>
public sealed class ArticleStoreOptions
{
    public const string Section = "Bots";

    /// <summary>Folder of the SQLite database (used when <see cref="Postgres"/> is empty).</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>PostgreSQL connection string; when set, PostgreSQL is the store.</summary>
    public string? Postgres { get; set; }

    /// <summary>Folder imported once, when the store is new.</summary>
    public string? SeedsDir { get; set; } = "./seeds";

    /// <summary>Largest accepted article body in UTF-8 bytes (2 MiB).</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Throws with the offending key named when a setting cannot work.</summary>
    public void Validate()
    {
        if (MaxBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            throw new InvalidOperationException($"Bots:MaxBodyBytes must be between 1024 and 67108864 bytes; it is {MaxBodyBytes}.");
        }
        if (string.IsNullOrWhiteSpace(Postgres) && string.IsNullOrWhiteSpace(DataDir))
        {
            throw new InvalidOperationException("Bots:DataDir must name a folder for the article database (or set Bots:Postgres).");
        }
        if (!string.IsNullOrWhiteSpace(Postgres))
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(Postgres);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"Bots:Postgres is not a valid PostgreSQL connection string: {e.Message}");
            }
        }
    }

    public string DatabasePath => Path.Combine(DataDir, "articles.db");
}
