using System.IO.Compression;
using Grpc.Net.Compression;

namespace Bots.Grpc.Internal;

internal static class CompressionProviders
{
    public static IList<ICompressionProvider> CreateDefault() =>
        [new GzipCompressionProvider(CompressionLevel.Fastest), new DeflateCompressionProvider(CompressionLevel.Fastest)];

    /// <summary>The grpc-accept-encoding value advertising these providers.</summary>
    public static string AcceptEncoding(IEnumerable<ICompressionProvider> providers) =>
        string.Join(",", providers.Select(p => p.EncodingName).Prepend(GrpcProtocol.IdentityEncoding));

    public static ICompressionProvider? Find(IEnumerable<ICompressionProvider> providers, string name)
    {
        foreach (var provider in providers)
        {
            if (string.Equals(provider.EncodingName, name, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        return null;
    }

    /// <summary>True when a grpc-accept-encoding value lists the encoding.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        foreach (var part in acceptEncoding.Split(','))
        {
            if (part.Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
