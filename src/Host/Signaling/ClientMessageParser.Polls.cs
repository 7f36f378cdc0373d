using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>polls</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParsePolls(string action, JsonElement payload)
    {
        const string ns = Namespaces.Polls;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        switch (action)
        {
            case PollActions.Start:
            {
                if (StringField(payload, "topic") is not { } topic
                    || !payload.TryGetProperty("choices", out var list) || list.ValueKind != JsonValueKind.Array
                    || !TrySeconds(payload, "duration", out var seconds) || seconds is not { } duration)
                    return invalid;
                var choices = new List<string>();
                foreach (var item in list.EnumerateArray())
                {
                    if (Text(item) is not { } choice)
                        return invalid;
                    choices.Add(choice);
                }
                var live = Flag(payload, "live");
                var multiple = Flag(payload, "multiple_choice");
                var editing = Flag(payload, "allow_editing");
                var pollId = Guid.NewGuid();
                return new ParsedMessage.ForMeeting(ns, action,
                    (room, me) => new StartPoll(room, me, pollId, topic, live, multiple, choices, duration, editing));
            }
            case PollActions.Vote:
            {
                if (GuidField(payload, "poll_id") is not { } pollId)
                    return invalid;
                var choices = new List<int>();
                if (payload.TryGetProperty("choices", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        if (!item.TryGetInt32(out var id))
                            return invalid;
                        choices.Add(id);
                    }
                }
                else if (payload.TryGetProperty("choice_id", out var single) && single.TryGetInt32(out var id))
                {
                    choices.Add(id);
                }
                else
                {
                    return invalid;
                }
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new VoteInPoll(room, me, pollId, choices));
            }
            case PollActions.Finish:
                return (GuidField(payload, "id") ?? GuidField(payload, "poll_id")) is { } finishId
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new FinishPoll(room, me, finishId))
                    : invalid;
            default:
                return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
        }
    }

    private static bool Flag(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
