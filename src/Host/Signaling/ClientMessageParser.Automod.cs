using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>automod</c> namespace (talking stick).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseAutomod(string action, JsonElement payload)
    {
        const string ns = Namespaces.Automod;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        var dice = Random.Shared.Next();
        switch (action)
        {
            case AutomodActions.Start:
            {
                SpeakerSelection? strategy = StringField(payload, "selection_strategy") switch
                {
                    "playlist" => SpeakerSelection.Playlist,
                    "random" => SpeakerSelection.Random,
                    "nomination" => SpeakerSelection.Nomination,
                    _ => null,
                };
                if (strategy is not { } s || GuidList(payload, "playlist") is not { } playlist)
                    return invalid;
                if (!TrySeconds(payload, "time_limit", out var limit))
                    return invalid;
                var allowDouble = Flag(payload, "allow_double_selection");
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new StartAutomod(room, me, s, playlist, limit, allowDouble, dice));
            }
            case AutomodActions.Edit:
                return GuidList(payload, "playlist") is { } edited
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new EditAutomod(room, me, edited))
                    : invalid;
            case AutomodActions.Stop:
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new StopAutomod(room, me));
            case AutomodActions.Select:
            {
                SelectHow? how = StringField(payload, "how") switch
                {
                    "none" => SelectHow.None,
                    "next" => SelectHow.Next,
                    "random" => SelectHow.Random,
                    "specific" => SelectHow.Specific,
                    _ => null,
                };
                var participant = GuidField(payload, "participant");
                return how is { } h
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new SelectSpeaker(room, me, h, participant, dice))
                    : invalid;
            }
            case AutomodActions.Yield:
            {
                var next = GuidField(payload, "next");
                return new ParsedMessage.ForMeeting(ns, action, (room, me) => new YieldSpeech(room, me, next, dice));
            }
            default:
                return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
        }
    }

    /// <summary>An optional list of participant ids; null when present but malformed.</summary>
    private static List<Guid>? GuidList(JsonElement payload, string property)
    {
        var ids = new List<Guid>();
        if (!payload.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
            return ids;
        if (list.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !item.TryGetGuid(out var id))
                return null;
            ids.Add(id);
        }
        return ids;
    }
}
