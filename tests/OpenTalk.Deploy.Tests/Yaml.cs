using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenTalk.Deploy.Tests;

/// <summary>
/// YAML read into plain values: mappings as <see cref="Dictionary{TKey,TValue}"/> of string keys, sequences as lists,
/// and plain scalars typed as YAML 1.2's core schema (and Helm) reads them: booleans, integers, null; the rest strings.
/// Merge keys (<c>&lt;&lt;: *anchor</c>, used by the compose file) are applied; keys given beside them win.
/// </summary>
public static partial class Yaml
{
    public static List<object?> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => Convert(d.RootNode)).Where(d => d is not null).ToList();
    }

    public static Dictionary<string, object?> LoadMapping(string text) =>
        LoadAll(text) is [Dictionary<string, object?> mapping] ? mapping : throw new FormatException("Expected one YAML mapping.");

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"Unexpected YAML node {node.NodeType}"),
    };

    // Keys given explicitly win over those merged in with "<<" (YAML's merge key), whatever their order.
    private static Dictionary<string, object?> Mapping(YamlMappingNode mapping)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (name != "<<")
                result.Add(name, Convert(value));
        }
        foreach (var (key, value) in mapping.Children.Where(c => ((YamlScalarNode)c.Key).Value == "<<"))
        {
            var merged = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var source in merged.Select(m => Convert(m) as Dictionary<string, object?> ?? throw new FormatException("<< needs a mapping")))
            {
                foreach (var (name, inner) in source)
                    result.TryAdd(name, inner);
            }
        }
        return result;
    }

    private static object? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
            return value;
        if (value is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (value is "true" or "True" or "TRUE")
            return true;
        if (value is "false" or "False" or "FALSE")
            return false;
        if (Integer().IsMatch(value))
            return long.Parse(value, CultureInfo.InvariantCulture);
        return value;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();
}

/// <summary>Navigation in loaded YAML that fails with the path when something is missing.</summary>
public static class YamlPaths
{
    public static object? At(this object? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            node = node switch
            {
                Dictionary<string, object?> mapping when mapping.TryGetValue(key, out var child) => child,
                List<object?> list when int.TryParse(key, out var index) && index < list.Count => list[index],
                _ => throw new KeyNotFoundException($"No '{key}' in '{path}'"),
            };
        }
        return node;
    }

    public static Dictionary<string, object?> Map(this object? node, string path) =>
        node.At(path) as Dictionary<string, object?> ?? throw new InvalidCastException($"'{path}' is not a mapping");

    public static List<object?> List(this object? node, string path) =>
        node.At(path) as List<object?> ?? throw new InvalidCastException($"'{path}' is not a sequence");

    public static string Text(this object? node, string path) => node.At(path) switch
    {
        null => throw new InvalidCastException($"'{path}' is null"),
        bool b => b ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    public static bool Has(this object? node, string path)
    {
        try
        {
            _ = node.At(path);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }
}
