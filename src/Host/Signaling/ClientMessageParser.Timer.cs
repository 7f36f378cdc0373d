using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>timer</c> namespace (timers and coffee breaks).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Timer(string action, In.ITimerMessage message, Sender s)
    {
        const string ns = Namespaces.Timer;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        return message switch
        {
            In.StartTimer { Kind: { } kind } start when TrySeconds(start.Duration, out var duration) =>
                For(new StartRoomTimer(s.Room, s.Me, Guid.NewGuid(), kind.ToMeeting(), duration, (start.Style ?? TimerStyle.Normal).ToMeeting(),
                    start.Title, start.EnableReadyCheck, start.EndWhenAllReady)),
            In.StopTimer { TimerId: { } timer } => For(new StopRoomTimer(s.Room, s.Me, timer)),
            In.UpdateReadyStatus { TimerId: { } timer, Status: { } ready } => For(new SetReadyStatus(s.Room, s.Me, timer, ready)),
            _ => InvalidPayload(ns),
        };
    }
}
