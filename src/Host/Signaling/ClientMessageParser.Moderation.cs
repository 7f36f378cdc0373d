using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>moderation</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Moderation(string action, In.IModerationMessage message, Sender s)
    {
        const string ns = Namespaces.Moderation;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        return message switch
        {
            In.Accept { Target: { } target } => For(new AcceptFromWaitingRoom(s.Room, s.Me, new ParticipantId(target))),
            In.AcceptAll => For(new AcceptAllWaiting(s.Room, s.Me)),
            In.Kick { Target: { } target } => For(new Kick(s.Room, s.Me, new ParticipantId(target))),
            In.Ban { Target: { } target } => For(new Ban(s.Room, s.Me, new ParticipantId(target))),
            In.SendToWaitingRoom { Target: { } target } => For(new SendToWaitingRoom(s.Room, s.Me, new ParticipantId(target))),
            In.Debrief { KickScope: { } scope } => For(new Debrief(s.Room, s.Me, scope.ToMeeting())),
            In.ChangeDisplayName { Target: { } target, NewName: { } name } => For(new ChangeDisplayName(s.Room, s.Me, new ParticipantId(target), name)),
            In.EnableWaitingRoom => For(new SetWaitingRoom(s.Room, s.Me, true)),
            In.DisableWaitingRoom => For(new SetWaitingRoom(s.Room, s.Me, false)),
            In.EnableRaiseHands => For(new SetRaiseHands(s.Room, s.Me, true)),
            In.DisableRaiseHands => For(new SetRaiseHands(s.Room, s.Me, false)),
            In.ResetRaisedHands { Target: null or { Count: <= 100 } } reset => For(new ResetRaisedHands(s.Room, s.Me, reset.Target)),
            In.Mute { Targets: { } targets } mute => For(new RequestMuteOf(s.Room, s.Me, targets, mute.Force)),
            _ => InvalidPayload(ns),
        };
    }
}
