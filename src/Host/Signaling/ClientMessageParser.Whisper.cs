using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>subroom_audio</c> namespace (whisper groups).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Whisper(string action, In.ISubroomAudioMessage message, Sender s)
    {
        const string ns = Namespaces.SubroomAudio;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        return message switch
        {
            In.CreateWhisperGroup { ParticipantIds: { Count: > 0 } invite } => For(new CreateWhisperGroup(s.Room, s.Me, Guid.NewGuid(), [.. invite])),
            In.InviteToWhisperGroup { WhisperId: { } id, ParticipantIds: { Count: > 0 } invite } => For(new InviteToWhisperGroup(s.Room, s.Me, id, [.. invite])),
            In.AcceptWhisperInvite { WhisperId: { } id } => For(new AnswerWhisperInvite(s.Room, s.Me, id, true)),
            In.DeclineWhisperInvite { WhisperId: { } id } => For(new AnswerWhisperInvite(s.Room, s.Me, id, false)),
            In.KickWhisperParticipants { WhisperId: { } id, ParticipantIds: { Count: > 0 } targets } => For(new KickFromWhisperGroup(s.Room, s.Me, id, [.. targets])),
            In.LeaveWhisperGroup { WhisperId: { } id } => For(new LeaveWhisperGroup(s.Room, s.Me, id)),
            _ => InvalidPayload(ns),
        };
    }
}
