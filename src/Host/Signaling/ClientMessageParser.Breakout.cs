using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>breakout</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Breakout(string action, In.IBreakoutMessage message, Sender s)
    {
        const string ns = Namespaces.Breakout;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        switch (message)
        {
            case In.StartBreakout { Rooms: { } rooms } start
                when rooms.All(room => room is { Name: not null }) && TrySeconds(start.Duration, out var duration):
                return For(new StartBreakout(s.Room, s.Me,
                    [.. rooms.Select(room => new BreakoutRoomRequest(Guid.NewGuid(), room!.Name!, [.. room.Assignments ?? []]))],
                    duration, Random.Shared.Next()));
            case In.StopBreakout:
                return For(new StopBreakout(s.Room, s.Me));
            default:
                return InvalidPayload(ns);
        }
    }
}
