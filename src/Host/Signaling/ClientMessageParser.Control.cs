using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>control</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Control(string action, In.IControlMessage message, Sender s)
    {
        const string ns = Namespaces.Control;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        return message switch
        {
            In.Join { DisplayName: { } name } => new ParsedMessage.JoinRequest(name),
            In.EnterRoom => For(new EnterRoom(s.Room, s.Me)),
            In.RaiseHand => For(new RaiseHand(s.Room, s.Me)),
            In.LowerHand => For(new LowerHand(s.Room, s.Me)),
            In.Leave => For(new Leave(s.Room, s.Me)),
            In.GrantModeratorRole { Target: { } target } => For(new GrantModeratorRole(s.Room, s.Me, new ParticipantId(target))),
            In.RevokeModeratorRole { Target: { } target } => For(new RevokeModeratorRole(s.Room, s.Me, new ParticipantId(target))),
            _ => InvalidPayload(ns),
        };
    }
}
