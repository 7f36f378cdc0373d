namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator starts the named streams (the recording, live streams), or resumes paused ones.</summary>
public sealed record StartStreams(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> TargetIds) : IParticipantCommand;

public sealed record PauseStreams(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> TargetIds) : IParticipantCommand;

public sealed record StopStreams(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> TargetIds) : IParticipantCommand;

/// <summary>Whether the sender may be recorded (seen and named); until they say so, they are not.</summary>
public sealed record SetRecordingConsent(RoomId RoomId, ParticipantId ParticipantId, bool Consent) : IParticipantCommand;

/// <summary>The recorder reports a stream's new phase (with a reason when it failed).</summary>
public sealed record ReportStreamPhase(RoomId RoomId, ParticipantId ParticipantId, Guid TargetId, StreamPhase Phase,
    string? ErrorCode, string? ErrorMessage) : IParticipantCommand;

/// <summary>The room's clock: a recorder asked for by <see cref="JobId"/> should have joined by now.</summary>
public sealed record RecorderDeadline(Guid JobId) : IMeetingClockTick;

/// <summary>
/// A service the meeting needs (a recorder): the node hands it to the service dispatch (RabbitMQ, or the service in
/// the node itself). <see cref="MainRoomId"/> is set for a breakout room.
/// </summary>
public sealed record ServiceJobRequested(string Kind, Guid RoomId, Guid? MainRoomId, Guid JobId);

/// <summary>Asks for a service: published on the node's event stream, where the dispatch listens.</summary>
public sealed record RequestService(ServiceJobRequested Job) : MeetingEffect;
