using OpenTalk.Actors.Sharding;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record StartRoomTimer(RoomId RoomId, ParticipantId ParticipantId, Guid TimerId, RoomTimerKind Kind, TimeSpan? Duration,
    RoomTimerStyle Style, string? Title, bool ReadyCheck, bool EndWhenAllReady = false) : IParticipantCommand;

public sealed record StopRoomTimer(RoomId RoomId, ParticipantId ParticipantId, Guid TimerId) : IParticipantCommand;

public sealed record SetReadyStatus(RoomId RoomId, ParticipantId ParticipantId, Guid TimerId, bool Ready) : IParticipantCommand;

/// <summary>From the timer entity: its countdown ran out.</summary>
public sealed record RoomTimerExpired(Guid RoomId, Guid TimerId) : IWithRoomId;
