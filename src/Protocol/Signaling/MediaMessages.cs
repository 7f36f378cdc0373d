using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling;

/// <summary>
/// Camera and microphone (<c>video</c>), a shared screen (<c>screen</c>), or (ours) a whisper group's audio (<c>whisper</c>:
/// the microphone into the group's mixer, the mix of the others back on the same connection). Each is its own WebRTC session.
/// </summary>
public enum MediaSessionType { Video, Screen, Whisper }

/// <summary>Whether a published session currently sends audio and video (mute state, as the publisher reports it).</summary>
public sealed record MediaSessionState(bool Audio, bool Video);

/// <summary>The <c>media</c> part of a participant as others see it: what they publish, and whether they may share a screen.</summary>
public sealed record ParticipantMedia(MediaSessionState? Video, MediaSessionState? Screen, bool IsPresenter, bool ForceMuted);

/// <summary>An ICE candidate as browsers give it.</summary>
public sealed record TrickleCandidate(
    [property: JsonPropertyName("candidate")] string Candidate,
    [property: JsonPropertyName("sdpMLineIndex")] int SdpMLineIndex,
    [property: JsonPropertyName("sdpMid")] string? SdpMid = null);

public static class MediaActions
{
    public const string Publish = "publish";
    public const string PublishComplete = "publish_complete";
    public const string Unpublish = "unpublish";
    public const string UpdateMediaSession = "update_media_session";
    public const string Subscribe = "subscribe";
    public const string Resubscribe = "resubscribe";
    public const string Configure = "configure";
    public const string SdpAnswer = "sdp_answer";
    public const string SdpCandidate = "sdp_candidate";
    public const string SdpEndOfCandidates = "sdp_end_of_candidates";
    public const string ModeratorMute = "moderator_mute";
    public const string AllowUnmute = "allow_unmute";
    public const string GrantPresenterRole = "grant_presenter_role";
    public const string RevokePresenterRole = "revoke_presenter_role";
    public const string RequirePresenterRole = "require_presenter_role";
    public const string ModeratorEnableForceMute = "moderator_enable_force_mute";
    public const string ModeratorDisableForceMute = "moderator_disable_force_mute";
    public const string UpdateSpeakingState = "update_speaking_state";
}

public sealed record SdpAnswerPayload(string Sdp, Guid Source, MediaSessionType MediaSessionType) : ServerPayload("sdp_answer");

/// <summary>
/// (ours, to the recorder) A publication's RTP now goes to the ports it named: audio as Opus with payload type 111, video
/// as <c>video_codec</c> with 96.
/// </summary>
public sealed record Forwarding(Guid Source, MediaSessionType MediaSessionType, string AudioCodec, string VideoCodec) : ServerPayload("forwarding");

/// <summary>
/// (ours, to the phone gateway, in <c>media</c>) The caller's audio goes into the room as plain RTP to <c>host</c>:<c>port</c>:
/// G.711 μ-law (<c>payload_type</c> 0), 20 ms packets, with this <c>ssrc</c> (Janus takes no other).
/// </summary>
public sealed record CallPublishing(string Host, int Port, int PayloadType, uint Ssrc) : ServerPayload("call_publishing");

public sealed record SdpOfferPayload(string Sdp, Guid Source, MediaSessionType MediaSessionType) : ServerPayload("sdp_offer");

public sealed record SdpCandidatePayload(TrickleCandidate Candidate, Guid Source, MediaSessionType MediaSessionType) : ServerPayload("sdp_candidate");

public sealed record WebrtcUp(Guid Source, MediaSessionType MediaSessionType) : ServerPayload("webrtc_up");

public sealed record WebrtcDown(Guid Source, MediaSessionType MediaSessionType) : ServerPayload("webrtc_down");

public enum LinkDirection { Upstream, Downstream }

public sealed record WebrtcSlow(Guid Source, MediaSessionType MediaSessionType, LinkDirection Direction) : ServerPayload("webrtc_slow");

public sealed record MediaStatus(Guid Source, MediaSessionType MediaSessionType, string Kind, bool Receiving) : ServerPayload("media_status");

/// <summary>Who has the floor: the participant speaking now (kept for a moment after they stop), or nobody.</summary>
public sealed record FocusUpdate(Guid? Focus) : ServerPayload("focus_update");

/// <summary>To everyone: a participant started or stopped speaking, as the SFU hears it (OpenTalk's speaking indicator and speaker view).</summary>
public sealed record MediaSpeakerUpdated(Guid Participant, bool IsSpeaking, DateTimeOffset UpdatedAt) : ServerPayload("speaker_updated");

public sealed record PresenterGranted() : ServerPayload("presenter_granted");

public sealed record PresenterRevoked() : ServerPayload("presenter_revoked");

/// <summary>(ours) A moderator allowed a force-muted participant to unmute again.</summary>
public sealed record UnmuteAllowed(Guid Issuer) : ServerPayload("unmute_allowed");

/// <summary>(ours) Whether screen sharing needs the presenter role in this room.</summary>
public sealed record PresenterRoleRequired(bool Required) : ServerPayload("presenter_role_required");

/// <summary>
/// In <c>join_success</c>: this participant's media rights, the room's current focus and its microphone lock
/// (OpenTalk's <c>force_mute</c>, <c>{type: enabled|disabled, allow_list}</c>); <c>force_muted</c> says whether this
/// participant may not unmute, by the lock or muted one by one.
/// </summary>
public sealed record MediaModuleState(bool IsPresenter, bool PresenterRoleRequired, bool ForceMuted, Guid? Focus, ForceMuteState ForceMute,
    IReadOnlyList<Speaker> Speakers);

/// <summary>Someone speaking when a participant joins (OpenTalk's <c>media.speakers</c>), since <c>updated_at</c>.</summary>
public sealed record Speaker(Guid Participant, bool IsSpeaking, DateTimeOffset UpdatedAt);

/// <summary>To everyone: a moderator locked the microphones; only moderators and those on <c>allow_list</c> may unmute.</summary>
public sealed record ForceMuteEnabled(IReadOnlyList<Guid> AllowList) : ServerPayload("force_mute_enabled");

/// <summary>To everyone: the microphone lock is lifted.</summary>
public sealed record ForceMuteDisabled() : ServerPayload("force_mute_disabled");

public sealed record ForceMuteState(string Type, IReadOnlyList<Guid> AllowList);
