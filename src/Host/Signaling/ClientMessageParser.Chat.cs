using System.Globalization;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>chat</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Chat(string action, In.IChatMessage message, Sender s)
    {
        const string ns = Namespaces.Chat;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        switch (message)
        {
            case In.SendMessage { Content: { } content } send:
            {
                var scope = (send.Scope ?? ChatScope.Global).ToMeeting();
                ParticipantId? target = null;
                string? group = null;
                if (scope == MessageScope.Private)
                {
                    if (!Guid.TryParse(send.Target, out var id))
                        return InvalidPayload(ns);
                    target = new ParticipantId(id);
                }
                else if (scope == MessageScope.Group && (group = send.Target ?? send.Group) is null)
                {
                    return InvalidPayload(ns);
                }
                return For(new SendChatMessage(s.Room, s.Me, Guid.NewGuid(), content, scope, target, group));
            }
            case In.EnableChat:
                return For(new SetChat(s.Room, s.Me, true));
            case In.DisableChat:
                return For(new SetChat(s.Room, s.Me, false));
            case In.ClearHistory:
                return For(new ClearChatHistory(s.Room, s.Me));
            case In.SetLastSeenTimestamp seen
                when DateTimeOffset.TryParse(seen.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at):
            {
                var scope = (seen.Scope ?? ChatScope.Global).ToMeeting();
                var target = Guid.TryParse(seen.Target, out var id) ? new ParticipantId(id) : (ParticipantId?)null;
                var group = scope == MessageScope.Group ? seen.Target ?? seen.Group : null;
                return For(new SetChatLastSeen(s.Room, s.Me, scope, target, group, at));
            }
            case In.GetHistoryChunk { Count: { } count } chunk:
                return For(new GetChatHistoryChunk(s.Room, s.Me, chunk.Before, count));
            case In.SearchHistory { Query: { Length: > 0 } query }:
                return For(new SearchChatHistory(s.Room, s.Me, query));
            default:
                return InvalidPayload(ns);
        }
    }
}
