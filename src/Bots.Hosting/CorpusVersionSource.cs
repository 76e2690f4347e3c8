using System.Globalization;
using Bots.Contracts.V1;

namespace Bots.Hosting;

/// <summary>
/// The store's current corpus version, asked for on every cached request: a cache key built on it
/// can never serve an answer computed before an article was added or deleted.
/// </summary>
public sealed class CorpusVersionSource(ArticleStore.ArticleStoreClient store)
{
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var reply = await store.GetCorpusVersionAsync(new GetCorpusVersionRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return reply.Version.ToString(CultureInfo.InvariantCulture);
    }
}
