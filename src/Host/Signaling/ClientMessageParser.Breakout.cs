using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>breakout</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseBreakout(string action, JsonElement payload)
    {
        const string ns = Namespaces.Breakout;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        switch (action)
        {
            case BreakoutActions.Start:
            {
                if (!payload.TryGetProperty("rooms", out var list) || list.ValueKind != JsonValueKind.Array)
                    return invalid;
                var rooms = new List<BreakoutRoomRequest>();
                foreach (var room in list.EnumerateArray())
                {
                    if (room.ValueKind != JsonValueKind.Object || StringField(room, "name") is not { } name
                        || GuidList(room, "assignments") is not { } assignments)
                        return invalid;
                    rooms.Add(new BreakoutRoomRequest(Guid.NewGuid(), name, assignments));
                }
                if (!TrySeconds(payload, "duration", out var duration))
                    return invalid;
                var dice = Random.Shared.Next();
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new StartBreakout(room, me, rooms, duration, dice));
            }
            case BreakoutActions.Stop:
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new StopBreakout(room, me));
            default:
                return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
        }
    }
}
