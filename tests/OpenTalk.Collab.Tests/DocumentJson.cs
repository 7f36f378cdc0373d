using System.Text.Json.Nodes;
using OpenTalk.Collab.Yjs;

namespace OpenTalk.Collab.Tests;

/// <summary>Our reading of a document in the JSON shape yjs-scenarios.mjs prints for Yjs's.</summary>
internal static class DocumentJson
{
    public static JsonObject Read(YDocument doc) => new()
    {
        ["fragment"] = new JsonArray([.. doc.XmlFragment("prosemirror").Select(Node)]),
        ["map"] = Object(doc.Map("elements")),
        ["text"] = doc.Text("title"),
    };

    /// <summary>Compared after a round trip through text, so that 2 and 2.0 or a long and a double are alike.</summary>
    public static void AssertSame(JsonNode? expected, JsonNode actual, string what)
    {
        var normalized = JsonNode.Parse(actual.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, normalized), $"{what}\nexpected {expected?.ToJsonString()}\nactual   {normalized?.ToJsonString()}");
    }

    private static JsonNode Node(YXmlNode node) => node switch
    {
        YXmlElement e => new JsonObject
        {
            ["name"] = e.Name,
            ["attributes"] = Object(e.Attributes),
            ["children"] = new JsonArray([.. e.Children.Select(Node)]),
        },
        YXmlText t => new JsonObject
        {
            ["runs"] = new JsonArray([.. t.Runs.Select(r => new JsonObject { ["text"] = r.Text, ["marks"] = Object(r.Marks) })]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static JsonObject Object(IReadOnlyDictionary<string, JsonNode?> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value?.DeepClone())));
}
