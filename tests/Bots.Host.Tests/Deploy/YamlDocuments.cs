using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bots.Host.Tests.Deploy;

/// <summary>Loads YAML the way docker compose and kubectl read it (anchors, aliases, merge keys).</summary>
internal static class YamlDocuments
{
    public static IReadOnlyList<YamlMappingNode> Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents
            .Where(d => d.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(d => ResolveMergeKeys(d.RootNode) as YamlMappingNode
                ?? throw new InvalidDataException($"{path}: a document is not a mapping"))
            .ToList();
    }

    /// <summary>
    /// YAML merge keys (<c>&lt;&lt;: *anchor</c> or <c>&lt;&lt;: [*a, *b]</c>): the merged mappings'
    /// entries are added unless the mapping sets them itself, earlier merged mappings first.
    /// </summary>
    private static YamlNode ResolveMergeKeys(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var resolved = new YamlMappingNode();
                foreach (var (key, value) in mapping.Children.Where(c => !IsMergeKey(c.Key)))
                {
                    resolved.Add(key, ResolveMergeKeys(value));
                }

                foreach (var merge in mapping.Children.Where(c => IsMergeKey(c.Key)).Select(c => c.Value))
                {
                    var sources = merge is YamlSequenceNode list ? list.Children : [merge];
                    foreach (var source in sources.Select(ResolveMergeKeys).Cast<YamlMappingNode>())
                    {
                        foreach (var (key, value) in source.Children.Where(c => !resolved.Children.ContainsKey(c.Key)))
                        {
                            resolved.Add(key, value);
                        }
                    }
                }

                return resolved;
            case YamlSequenceNode sequence:
                return new YamlSequenceNode(sequence.Children.Select(ResolveMergeKeys));
            default:
                return node;
        }
    }

    private static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any };

    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? value
            : null;

    public static YamlNode? At(this YamlNode? node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => current.Get(key));

    /// <summary>The scalar's text; null for a missing node and for an empty value (<c>key:</c>).</summary>
    public static string? Text(this YamlNode? node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", c.Value))
            : [];

    public static IEnumerable<string> Keys(this YamlNode? node) => node.Entries().Select(e => e.Key);

    /// <summary>Every scalar below the node, with its key path, for scanning whole files.</summary>
    public static IEnumerable<(string Path, string Key, string? Value)> Scalars(this YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Entries())
                {
                    if (value is YamlScalarNode scalar)
                    {
                        yield return ($"{path}/{key}", key, scalar.Text());
                    }
                    else
                    {
                        foreach (var inner in value.Scalars($"{path}/{key}"))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case YamlSequenceNode sequence:
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode scalar)
                    {
                        yield return ($"{path}[{index}]", "", scalar.Text());
                    }
                    else
                    {
                        foreach (var inner in item.Scalars($"{path}[{index}]"))
                        {
                            yield return inner;
                        }
                    }

                    index++;
                }

                break;
        }
    }
}
