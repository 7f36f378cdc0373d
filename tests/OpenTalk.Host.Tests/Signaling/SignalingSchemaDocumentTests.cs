using OpenTalk.Actors.Meetings;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenTalk.Host.Signaling;
using OpenTalk.Protocol.Signaling;
using OpenTalk.Protocol.Signaling.Inbound;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>
/// Every message a client may send is a record in <c>OpenTalk.Protocol.Signaling.Inbound</c>, and the schema of them all
/// is committed as <c>docs/signaling.schema.json</c> for other clients to be checked against; this test fails when the
/// records drift from it. After an intended change run the tests with OPENTALK_UPDATE_SIGNALING_SCHEMA=1 and commit the file.
/// </summary>
public sealed class SignalingSchemaDocumentTests
{
    private static readonly string CommittedPath = Path.Combine(Repository.Root, "docs", "signaling.schema.json");

    private static readonly JsonObject Generated = InboundJson.SchemaDocument();

    [Fact]
    public async Task The_generated_schema_matches_the_committed_one()
    {
        var generated = Normalize(InboundJson.SchemaDocument());

        if (Environment.GetEnvironmentVariable("OPENTALK_UPDATE_SIGNALING_SCHEMA") == "1")
            await File.WriteAllTextAsync(CommittedPath, generated);

        Assert.True(File.Exists(CommittedPath), "docs/signaling.schema.json is missing: run the tests once with OPENTALK_UPDATE_SIGNALING_SCHEMA=1.");
        var committed = Normalize(JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!);
        Assert.True(committed == generated,
            "The inbound records changed but docs/signaling.schema.json did not: run the tests with OPENTALK_UPDATE_SIGNALING_SCHEMA=1, review the diff and commit it.");
    }

    [Fact]
    public void Every_action_of_the_schema_has_a_sample_and_every_sample_an_action()
    {
        var inSchema = Generated["namespaces"]!.AsObject()
            .SelectMany(ns => ns.Value!.AsObject().Select(action => $"{ns.Key}/{action.Key}"))
            .Order(StringComparer.Ordinal);
        var sampled = InboundFrames.All.Select(s => $"{s.Namespace}/{s.Action}").Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(sampled, inSchema);
    }

    public static TheoryData<string, string, string> Samples()
    {
        var samples = new TheoryData<string, string, string>();
        foreach (var (ns, action, payload) in InboundFrames.All)
            samples.Add(ns, action, payload);
        return samples;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_reads_into_its_record_and_writes_back_the_same(string ns, string action, string payload)
    {
        var type = InboundJson.Actions[ns][action];
        var record = JsonSerializer.Deserialize(payload, type, InboundJson.Options)!;
        var written = JsonSerializer.SerializeToNode(record, type, InboundJson.Options)!.AsObject();
        foreach (var (field, value) in JsonNode.Parse(payload)!.AsObject())
            Assert.True(JsonNode.DeepEquals(value, written[field]), $"{ns}/{action}: {field} was {value?.ToJsonString()}, written {written[field]?.ToJsonString()}");

        // Records that hold lists compare their references, so "equal" is "writes the same JSON".
        var again = JsonSerializer.Deserialize(written.ToJsonString(), type, InboundJson.Options)!;
        Assert.Equal(written.ToJsonString(), JsonSerializer.Serialize(again, type, InboundJson.Options));

        // Through the namespace's interface, the action is written first and read wherever it is.
        var messageInterface = InboundJson.Namespaces[ns];
        var tagged = JsonSerializer.SerializeToNode(record, messageInterface, InboundJson.Options)!.AsObject();
        Assert.Equal(("action", action), (tagged.First().Key, tagged.First().Value!.GetValue<string>()));
        var actionLast = JsonNode.Parse(payload)!.AsObject();
        actionLast.Add("action", action);
        foreach (var frame in new[] { tagged, actionLast })
        {
            var read = JsonSerializer.Deserialize(frame.ToJsonString(), messageInterface, InboundJson.Options)!;
            Assert.IsType(type, read);
            Assert.Equal(written.ToJsonString(), JsonSerializer.Serialize(read, type, InboundJson.Options));
        }
    }

    /// <summary>The schema's "required" is what the parser refuses to do without (other fields can be conditionally needed).</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Without_a_required_field_a_sample_is_refused(string ns, string action, string payload)
    {
        var required = Generated["namespaces"]![ns]![action]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).Where(f => f != "action");
        foreach (var field in required)
        {
            var frame = InboundFrames.Frame(ns, action, payload);
            Assert.True(frame["payload"]!.AsObject().Remove(field), $"{ns}/{action}: the sample has no {field}");
            Assert.Equal(new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload), ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame.ToJsonString()), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid())));
        }
    }

    /// <summary>A payload, and the fields its record writes back (null: the record refuses it).</summary>
    [Theory]
    [InlineData("chat", "send_message", """{"content":"x","scope":"GLOBAL"}""", null)]
    [InlineData("chat", "send_message", """{"content":"x","scope":1}""", null)]
    [InlineData("chat", "send_message", """{"content":"x","scope":null,"target":5}""", """{"scope":null,"target":null}""")]
    [InlineData("control", "join", """{"Display_name":"Ada"}""", """{"display_name":null}""")]
    [InlineData("timer", "start", """{"kind":"countdown","style":5,"title":"\ud800"}""", """{"style":null,"title":null}""")]
    [InlineData("timer", "start", """{"kind":"countdown","style":"x"}""", null)]
    [InlineData("timer", "start", """{"kind":"countdown","duration":"60"}""", null)]
    [InlineData("timer", "stop", """{"timer_id":"{4B3C1F0E-6A1D-4F57-9A43-0F6E2F1C0A11}"}""", """{"timer_id":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11"}""")]
    [InlineData("moderation", "kick", """{"target":"4b3c1f0e6a1d4f579a430f6e2f1c0a11"}""", null)]
    [InlineData("moderation", "mute", """{"force":"true"}""", """{"force":false,"targets":[]}""")]
    [InlineData("moderation", "mute", """{"targets":null,"force":null}""", """{"force":false,"targets":null}""")]
    [InlineData("chat", "get_history_chunk", "{}", """{"count":50}""")]
    [InlineData("chat", "get_history_chunk", """{"count":null}""", """{"count":null}""")]
    [InlineData("polls", "vote", """{"choices":5,"choice_id":1.5}""", """{"choices":null,"choice_id":null}""")]
    [InlineData("polls", "vote", """{"choices":[1,"2"]}""", null)]
    [InlineData("media", "configure", """{"configuration":{"video":"yes","substream":1e10}}""", """{"configuration":{"video":null}}""")]
    [InlineData("media", "configure", """{"configuration":{"substream":null}}""", null)]
    public void Each_field_is_read_by_its_own_rule(string ns, string action, string payload, string? written)
    {
        var type = InboundJson.Actions[ns][action];
        if (written is null)
        {
            using var document = JsonDocument.Parse(payload);
            Assert.True(RefusedByRecord(document.RootElement, type), $"{ns}/{action} reads {payload}");
            return;
        }
        var record = JsonSerializer.SerializeToNode(JsonSerializer.Deserialize(payload, type, InboundJson.Options), type, InboundJson.Options)!;
        foreach (var (field, value) in JsonNode.Parse(written)!.AsObject())
            Assert.True(JsonNode.DeepEquals(value, record[field]), $"{ns}/{action} {payload}: {field} is {record[field]?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void The_records_refuse_no_payload_the_parser_accepts()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "OpenTalk.Host.Tests", "Signaling", "parser-golden.jsonl"));
        var disagreements = new List<string>();
        foreach (var line in lines)
        {
            var stored = JsonNode.Parse(line)!;
            var outcome = stored["outcome"]!;
            if (outcome["invalid"] is JsonArray { Count: 2 } invalid && invalid[1]!.GetValue<string>() is "invalid_json" or "invalid_envelope")
                continue;
            using var frame = JsonDocument.Parse(stored["frame"]!.GetValue<string>());
            var ns = frame.RootElement.GetProperty("namespace").GetString()!;
            var payload = frame.RootElement.GetProperty("payload");
            var action = payload.GetProperty("action").GetString()!;
            var expected = !InboundJson.Actions.TryGetValue(ns, out var actions) ? Refused("control", "unknown_namespace")
                : !actions.TryGetValue(action, out var type) ? Refused(ns, "unknown_action")
                : RefusedByRecord(payload, type) ? Refused(ns, "invalid_payload")
                : null;
            var agrees = expected is null
                ? outcome["invalid"]?[1]?.GetValue<string>() is not ("unknown_namespace" or "unknown_action")
                : JsonNode.DeepEquals(expected, outcome);
            if (!agrees)
                disagreements.Add($"{stored["frame"]}\n  parser: {outcome.ToJsonString()}\n  records: {expected?.ToJsonString() ?? "read"}");
        }
        Assert.True(lines.Length > 1_000);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} frames:\n" + string.Join("\n", disagreements.Take(20)));
    }

    private static JsonObject Refused(string ns, string code) => new() { ["invalid"] = new JsonArray(ns, code) };

    private static bool RefusedByRecord(JsonElement payload, Type type)
    {
        try
        {
            payload.Deserialize(type, InboundJson.Options);
            return false;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>Indented, with LF line ends, whatever the platform.</summary>
    private static string Normalize(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
