using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>subroom_audio</c> namespace (whisper groups).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseWhisper(string action, JsonElement payload)
    {
        const string ns = Namespaces.SubroomAudio;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        var whisperId = GuidField(payload, "whisper_id");
        var participants = GuidList(payload, "participant_ids");
        ParsedMessage For(Func<Guid, Guid, IParticipantCommand> build) => new ParsedMessage.ForMeeting(ns, action, build);
        return (action, whisperId, participants) switch
        {
            (WhisperActions.Create, _, { Count: > 0 } invite) => NewGroup(invite),
            (WhisperActions.Invite, { } id, { Count: > 0 } invite) => For((room, me) => new InviteToWhisperGroup(room, me, id, invite)),
            (WhisperActions.Accept, { } id, _) => For((room, me) => new AnswerWhisperInvite(room, me, id, true)),
            (WhisperActions.Decline, { } id, _) => For((room, me) => new AnswerWhisperInvite(room, me, id, false)),
            (WhisperActions.Kick, { } id, { Count: > 0 } targets) => For((room, me) => new KickFromWhisperGroup(room, me, id, targets)),
            (WhisperActions.Leave, { } id, _) => For((room, me) => new LeaveWhisperGroup(room, me, id)),
            (WhisperActions.Create or WhisperActions.Invite or WhisperActions.Accept or WhisperActions.Decline
                or WhisperActions.Kick or WhisperActions.Leave, _, _) => invalid,
            _ => new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction),
        };

        ParsedMessage NewGroup(List<Guid> invite)
        {
            var id = Guid.NewGuid();
            return For((room, me) => new CreateWhisperGroup(room, me, id, invite));
        }
    }
}
