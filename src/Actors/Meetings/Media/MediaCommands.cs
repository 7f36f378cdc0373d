using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Asked by a participant's media actor (which does the Janus work) and answered with a <see cref="MediaReply"/>:
/// the meeting checks rights and records where media lives.
/// </summary>
public interface IMediaRequest : IWithRoomId
{
    Guid ParticipantId { get; }
}

/// <summary>
/// May this participant publish this kind of session now (in the room; presenter role for screens)?
/// <paramref name="AsCall"/>: as plain RTP from the phone gateway, which only a caller (kind <c>sip</c>) may.
/// </summary>
public sealed record CheckPublish(Guid RoomId, Guid ParticipantId, MediaKind Type, bool AsCall = false) : IMediaRequest;

public sealed record RecordPublished(Guid RoomId, Guid ParticipantId, MediaKind Type, string Instance, string Feed) : IMediaRequest;

/// <summary>publish_complete and update_media_session: refused while force-muted and unmuting.</summary>
public sealed record RecordMediaState(Guid RoomId, Guid ParticipantId, MediaKind Type, bool Audio, bool Video) : IMediaRequest;

public sealed record RecordUnpublished(Guid RoomId, Guid ParticipantId, MediaKind Type, string Reason) : IMediaRequest;

/// <summary>Where to subscribe to <paramref name="Target"/>'s session; only for someone in the same room.</summary>
/// <summary>(the recorder) A keyframe of a publication it records: a decoder can only start at one.</summary>
public sealed record RequestKeyframe(Guid RoomId, Guid ParticipantId, Guid Target, MediaKind Type) : IMediaRequest;

/// <summary>
/// Where a publication is; <paramref name="ForRecording"/>: the room's recorder asks, to record it (only with its publisher's
/// consent); <paramref name="ForCall"/>: the phone gateway asks, to let its caller hear it (only for a caller).
/// </summary>
public sealed record LocateMedia(Guid RoomId, Guid ParticipantId, Guid Target, MediaKind Type, bool ForRecording = false, bool ForCall = false)
    : IMediaRequest;

/// <summary>
/// A member connects audio to a whisper group: refused for anyone who has not joined the group. The answer's location
/// names the instance that mixes the group; when none does yet, <paramref name="Instance"/> (the asker's choice) is recorded.
/// </summary>
/// <param name="Instance">Where to place the group's mixer if it has none yet (a healthy, lightly loaded instance).</param>
/// <param name="Unavailable">The instance the group was placed on, found down: the mixer moves to <paramref name="Instance"/>.</param>
public sealed record JoinWhisperAudio(Guid RoomId, Guid ParticipantId, Guid WhisperId, string Instance, string? Unavailable = null) : IMediaRequest;

/// <summary>The answer to an <see cref="IMediaRequest"/>: an error code, or OK (with the location for <see cref="LocateMedia"/>).</summary>
public sealed record MediaReply(string? Error, PublishedMedia? Location = null) : IEngineMessage
{
    public static readonly MediaReply Ok = new(Error: null);
}

/// <summary>Janus reported that this participant started or stopped talking (not journaled: focus is momentary).</summary>
public sealed record SpeakingChanged(Guid RoomId, Guid ParticipantId, bool Speaking) : IWithRoomId;

public sealed record GrantPresenterRole(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Targets) : IParticipantCommand;

public sealed record RevokePresenterRole(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Targets) : IParticipantCommand;

public sealed record RequirePresenterRole(RoomId RoomId, ParticipantId ParticipantId, bool Required) : IParticipantCommand;

public sealed record AllowUnmute(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Targets) : IParticipantCommand;

/// <summary>Lock every microphone but those of moderators and <paramref name="AllowList"/> (OpenTalk's force mute).</summary>
public sealed record EnableForceMute(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> AllowList) : IParticipantCommand;

public sealed record DisableForceMute(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;
