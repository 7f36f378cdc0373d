using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

/// <summary>The room's recording and live streams: moderators start, pause and stop them; everyone answers whether they may be recorded.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(StartStream), RecordingActions.StartStream)]
[JsonDerivedType(typeof(PauseStream), RecordingActions.PauseStream)]
[JsonDerivedType(typeof(StopStream), RecordingActions.StopStream)]
[JsonDerivedType(typeof(SetConsent), RecordingActions.SetConsent)]
public interface IRecordingMessage;

public sealed record StartStream(IReadOnlyList<Guid>? TargetIds) : IRecordingMessage;

public sealed record PauseStream(IReadOnlyList<Guid>? TargetIds) : IRecordingMessage;

public sealed record StopStream(IReadOnlyList<Guid>? TargetIds) : IRecordingMessage;

public sealed record SetConsent(bool? Consent) : IRecordingMessage;

/// <summary>(ours) What the recorder reports; no one else may send here.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "action")]
[JsonDerivedType(typeof(ReportStream), RecordingActions.StreamUpdated)]
[JsonDerivedType(typeof(ForwardMedia), RecordingActions.Forward)]
[JsonDerivedType(typeof(StopForwardMedia), RecordingActions.StopForward)]
[JsonDerivedType(typeof(RequestKeyframe), RecordingActions.Keyframe)]
public interface IRecordingServiceMessage;

/// <summary>Send a publication's RTP to <c>host</c> (an IPv4 address): its audio to <c>audio_port</c>, its video to <c>video_port</c>.</summary>
public sealed record ForwardMedia(Guid? Target, MediaSessionType? MediaSessionType, string? Host, int? AudioPort = null, int? VideoPort = null)
    : IRecordingServiceMessage;

public sealed record StopForwardMedia(Guid? Target, MediaSessionType? MediaSessionType) : IRecordingServiceMessage;

/// <summary>A keyframe of a forwarded publication, for a decoder that lost its way (one comes by itself when the forward starts).</summary>
public sealed record RequestKeyframe(Guid? Target, MediaSessionType? MediaSessionType) : IRecordingServiceMessage;

/// <summary>A stream's new status; <c>reason</c> with <c>error</c>.</summary>
public sealed record ReportStream(Guid? TargetId, StreamStatus? Status, StreamErrorReason? Reason = null) : IRecordingServiceMessage;
