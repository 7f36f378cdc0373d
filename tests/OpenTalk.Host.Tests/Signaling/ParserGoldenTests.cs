using OpenTalk.Actors.Meetings;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CsCheck;
using OpenTalk.Host.Signaling;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>
/// What the signaling parser makes of a frame is what clients rely on: the command (with every value it read) or the
/// error and the namespace it comes in. <c>parser-golden.jsonl</c> holds frames with the outcome the parser gave them
/// when the file was written: every sample action, each with every field dropped, null, of another kind, misspelled
/// or given twice, envelope mistakes, and fuzzed frames. Reworking the parser must keep every outcome. Run the tests
/// once with OPENTALK_UPDATE_PARSER_GOLDEN=1 to write the file again (only for a deliberate change, reviewed in the diff).
/// </summary>
public sealed class ParserGoldenTests
{
    private static readonly string GoldenFile =
        Path.Combine(Repository.Root, "tests", "OpenTalk.Host.Tests", "Signaling", "parser-golden.jsonl");

    // The room and participant a command is built for: fixed, so that outcomes compare.
    private static readonly RoomId Room = new(Guid.Parse("00000000-0000-4000-8000-00000000000a"));
    private static readonly ParticipantId Me = new(Guid.Parse("00000000-0000-4000-8000-00000000000b"));

    private static readonly JsonSerializerOptions CommandJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void Every_frame_gets_the_outcome_it_had_when_the_corpus_was_written()
    {
        if (Environment.GetEnvironmentVariable("OPENTALK_UPDATE_PARSER_GOLDEN") == "1")
            File.WriteAllLines(GoldenFile, Corpus().Distinct(StringComparer.Ordinal)
                .Select(frame => new JsonObject { ["frame"] = frame, ["outcome"] = Outcome(frame) }.ToJsonString(CommandJson)));

        var lines = File.ReadAllLines(GoldenFile);
        Assert.True(lines.Length > 1_000, $"{GoldenFile} holds only {lines.Length} frames.");
        var changed = new List<string>();
        foreach (var line in lines)
        {
            var stored = JsonNode.Parse(line)!;
            var frame = stored["frame"]!.GetValue<string>();
            var now = Outcome(frame);
            if (!JsonNode.DeepEquals(stored["outcome"], now))
                changed.Add($"{frame}\n  was {stored["outcome"]!.ToJsonString(CommandJson)}\n  now {now.ToJsonString(CommandJson)}");
        }
        Assert.True(changed.Count == 0, $"{changed.Count} frames changed outcome:\n" + string.Join("\n", changed.Take(20)));
    }

    /// <summary>
    /// The outcome of one frame. Values the parser draws itself (a new message id, dice) differ between two parses
    /// of the same frame: those are blanked, the keys kept.
    /// </summary>
    private static JsonNode Outcome(string frame)
    {
        var first = Describe(ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), Room, Me));
        var second = Describe(ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), Room, Me));
        return Blank(first, second);
    }

    private static JsonNode Describe(ParsedMessage parsed) => parsed switch
    {
        ParsedMessage.Invalid e => new JsonObject { ["invalid"] = new JsonArray(e.Namespace, e.Error) },
        ParsedMessage.Ping => new JsonObject { ["ping"] = true },
        ParsedMessage.Ignored => new JsonObject { ["ignored"] = true },
        ParsedMessage.JoinRequest j => new JsonObject { ["join"] = j.DisplayName },
        ParsedMessage.ForMedia m => new JsonObject
        {
            ["media"] = m.Command.GetType().Name,
            ["command"] = JsonSerializer.SerializeToNode(m.Command, m.Command.GetType(), CommandJson),
        },
        ParsedMessage.ForMeeting c => MeetingCommand(c),
        _ => throw new ArgumentOutOfRangeException(nameof(parsed), parsed.GetType().Name),
    };

    private static JsonObject MeetingCommand(ParsedMessage.ForMeeting parsed)
    {
        var command = parsed.Command;
        return new JsonObject
        {
            ["meeting"] = command.GetType().Name,
            ["ns"] = parsed.Namespace,
            ["action"] = parsed.Action,
            ["refused_in"] = parsed.RefusedIn,
            ["command"] = JsonSerializer.SerializeToNode(command, command.GetType(), CommandJson),
        };
    }

    private static JsonNode Blank(JsonNode first, JsonNode second) => (first, second) switch
    {
        (JsonObject a, JsonObject b) => new JsonObject(a.Select(p => KeyValuePair.Create(p.Key,
            p.Value is null ? null : b[p.Key] is { } other ? Blank(p.Value, other) : p.Value.DeepClone()))),
        (JsonArray a, JsonArray b) when a.Count == b.Count => new JsonArray([.. a.Select((x, i) =>
            x is null ? null : b[i] is { } other ? Blank(x, other) : x.DeepClone())]),
        _ when JsonNode.DeepEquals(first, second) => first.DeepClone(),
        _ => JsonValue.Create("(drawn by the parser)"),
    };

    /// <summary>The frames of the corpus (used only when writing it).</summary>
    private static IEnumerable<string> Corpus()
    {
        string[] envelopes =
        [
            "", "{", "null", "[]", "\"x\"", "{}", """{"namespace":"control"}""", """{"payload":{"action":"join"}}""",
            """{"namespace":"control","payload":[]}""", """{"namespace":"control","payload":{}}""",
            """{"namespace":"control","payload":{"action":1}}""", """{"namespace":1,"payload":{"action":"join"}}""",
            """{"namespace":"nowhere","payload":{"action":"join"}}""", """{"namespace":"chat","payload":{"action":"nothing"}}""",
            """{"namespace":"echo","payload":{"action":"ping"}}""", """{"namespace":"echo","payload":{"action":"pong"}}""",
            """{"Namespace":"control","payload":{"action":"raise_hand"}}""", """{"namespace":"Control","payload":{"action":"raise_hand"}}""",
            """{"namespace":"control","payload":{"action":"Raise_Hand"}}""",
        ];
        foreach (var frame in envelopes)
            yield return frame;

        string[] otherKinds = ["null", "1", "0.5", "1e400", "true", "\"\"", "\"x\"", "[]", "{}"];
        var allFields = InboundFrames.All.SelectMany(s => JsonNode.Parse(s.Payload)!.AsObject().Select(p => p.Key)).Distinct().ToList();
        foreach (var (ns, action, payload) in InboundFrames.All)
        {
            var sample = InboundFrames.Frame(ns, action, payload);
            yield return sample.ToJsonString();
            var fields = sample["payload"]!.AsObject().Select(p => p.Key).Where(k => k != "action").ToList();
            foreach (var field in fields)
            {
                yield return With(sample, body => body.Remove(field));
                foreach (var kind in otherKinds)
                    yield return With(sample, body => body[field] = JsonNode.Parse(kind));
                // A name in other letters, and the same name twice (the last one given wins or not).
                yield return With(sample, body =>
                {
                    var value = body[field]?.DeepClone();
                    body.Remove(field);
                    body[char.ToUpperInvariant(field[0]) + field[1..]] = value;
                });
                var twice = sample.ToJsonString();
                var at = twice.IndexOf($"\"{field}\":", StringComparison.Ordinal);
                yield return twice.Insert(at, $"\"{field}\":null,");
            }
            // Fields of other actions, in this one: every one where the parser reads fields ahead of the action
            // (media, whisper groups), a few elsewhere.
            var foreigners = allFields.Where(f => !fields.Contains(f));
            foreach (var foreign in ns is "media" or "subroom_audio" ? foreigners : foreigners.Take(3))
            {
                var text = sample.ToJsonString();
                yield return text.Replace("\"payload\":{", $"\"payload\":{{\"{foreign}\":\"\\ud800\",", StringComparison.Ordinal);
                yield return With(sample, body => body[foreign] = 1);
            }
        }

        var fuzzed = new List<string>();
        FuzzValues.Frame.Sample(f =>
        {
            if (f.Frame.Length <= 2_048)
                fuzzed.Add(f.Frame);
        }, iter: 1_500, threads: 1);
        foreach (var frame in fuzzed)
            yield return frame;
    }

    private static string With(JsonObject sample, Action<JsonObject> change)
    {
        var copy = sample.DeepClone().AsObject();
        change(copy["payload"]!.AsObject());
        return copy.ToJsonString();
    }
}
