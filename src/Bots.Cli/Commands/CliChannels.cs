using System.Diagnostics.CodeAnalysis;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bots.Cli.Commands;

/// <summary>Channels and headers the gRPC sub-commands share.</summary>
internal static class CliChannels
{
    /// <summary>A channel to <paramref name="address"/>, or false after telling the user what a valid address looks like.</summary>
    public static bool TryCreate(string? address, [NotNullWhen(true)] out GrpcChannel? channel)
    {
        channel = null;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Console.Error.WriteLine($"error: --address must be an http:// or https:// URL such as http://127.0.0.1:50051, not '{address}'.");
            return false;
        }

        channel = GrpcChannel.ForAddress(uri);
        return true;
    }

    public static Metadata? Headers(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? null : new Metadata { { "authorization", "Bearer " + apiKey } };
}
