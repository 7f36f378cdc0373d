namespace OpenTalk.Protocol.Signaling;

public static class RecordingActions
{
    public const string StartStream = "start_stream";
    public const string PauseStream = "pause_stream";
    public const string StopStream = "stop_stream";
    public const string SetConsent = "set_consent";

    /// <summary>From the recorder, in <see cref="Namespaces.RecordingService"/>.</summary>
    public const string StreamUpdated = "stream_updated";
    public const string Forward = "forward";
    public const string StopForward = "stop_forward";
    public const string Keyframe = "keyframe";
}

/// <summary>Where a stream stands, as OpenTalk spells it: the recording and each live stream have their own.</summary>
public enum StreamStatus { Inactive, Starting, Active, Paused, Error }

/// <summary>What a stream is: the room's recording, or a live stream to one of its streaming targets.</summary>
public enum StreamingKind { Recording, Livestream }

/// <summary>Why a stream failed: a code programs read, and words for people.</summary>
public sealed record StreamErrorReason(string Code, string Message);

/// <summary>A stream changed; <c>reason</c> only with status <c>error</c>. To everyone in the room.</summary>
public sealed record StreamUpdated(Guid TargetId, StreamStatus Status, StreamErrorReason? Reason = null) : ServerPayload("stream_updated");

/// <summary>No recorder came to do what a moderator started (<c>error</c>: <c>timeout</c>); to whoever started it.</summary>
public sealed record RecorderError(string Error) : ServerPayload("recorder_error");

/// <summary>One of the room's streams in <c>join_success</c>: its name, kind, where viewers watch it, and its status.</summary>
public sealed record RecordingTargetInfo(string Name, StreamingKind StreamingKind, string? PublicUrl, StreamStatus Status, StreamErrorReason? Reason);

/// <summary>The <c>recording</c> part of <c>join_success</c>: every stream of the room by id.</summary>
public sealed record RecordingModuleState(IReadOnlyDictionary<Guid, RecordingTargetInfo> Targets);

/// <summary>A participant's part under <c>recording</c>, once they answered whether they may be recorded.</summary>
public sealed record RecordingPeerState(bool ConsentsRecording);

/// <summary>(ours) What the recorder must do: one message per change, naming the streams.</summary>
public sealed record RecorderStart(IReadOnlyList<Guid> TargetIds) : ServerPayload("start_streams");

public sealed record RecorderPause(IReadOnlyList<Guid> TargetIds) : ServerPayload("pause_streams");

public sealed record RecorderStop(IReadOnlyList<Guid> TargetIds) : ServerPayload("stop_streams");

/// <summary>(ours) One stream as the recorder is told it: where a live stream goes (<c>location</c>, with its key) and what to do now.</summary>
public sealed record ServiceStream(string Name, StreamingKind StreamKind, string? Location, StreamStatus Status);

/// <summary>(ours) The recorder's <c>join_success</c> part: the room's streams; those <c>starting</c> are to be started.</summary>
public sealed record RecordingServiceState(IReadOnlyDictionary<Guid, ServiceStream> Streams);
