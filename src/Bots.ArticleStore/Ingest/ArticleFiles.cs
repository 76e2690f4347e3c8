using Bots.Text;

namespace Bots.ArticleStore.Ingest;

/// <summary>
/// Reads article files for import: plain text (.txt, .md, anything else), HTML (.html, .htm) and
/// JSON/JSONL records. Paths may be files, folders (read recursively) or globs ("seeds/*.txt",
/// "feeds/**/*.jsonl"). A manifest.json in a file's folder adds what the text does not say.
/// </summary>
public static class ArticleFiles
{
    private static readonly string[] ArticleExtensions = [".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".ndjson"];
    private const int DerivedTitleWords = 14;

    /// <summary>The files a list of paths names, in a stable order, or an error per path that names nothing.</summary>
    public static IEnumerable<(string? File, string? Error)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (Path.GetFullPath(path), null);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsArticleFile).Order(StringComparer.Ordinal))
                {
                    yield return (file, null);
                }
            }
            else if (path.IndexOfAny(['*', '?']) >= 0)
            {
                var matches = Glob(path).ToList();
                if (matches.Count == 0)
                {
                    yield return (null, $"{path}: no files match");
                }
                foreach (var file in matches)
                {
                    yield return (file, null);
                }
            }
            else
            {
                yield return (null, $"{path}: no such file or folder");
            }
        }
    }

    /// <summary>The articles in one file: one for text and HTML, one per record for JSON.</summary>
    public static IEnumerable<(ArticleInput? Input, string? Error)> Read(string file, SeedManifest? manifest = null)
    {
        string content;
        string? failure = null;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            content = "";
            failure = $"{file}: cannot read ({e.Message})";
        }
        if (failure is not null)
        {
            yield return (null, failure);
            yield break;
        }
        var name = Path.GetFileName(file);
        manifest ??= SeedManifest.Load(Path.GetDirectoryName(file) ?? ".");
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension is ".json" or ".jsonl" or ".ndjson")
        {
            foreach (var (input, error) in JsonArticleReader.Read(content, name))
            {
                yield return (input is null ? null : manifest.Apply(name, input), error);
            }
            yield break;
        }
        var format = extension is ".html" or ".htm" || HtmlExtractor.LooksLikeHtml(content) ? "html" : "text";
        var article = manifest.Apply(name, new ArticleInput("", content, Format: format) { Origin = name });
        yield return (WithTitle(article), null);
    }

    /// <summary>
    /// Files have no title field: the headline is read from the text, and a text without one (a
    /// bare rewrite, a transcript) is titled by its first sentence, shortened.
    /// </summary>
    private static ArticleInput WithTitle(ArticleInput input)
    {
        if (!string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Body))
        {
            return input;
        }
        var cleaned = input.Format == "html" ? HtmlExtractor.Extract(input.Body) : TextCleaner.Clean(input.Body);
        if (!string.IsNullOrWhiteSpace(cleaned.Title) || cleaned.Paragraphs.Count == 0)
        {
            return input;
        }
        var first = SentenceSplitter.Split(cleaned.Paragraphs[0]).FirstOrDefault().Text?.Trim() ?? cleaned.Paragraphs[0];
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var title = words.Length <= DerivedTitleWords ? first.TrimEnd('.') : string.Join(' ', words.Take(DerivedTitleWords)).TrimEnd(',', ';', ':') + "…";
        return input with { Title = title };
    }

    private static bool IsArticleFile(string file) =>
        ArticleExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()) && !Path.GetFileName(file).Equals(SeedManifest.FileName, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Glob(string pattern)
    {
        var full = Path.GetFullPath(pattern.Replace("**", "__ANY__", StringComparison.Ordinal)).Replace("__ANY__", "**", StringComparison.Ordinal);
        var firstWildcard = full.IndexOfAny(['*', '?']);
        var root = Path.GetDirectoryName(full[..(full.LastIndexOf(Path.DirectorySeparatorChar, firstWildcard) + 1)]) ?? ".";
        if (!Directory.Exists(root))
        {
            return [];
        }
        var regex = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(full).Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => regex.IsMatch(f) && !Path.GetFileName(f).Equals(SeedManifest.FileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }
}
