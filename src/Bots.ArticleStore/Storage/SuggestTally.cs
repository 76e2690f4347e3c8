using System.Text.Json;

namespace Bots.ArticleStore.Storage;

/// <summary>
/// The suggest terms of a batch of new articles, counted per key: one row change per distinct term
/// instead of one per article and term. A key's display is the first spelling seen, as when the
/// articles were added one at a time.
/// </summary>
internal sealed class SuggestTally
{
    private readonly Dictionary<string, (string Display, int Weight)> terms = new(StringComparer.Ordinal);

    /// <summary>How many articles were added.</summary>
    public int Articles { get; private set; }

    public void Add(IEnumerable<string> articleTerms)
    {
        Articles++;
        foreach (var term in articleTerms)
        {
            var key = PassageIds.SuggestKey(term);
            terms[key] = terms.TryGetValue(key, out var known) ? (known.Display, known.Weight + 1) : (term, 1);
        }
    }

    /// <summary>[[key, display, weight], ...] in key order, so the upsert walks the index front to back.</summary>
    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (key, (display, weight)) in terms.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray();
                writer.WriteStringValue(key);
                writer.WriteStringValue(display);
                writer.WriteNumberValue(weight);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
