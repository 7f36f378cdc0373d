using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>automod</c> namespace (talking stick). Chance is drawn here, so that the meeting's decisions stay pure.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Automod(string action, In.IAutomodMessage message, Sender s)
    {
        const string ns = Namespaces.Automod;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        var dice = Random.Shared.Next();
        return message switch
        {
            In.StartAutomod { SelectionStrategy: { } strategy } start when TrySeconds(start.TimeLimit, out var limit) =>
                For(new StartAutomod(s.Room, s.Me, strategy.ToMeeting(), [.. start.Playlist ?? []], limit, start.AllowDoubleSelection, dice)),
            In.EditAutomod edit => For(new EditAutomod(s.Room, s.Me, [.. edit.Playlist ?? []])),
            In.StopAutomod => For(new StopAutomod(s.Room, s.Me)),
            In.SelectSpeaker { How: { } how } select => For(new SelectSpeaker(s.Room, s.Me, how.ToMeeting(), select.Participant, dice)),
            In.YieldSpeech yield => For(new YieldSpeech(s.Room, s.Me, yield.Next, dice)),
            _ => InvalidPayload(ns),
        };
    }
}
