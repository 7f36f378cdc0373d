using System.Text.Json.Nodes;
using OpenTalk.Collab.Yjs;

namespace OpenTalk.Collab.Tests;

/// <summary>Concurrent edits by several real Yjs peers; our merge, state vector, diff and reading must agree with Yjs.</summary>
public class YjsCompatibilityTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, YjsReference.Seeds)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_is_byte_equal_to_Yjs_mergeUpdates(int seed)
    {
        var scenario = YjsReference.Scenario(seed);
        var updates = Updates(scenario);
        Assert.Equal(Bytes(scenario["merged"]), YUpdate.Merge(updates));
        Assert.Equal(Bytes(scenario["half"]), YUpdate.Merge([.. updates.Where((_, i) => i % 2 == 0)]));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Document_reads_what_Yjs_reads(int seed)
    {
        var scenario = YjsReference.Scenario(seed);
        var doc = YDocument.FromUpdate(YUpdate.Merge(Updates(scenario)));
        DocumentJson.AssertSame(scenario["expected"], DocumentJson.Read(doc), $"seed {seed}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merging_in_any_grouping_gives_the_same_document(int seed)
    {
        var scenario = YjsReference.Scenario(seed);
        var updates = Updates(scenario);
        var random = new Random(seed);
        // Stored updates get compacted in batches, in whatever order they arrived.
        var shuffled = updates.OrderBy(_ => random.Next()).ToList();
        var batches = shuffled.Chunk(1 + (updates.Count / 3)).Select(b => YUpdate.Merge(b)).ToList();
        var doc = YDocument.FromUpdate(YUpdate.Merge(batches));
        DocumentJson.AssertSame(scenario["expected"], DocumentJson.Read(doc), $"seed {seed}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void State_vector_and_diff_are_byte_equal_to_Yjs(int seed)
    {
        var scenario = YjsReference.Scenario(seed);
        var merged = Bytes(scenario["merged"]);
        var half = Bytes(scenario["half"]);
        Assert.Equal(Bytes(scenario["stateVector"]), YUpdate.StateVector(merged));
        Assert.Equal(Bytes(scenario["halfStateVector"]), YUpdate.StateVector(half));
        foreach (var diff in scenario["diffs"]!.AsArray())
        {
            var sv = Bytes(diff!["sv"]);
            Assert.Equal(Bytes(diff["diff"]), YUpdate.Diff(merged, sv));
            Assert.Equal(Bytes(diff["halfDiff"]), YUpdate.Diff(half, sv));
        }
    }

    [Fact]
    public void Yjs_reads_our_merges_and_diffs_as_the_same_document()
    {
        var seeds = Enumerable.Range(1, YjsReference.Seeds).ToList();
        var ours = seeds.Select(seed =>
        {
            var updates = Updates(YjsReference.Scenario(seed));
            var batches = updates.Chunk(5).Select(b => YUpdate.Merge(b)).ToList();
            var merged = YUpdate.Merge(batches);
            // What a new peer receives in the sync handshake: everything past an empty state vector.
            return YUpdate.Diff(merged, YUpdate.StateVector([0, 0]));
        }).ToList();
        var read = YjsReference.Read(ours);
        foreach (var (seed, doc) in seeds.Zip(read))
            DocumentJson.AssertSame(YjsReference.Scenario(seed)["expected"], doc!, $"seed {seed}");
    }

    [Fact]
    public void Document_reads_a_TipTap_document_as_y_prosemirror_wrote_it()
    {
        var tiptap = YjsReference.TipTap;
        var doc = YDocument.FromUpdate(Bytes(tiptap["update"]));
        DocumentJson.AssertSame(tiptap["expected"], DocumentJson.Read(doc), "tiptap");
        var heading = Assert.IsType<YXmlElement>(doc.XmlFragment("prosemirror")[0]);
        Assert.Equal("heading", heading.Name);
        Assert.Equal(2, heading.Attributes["level"]!.GetValue<long>());
    }

    internal static List<byte[]> Updates(JsonObject scenario) => [.. scenario["updates"]!.AsArray().Select(Bytes)];

    internal static byte[] Bytes(JsonNode? base64) => Convert.FromBase64String(base64!.GetValue<string>());
}
