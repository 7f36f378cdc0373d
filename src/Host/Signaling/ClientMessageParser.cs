using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// Turns a client frame into a command. Never throws on bad input: every problem becomes an
/// <see cref="ParsedMessage.Invalid"/> with the code the client is sent.
/// </summary>
public static partial class ClientMessageParser
{
    public static ParsedMessage Parse(ReadOnlySpan<byte> frame)
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

            try
            {
                return ParseIn(ns, action, payload);
            }
            catch (InvalidOperationException)
            {
                // A value of one kind read as another (a string where a number belongs). Only the known
                // namespaces read their payload, so the error can name the frame's own namespace.
                return new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
            }
        }
    }

    private static ParsedMessage ParseIn(string ns, string action, JsonElement payload) =>
            ns switch
            {
                Namespaces.Control => ParseControl(action, payload),
                Namespaces.Echo => action == "ping"
                    ? new ParsedMessage.Ping()
                    : new ParsedMessage.Invalid(Namespaces.Echo, ErrorCodes.UnknownAction),
                Namespaces.Moderation => ParseModeration(action, payload),
                Namespaces.Chat => ParseChat(action, payload),
                Namespaces.Timer => ParseTimer(action, payload),
                Namespaces.Polls => ParsePolls(action, payload),
                Namespaces.Automod => ParseAutomod(action, payload),
                Namespaces.LegalVote => ParseLegalVote(action, payload),
                Namespaces.SubroomAudio => ParseWhisper(action, payload),
                Namespaces.Breakout => ParseBreakout(action, payload),
                Namespaces.Media => ParseMedia(action, payload),
                _ => new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.UnknownNamespace),
            };

    private static ParsedMessage ParseControl(string action, JsonElement payload)
    {
        const string ns = Namespaces.Control;
        return action switch
        {
            ControlActions.Join => StringField(payload, "display_name") is { } name
                ? new ParsedMessage.JoinRequest(name)
                : new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload),
            ControlActions.EnterRoom => new ParsedMessage.ForMeeting(ns, action, (room, me) => new EnterRoom(room, me)),
            ControlActions.RaiseHand => new ParsedMessage.ForMeeting(ns, action, (room, me) => new RaiseHand(room, me)),
            ControlActions.LowerHand => new ParsedMessage.ForMeeting(ns, action, (room, me) => new LowerHand(room, me)),
            ControlActions.Leave => new ParsedMessage.ForMeeting(ns, action, (room, me) => new Leave(room, me)),
            ControlActions.GrantModeratorRole => WithTarget(ns, action, payload, (room, me, target) => new GrantModeratorRole(room, me, target)),
            ControlActions.RevokeModeratorRole => WithTarget(ns, action, payload, (room, me, target) => new RevokeModeratorRole(room, me, target)),
            _ => new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction),
        };
    }

    // Values are copied out here: the document is gone by the time a command is built.
    private static string? StringField(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) ? Text(value) : null;

    /// <summary>
    /// A string value, or null when it is not a string or holds no valid text: a lone UTF-16 surrogate
    /// (<c>"\ud800"</c>) parses as JSON but cannot become a .NET string, and reading it throws.
    /// </summary>
    private static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>An optional number of seconds. False when present but not a usable number.</summary>
    private static bool TrySeconds(JsonElement payload, string property, out TimeSpan? value)
    {
        value = null;
        if (!payload.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (!element.TryGetDouble(out var seconds) || double.IsNaN(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds)
            return false;
        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static ParsedMessage WithTarget(string ns, string action, JsonElement payload, Func<Guid, Guid, Guid, IParticipantCommand> build) =>
        payload.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.String && target.TryGetGuid(out var id)
            ? new ParsedMessage.ForMeeting(ns, action, (room, me) => build(room, me, id))
            : new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
}
