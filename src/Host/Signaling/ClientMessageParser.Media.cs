using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Media;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>media</c> namespace: WebRTC negotiation goes to the participant's media actor, rights to the meeting.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseMedia(string action, JsonElement payload)
    {
        const string ns = Namespaces.Media;
        var type = SessionType(payload);
        var target = payload.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetGuid(out var id) ? id : (Guid?)null;
        ParsedMessage Media(MediaCommand? command) => command is null ? new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload) : new ParsedMessage.ForMedia(command);

        return action switch
        {
            MediaActions.Publish => Media(type is { } p && StringField(payload, "sdp") is { } offer
                ? p == MediaSessionType.Whisper
                    ? Guid.TryParse(StringField(payload, "whisper_id"), out var group) ? new MediaCommand.Publish(p, offer, group) : null
                    : new MediaCommand.Publish(p, offer)
                : null),
            MediaActions.PublishComplete => Media(type is { } p && State(payload) is { } s ? new MediaCommand.PublishComplete(p, s) : null),
            MediaActions.UpdateMediaSession => Media(type is { } p && State(payload) is { } s ? new MediaCommand.UpdateMediaSession(p, s) : null),
            MediaActions.Unpublish => Media(type is { } p ? new MediaCommand.Unpublish(p) : null),
            MediaActions.Subscribe => Media(type is { } p && target is { } who
                ? new MediaCommand.Subscribe(who, p, payload.TryGetProperty("without_video", out var w) && w.ValueKind == JsonValueKind.True)
                : null),
            MediaActions.Resubscribe => Media(type is { } p && target is { } who ? new MediaCommand.Resubscribe(who, p) : null),
            MediaActions.SdpAnswer => Media(type is { } p && target is { } who && StringField(payload, "sdp") is { } answer
                ? new MediaCommand.SdpAnswer(who, p, answer) : null),
            MediaActions.SdpCandidate => Media(type is { } p && target is { } who && Candidate(payload) is { } c
                ? new MediaCommand.Candidate(who, p, c) : null),
            MediaActions.SdpEndOfCandidates => Media(type is { } p && target is { } who ? new MediaCommand.Candidate(who, p, null) : null),
            MediaActions.Configure => Media(type is { } p && target is { } who && Configuration(payload) is { } config
                ? new MediaCommand.Configure(who, p, config.Video, config.Substream) : null),
            MediaActions.ModeratorMute => ParseMute(ns, action, payload) switch
            {
                ParsedMessage.ForMeeting mute => mute with { RefusedIn = Namespaces.Moderation },
                var refused => refused,
            },
            MediaActions.GrantPresenterRole => WithParticipants(ns, action, payload, (room, me, ids) => new GrantPresenterRole(room, me, ids)),
            MediaActions.RevokePresenterRole => WithParticipants(ns, action, payload, (room, me, ids) => new RevokePresenterRole(room, me, ids)),
            MediaActions.AllowUnmute => WithParticipants(ns, action, payload, (room, me, ids) => new AllowUnmute(room, me, ids)),
            MediaActions.RequirePresenterRole => RequiredFlag(payload, "required") is { } required
                ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new RequirePresenterRole(room, me, required))
                : new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload),
            _ => new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction),
        };
    }

    /// <summary>A boolean that must be given (null when missing or not a boolean).</summary>
    private static bool? RequiredFlag(JsonElement payload, string property) =>
        payload.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.ValueKind == JsonValueKind.True
            : null;

    private static MediaSessionType? SessionType(JsonElement payload) => StringField(payload, "media_session_type") switch
    {
        "video" => MediaSessionType.Video,
        "screen" => MediaSessionType.Screen,
        "whisper" => MediaSessionType.Whisper,
        _ => null,
    };

    /// <summary><c>media_session_state</c>: <c>{audio, video}</c> (OpenTalk also nests it per session type; both are read).</summary>
    private static MediaSessionState? State(JsonElement payload)
    {
        if (!payload.TryGetProperty("media_session_state", out var state) || state.ValueKind != JsonValueKind.Object)
            return null;
        if (state.TryGetProperty("audio", out var audio) && state.TryGetProperty("video", out var video)
            && audio.ValueKind is JsonValueKind.True or JsonValueKind.False && video.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return new MediaSessionState(audio.ValueKind == JsonValueKind.True, video.ValueKind == JsonValueKind.True);
        var nested = SessionType(payload) == MediaSessionType.Screen ? "screen" : "video";
        return state.TryGetProperty(nested, out var inner) && inner.ValueKind == JsonValueKind.Object
            ? State(JsonDocument.Parse($$"""{"media_session_state":{{inner.GetRawText()}}}""").RootElement)
            : null;
    }

    private static TrickleCandidate? Candidate(JsonElement payload)
    {
        if (!payload.TryGetProperty("candidate", out var c) || c.ValueKind != JsonValueKind.Object
            || StringField(c, "candidate") is not { Length: <= 1024 } candidate
            || !c.TryGetProperty("sdpMLineIndex", out var index) || !index.TryGetInt32(out var line) || line is < 0 or > 64)
            return null;
        return new TrickleCandidate(candidate, line, StringField(c, "sdpMid"));
    }

    private static (bool? Video, int? Substream)? Configuration(JsonElement payload)
    {
        if (!payload.TryGetProperty("configuration", out var config) || config.ValueKind != JsonValueKind.Object)
            return null;
        bool? video = config.TryGetProperty("video", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.ValueKind == JsonValueKind.True : null;
        int? substream = config.TryGetProperty("substream", out var s) && s.TryGetInt32(out var n) && n is >= 0 and <= 2 ? n : null;
        return video is null && substream is null ? null : (video, substream);
    }

    private static ParsedMessage WithParticipants(string ns, string action, JsonElement payload, Func<Guid, Guid, IReadOnlyList<Guid>, IParticipantCommand> build)
    {
        if (!payload.TryGetProperty("participant_ids", out var list) || list.ValueKind != JsonValueKind.Array)
            return new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        var ids = new List<Guid>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !item.TryGetGuid(out var id))
                return new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
            ids.Add(id);
        }
        return ids.Count is 0 or > 100 ? new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload) : new ParsedMessage.ForMeeting(ns, action, (room, me) => build(room, me, ids));
    }
}
