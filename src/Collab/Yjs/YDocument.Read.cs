using System.Text;
using System.Text.Json.Nodes;

namespace OpenTalk.Collab.Yjs;

public sealed partial class YDocument
{
    /// <summary>Deeper than any editor nests nodes; the input decides the depth, so it is bounded.</summary>
    private const int MaxXmlDepth = 256;

    /// <summary>The children of a root Y.XmlFragment; empty when the document has none by that name.</summary>
    public IReadOnlyList<YXmlNode> XmlFragment(string name) =>
        _roots.TryGetValue(name, out var root) ? XmlChildren(root, 0) : [];

    /// <summary>The live entries of a root Y.Map; values that are shared types read as null.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Map(string name) =>
        _roots.TryGetValue(name, out var root) ? Entries(root) : new Dictionary<string, JsonNode?>();

    /// <summary>The characters of a root Y.Text, without formatting or embeds.</summary>
    public string Text(string name)
    {
        if (!_roots.TryGetValue(name, out var root)) return "";
        var text = new StringBuilder();
        foreach (var item in root.LiveItems())
        {
            if (item.Content is StringContent s) text.Append(s.Text);
        }
        return text.ToString();
    }

    private static List<YXmlNode> XmlChildren(YType type, int depth)
    {
        if (depth > MaxXmlDepth) throw new YFormatException("XML nested too deeply");
        var children = new List<YXmlNode>();
        foreach (var item in type.LiveItems())
        {
            if (item.Content is not TypeContent { Type: { } child } content) continue;
            if (content.TypeRef == TypeContent.XmlElement)
                children.Add(new YXmlElement(content.Name!, Entries(child), XmlChildren(child, depth + 1)));
            else if (content.TypeRef == TypeContent.XmlText)
                children.Add(new YXmlText(Runs(child)));
        }
        return children;
    }

    private static Dictionary<string, JsonNode?> Entries(YType type)
    {
        var entries = new Dictionary<string, JsonNode?>();
        foreach (var (key, item) in type.Map)
        {
            if (!item.Deleted) entries[key] = Value(item.Content);
        }
        return entries;
    }

    /// <summary>A map entry's value: the last element of its content, as Y.Map.get returns it.</summary>
    private static JsonNode? Value(Content content) => content switch
    {
        AnyContent any => new Lib0Reader(any.Values[^1]).ReadAny(),
        JsonContent json => ParseJson(json.Values[^1]),
        StringContent s => JsonValue.Create(s.Text),
        BinaryContent b => JsonValue.Create(Convert.ToBase64String(b.Bytes)),
        EmbedContent e => ParseJson(e.Json),
        _ => null,
    };

    private static JsonNode? ParseJson(string json) => json == "undefined" ? null : JsonNode.Parse(json);

    /// <summary>Text with formatting as runs: a format item switches a mark on (a value) or off (null) from there on.</summary>
    private static List<YTextRun> Runs(YType type)
    {
        var runs = new List<YTextRun>();
        var marks = new Dictionary<string, JsonNode?>();
        var text = new StringBuilder();
        var lastIsText = false;

        void Flush()
        {
            if (text.Length == 0) return;
            if (lastIsText && SameMarks(runs[^1].Marks, marks))
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            else
                runs.Add(new YTextRun(text.ToString(), Copy(marks)));
            lastIsText = true;
            text.Clear();
        }

        foreach (var item in type.LiveItems())
        {
            switch (item.Content)
            {
                case StringContent s:
                    text.Append(s.Text);
                    break;
                case FormatContent f:
                    Flush();
                    if (ParseJson(f.Json) is { } value) marks[f.Key] = value;
                    else marks.Remove(f.Key);
                    break;
                case EmbedContent or TypeContent:
                    Flush();
                    runs.Add(new YTextRun("", Copy(marks)));
                    lastIsText = false;
                    break;
            }
        }
        Flush();
        return runs;
    }

    private static Dictionary<string, JsonNode?> Copy(Dictionary<string, JsonNode?> marks) =>
        marks.ToDictionary(m => m.Key, m => m.Value?.DeepClone());

    private static bool SameMarks(IReadOnlyDictionary<string, JsonNode?> a, Dictionary<string, JsonNode?> b) =>
        a.Count == b.Count && a.All(m => b.TryGetValue(m.Key, out var v) && JsonNode.DeepEquals(m.Value, v));
}
