using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Media;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>media</c> namespace: WebRTC negotiation goes to the participant's media actor, rights to the meeting.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Media(string action, In.IMediaMessage message, Sender s)
    {
        const string ns = Namespaces.Media;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        MediaCommand? command = message switch
        {
            In.Publish { MediaSessionType: MediaSessionType.Whisper, Sdp: { } offer, WhisperId: { } group } =>
                new MediaCommand.Publish(MediaSessionType.Whisper, offer, group),
            In.Publish { MediaSessionType: { } type and not MediaSessionType.Whisper, Sdp: { } offer } => new MediaCommand.Publish(type, offer),
            In.PublishComplete { MediaSessionType: { } type } complete when State(complete.MediaSessionState, type) is { } state =>
                new MediaCommand.PublishComplete(type, state),
            In.UpdateMediaSession { MediaSessionType: { } type } update when State(update.MediaSessionState, type) is { } state =>
                new MediaCommand.UpdateMediaSession(type, state),
            In.Unpublish { MediaSessionType: { } type } => new MediaCommand.Unpublish(type),
            In.Subscribe { MediaSessionType: { } type, Target: { } target } subscribe => new MediaCommand.Subscribe(target, type, subscribe.WithoutVideo),
            In.Resubscribe { MediaSessionType: { } type, Target: { } target } => new MediaCommand.Resubscribe(target, type),
            In.SdpAnswer { MediaSessionType: { } type, Target: { } target, Sdp: { } answer } => new MediaCommand.SdpAnswer(target, type, answer),
            In.SdpCandidate { MediaSessionType: { } type, Target: { } target, Candidate: { Candidate: { Length: <= 1024 } candidate, SdpMLineIndex: >= 0 and <= 64 } ice } =>
                new MediaCommand.Candidate(target, type, new TrickleCandidate(candidate, ice.SdpMLineIndex.Value, ice.SdpMid)),
            In.SdpEndOfCandidates { MediaSessionType: { } type, Target: { } target } => new MediaCommand.Candidate(target, type, null),
            In.Configure { MediaSessionType: { } type, Target: { } target, Configuration: { } configuration }
                when (configuration.Video, Layer(configuration.Substream)) is var (video, layer) && (video is not null || layer is not null) =>
                new MediaCommand.Configure(target, type, video, layer),
            _ => null,
        };
        if (command is not null)
            return new ParsedMessage.ForMedia(command);
        return message switch
        {
            // Moderation's mute, and refused there as it always was.
            In.ModeratorMute { Targets: { } targets } mute =>
                new ParsedMessage.ForMeeting(ns, action, new RequestMuteOf(s.Room, s.Me, targets, mute.Force)) { RefusedIn = Namespaces.Moderation },
            In.GrantPresenterRole { ParticipantIds: { Count: > 0 and <= 100 } ids } => For(new GrantPresenterRole(s.Room, s.Me, [.. ids])),
            In.RevokePresenterRole { ParticipantIds: { Count: > 0 and <= 100 } ids } => For(new RevokePresenterRole(s.Room, s.Me, [.. ids])),
            In.AllowUnmute { ParticipantIds: { Count: > 0 and <= 100 } ids } => For(new AllowUnmute(s.Room, s.Me, [.. ids])),
            In.RequirePresenterRole { Required: { } required } => For(new RequirePresenterRole(s.Room, s.Me, required)),
            In.UpdateSpeakingState { IsSpeaking: not null } => new ParsedMessage.Ignored(),
            In.ModeratorEnableForceMute { AllowList: { Count: <= 1000 } allowed } => For(new EnableForceMute(s.Room, s.Me, [.. allowed])),
            In.ModeratorDisableForceMute => For(new DisableForceMute(s.Room, s.Me)),
            _ => InvalidPayload(ns),
        };
    }

    /// <summary>A simulcast layer: 0 (lowest) to 2; any other number counts as none asked for.</summary>
    private static int? Layer(int? substream) => substream is >= 0 and <= 2 ? substream : null;

    /// <summary>
    /// <c>media_session_state</c>: <c>{audio, video}</c>, or (as OpenTalk clients send it) that nested under the session's
    /// kind, <c>screen</c> for a screen and <c>video</c> otherwise, and further under <c>video</c>.
    /// </summary>
    private static MediaSessionState? State(JsonElement? given, MediaSessionType type) =>
        given is { } state ? State(state, type == MediaSessionType.Screen ? "screen" : "video") : null;

    private static MediaSessionState? State(JsonElement state, string nested)
    {
        if (state.ValueKind != JsonValueKind.Object)
            return null;
        if (state.TryGetProperty("audio", out var audio) && state.TryGetProperty("video", out var video)
            && audio.ValueKind is JsonValueKind.True or JsonValueKind.False && video.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return new MediaSessionState(audio.ValueKind == JsonValueKind.True, video.ValueKind == JsonValueKind.True);
        return state.TryGetProperty(nested, out var inner) ? State(inner, "video") : null;
    }
}
