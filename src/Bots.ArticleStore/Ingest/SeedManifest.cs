using System.Text.Json;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// Optional manifest.json beside article files: per file name, what the text itself does not say
/// (title, source, url, published). Values given here win over what cleaning extracts.
/// </summary>
public sealed class SeedManifest
{
    public const string FileName = "manifest.json";

    private readonly Dictionary<string, ManifestEntry> entries;

    private SeedManifest(Dictionary<string, ManifestEntry> entries) => this.entries = entries;

    public static SeedManifest Empty { get; } = new(new Dictionary<string, ManifestEntry>(StringComparer.OrdinalIgnoreCase));

    public int Count => entries.Count;

    /// <summary>Reads manifest.json in <paramref name="folder"/>; no file means an empty manifest, a broken one is an error naming the file.</summary>
    public static SeedManifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }
        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, ManifestEntry>>(File.ReadAllText(path), new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            return new SeedManifest(new Dictionary<string, ManifestEntry>(parsed ?? [], StringComparer.OrdinalIgnoreCase));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid manifest: {e.Message}", e);
        }
    }

    public ArticleInput Apply(string fileName, ArticleInput input)
    {
        if (!entries.TryGetValue(fileName, out var entry))
        {
            return input;
        }
        return input with
        {
            Title = Pick(entry.Title, input.Title),
            Source = Pick(entry.Source, input.Source),
            Url = Pick(entry.Url, input.Url),
            Published = Pick(entry.Published, input.Published),
        };
    }

    private static string Pick(string? manifest, string extracted) => string.IsNullOrWhiteSpace(manifest) ? extracted : manifest.Trim();

    /// <summary>One file's known metadata.</summary>
    public sealed record ManifestEntry(string? Title, string? Source, string? Url, string? Published);
}
