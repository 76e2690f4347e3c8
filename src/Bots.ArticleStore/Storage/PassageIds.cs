namespace Bots.ArticleStore.Storage;

/// <summary>
/// A passage's id is its article id shifted left 16 bits plus its index, so an article's passages
/// are one id range: deleting or joining them needs no extra table or index.
/// </summary>
public static class PassageIds
{
    public const int MaxPassagesPerArticle = 1 << 16;

    public static long Of(long articleId, int index) => (articleId << 16) | (uint)index;

    public static long First(long articleId) => articleId << 16;

    public static long Last(long articleId) => (articleId << 16) | (MaxPassagesPerArticle - 1);

    public static long ArticleOf(long passageId) => passageId >> 16;

    public static int IndexOf(long passageId) => (int)(passageId & (MaxPassagesPerArticle - 1));

    /// <summary>Suggest keys compare case-insensitively.</summary>
    public static string SuggestKey(string term) => term.ToLowerInvariant();
}
