using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator calls a phone number into the meeting.</summary>
public sealed record DialPhone(RoomId RoomId, ParticipantId ParticipantId, string Number) : IParticipantCommand;

/// <summary>A phone gateway took the job of call <see cref="CallId"/>: the number to dial, or an error (<see cref="DialOutReply"/>).</summary>
public sealed record ClaimDialOut(Guid RoomId, Guid CallId) : IWithRoomId;

/// <summary>The gateway could not reach the callee (<see cref="Reason"/>: busy, declined, no_answer, unreachable).</summary>
public sealed record ReportDialOutFailed(Guid RoomId, Guid CallId, string Reason) : IWithRoomId;

public sealed record DialOutReply(string? Number, string? Error) : IEngineMessage;

/// <summary>The room's clock: call <see cref="CallId"/> should have been taken by a gateway, or answered, by now.</summary>
public sealed record DialOutDeadline(Guid CallId) : IMeetingClockTick;
