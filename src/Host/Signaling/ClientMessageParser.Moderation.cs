using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>moderation</c> namespace (and <c>media/moderator_mute</c>).</summary>
public static partial class ClientMessageParser
{
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
            ModerationCommandNames.Debrief => Enum(payload, "kick_scope") is DebriefScope scope
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

    private static DebriefScope? Enum(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() switch
            {
                "guests" => DebriefScope.Guests,
                "users_and_guests" => DebriefScope.UsersAndGuests,
                "all" => DebriefScope.All,
                _ => null,
            }
            : null;
}
