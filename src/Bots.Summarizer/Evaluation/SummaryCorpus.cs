namespace Bots.Summarizer.Evaluation;

/// <summary>An article with a reference extractive summary: the first line of the file is its title.</summary>
public sealed record ReferenceArticle(string Category, string Name, string Title, string Body, string Reference);

/// <summary>
/// Reads a corpus laid out as the BBC News Summary set: article/CATEGORY/NNN.txt and summary/CATEGORY/NNN.txt.
/// </summary>
public static class SummaryCorpus
{
    public static IReadOnlyList<ReferenceArticle> Load(string directory)
    {
        var articles = Path.Combine(directory, "article");
        var summaries = Path.Combine(directory, "summary");
        if (!Directory.Exists(articles) || !Directory.Exists(summaries))
        {
            throw new DirectoryNotFoundException($"expected {articles} and {summaries} (the BBC News Summary layout)");
        }

        var result = new List<ReferenceArticle>();
        foreach (var categoryDirectory in Directory.GetDirectories(articles).Order(StringComparer.Ordinal))
        {
            var category = Path.GetFileName(categoryDirectory);
            foreach (var file in Directory.GetFiles(categoryDirectory, "*.txt").Order(StringComparer.Ordinal))
            {
                var referenceFile = Path.Combine(summaries, category, Path.GetFileName(file));
                if (!File.Exists(referenceFile))
                {
                    continue;
                }
                var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
                var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
                var title = (firstBreak < 0 ? text : text[..firstBreak]).Trim();
                var body = firstBreak < 0 ? "" : text[(firstBreak + 1)..].Trim();
                result.Add(new ReferenceArticle(category, Path.GetFileNameWithoutExtension(file), title, body, File.ReadAllText(referenceFile).Trim()));
            }
        }
        return result;
    }
}
