using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// Turns a client frame into a command. Never throws on bad input: every problem becomes an
/// <see cref="ParsedMessage.Invalid"/> with the code the client is sent.
/// </summary>
public static class ClientMessageParser
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
                || !root.TryGetProperty("namespace", out var nsElement) || nsElement.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
                || !payload.TryGetProperty("action", out var actionElement) || actionElement.ValueKind != JsonValueKind.String)
                return new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.InvalidEnvelope);

            var ns = nsElement.GetString()!;
            var action = actionElement.GetString()!;
            return ns switch
            {
                Namespaces.Control => ParseControl(action, payload),
                Namespaces.Echo => action == "ping"
                    ? new ParsedMessage.Ping()
                    : new ParsedMessage.Invalid(Namespaces.Echo, ErrorCodes.UnknownAction),
                Namespaces.Moderation => ParseModeration(action, payload),
                Namespaces.Media => action == "moderator_mute"
                    ? ParseMute(Namespaces.Media, action, payload)
                    : new ParsedMessage.Invalid(Namespaces.Media, ErrorCodes.UnknownAction),
                _ => new ParsedMessage.Invalid(Namespaces.Control, ErrorCodes.UnknownNamespace),
            };
        }
    }

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

    private static ParsedMessage ParseModeration(string action, JsonElement payload)
    {
        const string ns = Namespaces.Moderation;
        ParsedMessage Simple(Func<Guid, Guid, IParticipantCommand> build) => new ParsedMessage.ForMeeting(ns, action, build);
        return action switch
        {
            ModerationActions.Accept => WithTarget(ns, action, payload, (room, me, target) => new AcceptFromWaitingRoom(room, me, target)),
            ModerationCommandNames.AcceptAll => Simple((room, me) => new AcceptAllWaiting(room, me)),
            ModerationCommandNames.Kick => WithTarget(ns, action, payload, (room, me, target) => new Kick(room, me, target)),
            ModerationCommandNames.Ban => WithTarget(ns, action, payload, (room, me, target) => new Ban(room, me, target)),
            ModerationCommandNames.SendToWaitingRoom => WithTarget(ns, action, payload, (room, me, target) => new SendToWaitingRoom(room, me, target)),
            ModerationCommandNames.Debrief => Enum(payload, "kick_scope") is KickScope scope
                ? Simple((room, me) => new Debrief(room, me, scope))
                : new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload),
            ModerationCommandNames.ChangeDisplayName => StringField(payload, "new_name") is { } newName
                ? WithTarget(ns, action, payload, (room, me, target) => new ChangeDisplayName(room, me, target, newName))
                : new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload),
            ModerationCommandNames.EnableWaitingRoom => Simple((room, me) => new SetWaitingRoom(room, me, true)),
            ModerationCommandNames.DisableWaitingRoom => Simple((room, me) => new SetWaitingRoom(room, me, false)),
            ModerationCommandNames.EnableRaiseHands => Simple((room, me) => new SetRaiseHands(room, me, true)),
            ModerationCommandNames.DisableRaiseHands => Simple((room, me) => new SetRaiseHands(room, me, false)),
            ModerationCommandNames.ResetRaisedHands => !payload.TryGetProperty("target", out var t) || t.ValueKind == JsonValueKind.Null
                ? Simple((room, me) => new ResetRaisedHands(room, me, null))
                : WithTarget(ns, action, payload, (room, me, target) => new ResetRaisedHands(room, me, target)),
            ModerationCommandNames.Mute => ParseMute(ns, action, payload),
            _ => new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction),
        };
    }

    /// <summary><c>{targets: [ids], force?}</c>; no targets means everyone else.</summary>
    private static ParsedMessage ParseMute(string ns, string action, JsonElement payload)
    {
        var targets = new List<Guid>();
        if (payload.TryGetProperty("targets", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
                return new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !item.TryGetGuid(out var id))
                    return new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
                targets.Add(id);
            }
        }
        var force = payload.TryGetProperty("force", out var f) && f.ValueKind == JsonValueKind.True;
        return new ParsedMessage.ForMeeting(ns, action, (room, me) => new RequestMuteOf(room, me, targets, force));
    }

    // Values are copied out here: the document is gone by the time a command is built.
    private static string? StringField(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static KickScope? Enum(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() switch
            {
                "guests" => KickScope.Guests,
                "users_and_guests" => KickScope.UsersAndGuests,
                "all" => KickScope.All,
                _ => null,
            }
            : null;

    private static ParsedMessage WithTarget(string ns, string action, JsonElement payload, Func<Guid, Guid, Guid, IParticipantCommand> build) =>
        payload.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.String && target.TryGetGuid(out var id)
            ? new ParsedMessage.ForMeeting(ns, action, (room, me) => build(room, me, id))
            : new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
}
