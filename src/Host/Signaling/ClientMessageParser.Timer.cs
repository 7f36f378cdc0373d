using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>timer</c> namespace (timers and coffee breaks).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseTimer(string action, JsonElement payload)
    {
        const string ns = Namespaces.Timer;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        switch (action)
        {
            case TimerActions.Start:
            {
                RoomTimerKind? kind = StringField(payload, "kind") switch
                {
                    "countdown" => RoomTimerKind.Countdown,
                    "stopwatch" => RoomTimerKind.Stopwatch,
                    _ => null,
                };
                RoomTimerStyle? style = StringField(payload, "style") switch
                {
                    null or "normal" => RoomTimerStyle.Normal,
                    "coffee_break" => RoomTimerStyle.CoffeeBreak,
                    _ => null,
                };
                if (kind is not { } k || style is not { } s)
                    return invalid;
                if (!TrySeconds(payload, "duration", out var duration))
                    return invalid;
                var title = StringField(payload, "title");
                var readyCheck = Flag(payload, "enable_ready_check");
                var endWhenAllReady = Flag(payload, "end_when_all_ready");
                var timerId = Guid.NewGuid();
                return new ParsedMessage.ForMeeting(ns, action,
                    (room, me) => new StartRoomTimer(room, me, timerId, k, duration, s, title, readyCheck, endWhenAllReady));
            }
            case TimerActions.Stop:
                return GuidField(payload, "timer_id") is { } stopId
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new StopRoomTimer(room, me, stopId))
                    : invalid;
            case TimerActions.UpdateReadyStatus:
            {
                if (GuidField(payload, "timer_id") is not { } readyId
                    || !payload.TryGetProperty("status", out var status) || status.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return invalid;
                var ready = status.GetBoolean(); // copied now: the document is gone when the command is built
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new SetReadyStatus(room, me, readyId, ready));
            }
            default:
                return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
        }
    }

    private static Guid? GuidField(JsonElement payload, string property) =>
        Guid.TryParse(StringField(payload, property), out var id) ? id : null;
}
