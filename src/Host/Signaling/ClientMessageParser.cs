using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// Turns a client frame into a command for its room and participant. The payload is read into its record
/// (<see cref="InboundJson"/>: the namespace picks the interface, the action the record), and the records are mapped to
/// commands by one partial file per namespace, which holds the rules no JSON type can say (a group chat needs a group,
/// a poll a duration). Never throws on bad input: every problem becomes an <see cref="ParsedMessage.Invalid"/> with the
/// code the client is sent.
/// </summary>
public static partial class ClientMessageParser
{
    public static ParsedMessage Parse(ReadOnlySpan<byte> frame, RoomId roomId, ParticipantId participantId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame.ToArray());
        }
        catch (JsonException)
        {
            return new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.InvalidJson);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
                || StringField(root, "namespace") is not { } ns
                || StringField(payload, "action") is not { } action)
                return new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.InvalidEnvelope);
            if (!InboundJson.Actions.TryGetValue(ns, out var actions))
                return new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.UnknownNamespace);

            var sender = new Sender(roomId, participantId);
            try
            {
                ReadFieldsOthersIgnore(ns, payload);
                if (!actions.TryGetValue(action, out var record))
                    return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
                return Map(ns, action, Read(payload, record), sender);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // A value of the wrong kind or shape, or text that is no valid UTF-16 (a lone surrogate).
                return new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
            }
        }
    }

    private static ParsedMessage Map(string ns, string action, object message, Sender sender) => message switch
    {
        IControlMessage control => Control(action, control, sender),
        IEchoMessage => new ParsedMessage.Ping(),
        IModerationMessage moderation => Moderation(action, moderation, sender),
        IChatMessage chat => Chat(action, chat, sender),
        ITimerMessage timer => Timer(action, timer, sender),
        IPollsMessage polls => Polls(action, polls, sender),
        IAutomodMessage automod => Automod(action, automod, sender),
        ILegalVoteMessage vote => LegalVote(action, vote, sender),
        ISubroomAudioMessage whisper => Whisper(action, whisper, sender),
        IBreakoutMessage breakout => Breakout(action, breakout, sender),
        IMediaMessage media => Media(action, media, sender),
        IRecordingMessage recording => Recording(action, recording, sender),
        IRecordingServiceMessage service => RecordingService(action, service, sender),
        ICallInMessage call => CallIn(action, call, sender),
        IDialOutMessage dial => DialOut(action, dial, sender),
        IMeetingNotesMessage notes => MeetingNotes(action, notes, sender),
        IWhiteboardMessage whiteboard => Whiteboard(action, whiteboard, sender),
        IMeetingReportMessage report => MeetingReport(action, report, sender),
        _ => throw new InvalidOperationException($"No mapping for {ns}/{action} ({message.GetType().Name})."),
    };

    /// <summary>
    /// <c>media</c> has always read <c>target</c>, and <c>subroom_audio</c> <c>participant_ids</c>, for every action and
    /// before looking at the action, so a value there that is no valid text (a lone surrogate in an id) refuses even an
    /// action that does not use it, or does not exist. Kept so that what a client is refused does not change.
    /// </summary>
    private static void ReadFieldsOthersIgnore(string ns, JsonElement payload)
    {
        if (ns == Namespaces.Media && payload.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.String)
            _ = target.TryGetGuid(out _);
        if (ns == Namespaces.SubroomAudio && payload.TryGetProperty("participant_ids", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !item.TryGetGuid(out _))
                    break;
            }
        }
    }

    /// <summary>One instance of each record without fields (most toggles): nothing to read, so nothing is.</summary>
    private static readonly FrozenDictionary<Type, object> FieldLess = InboundJson.Actions.Values
        .SelectMany(actions => actions.Values)
        .Where(record => InboundJson.Options.GetTypeInfo(record).Properties.Count == 0)
        .ToFrozenDictionary(record => record, record => JsonSerializer.Deserialize("{}", record, InboundJson.Options)!);

    private static object Read(JsonElement payload, Type record)
    {
        if (FieldLess.TryGetValue(record, out var fieldLess))
            return fieldLess;
        try
        {
            return payload.Deserialize(record, InboundJson.Options)!;
        }
        catch (Exception e) when ((e is JsonException or InvalidOperationException) && LastValueWins(payload) is { } deduplicated)
        {
            // Only an earlier value of a repeated name can make a difference, and only when it is malformed.
            return JsonSerializer.Deserialize(deduplicated, record, InboundJson.Options)!;
        }
    }

    /// <summary>
    /// The payload without repeated names, keeping each name's last value (at every depth), or null when no name
    /// repeats or a name is no valid text (the serializer refuses such a name wherever it is). Clients have always had
    /// the last value count, whatever the earlier ones held; reading records, the serializer would still convert the
    /// earlier values and refuse a malformed one.
    /// </summary>
    private static string? LastValueWins(JsonElement payload)
    {
        if (!HasRepeatedNames(payload) || HasNameThatIsNoText(payload))
            return null;
        var json = new StringBuilder();
        WriteLastValues(payload, json);
        return json.ToString();
    }

    private static bool HasRepeatedNames(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (Name(property) is { } name && !names.Add(name) || HasRepeatedNames(property.Value))
                        return true;
                }
                return false;
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(HasRepeatedNames);
            default:
                return false;
        }
    }

    private static bool HasNameThatIsNoText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(property => Name(property) is null || HasNameThatIsNoText(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasNameThatIsNoText),
        _ => false,
    };

    private static void WriteLastValues(JsonElement element, StringBuilder json)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var last = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                    last[Name(property)!] = property.Value; // every name is text here: see LastValueWins
                json.Append('{');
                var first = true;
                foreach (var (name, value) in last)
                {
                    json.Append(first ? "" : ",").Append(JsonSerializer.Serialize(name)).Append(':');
                    WriteLastValues(value, json);
                    first = false;
                }
                json.Append('}');
                break;
            case JsonValueKind.Array:
                json.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    json.Append(index++ == 0 ? "" : ",");
                    WriteLastValues(item, json);
                }
                json.Append(']');
                break;
            default:
                json.Append(element.GetRawText());
                break;
        }
    }

    private static string? Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? StringField(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? Text(value) : null;

    /// <summary>The text of a string value, or null when it holds no valid text: a lone UTF-16 surrogate (<c>"\ud800"</c>).</summary>
    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A number of seconds a client gave, when it is one a <see cref="TimeSpan"/> holds.</summary>
    private static bool TrySeconds(double? given, out TimeSpan? value)
    {
        value = null;
        if (given is not { } seconds)
            return true;
        if (double.IsNaN(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds)
            return false;
        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static ParsedMessage.Invalid InvalidPayload(string ns) => new(ns, ErrorCodes.InvalidPayload);

    /// <summary>Whom a frame's command is for: the socket's room and participant.</summary>
    private readonly record struct Sender(RoomId Room, ParticipantId Me);

    /// <summary>A participant a client named by id.</summary>
    private static ParticipantId? Participant(Guid? id) => id is { } given ? new ParticipantId(given) : null;
}
