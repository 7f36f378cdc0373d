using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The room's view of a timer; the clock itself is the timer entity of the same id.</summary>
public sealed record RoomTimerStarted(Guid TimerId, TimerKindWire Kind, TimeSpan? Duration, TimerStyle Style, string? Title, bool ReadyCheck,
    bool EndWhenAllReady = false) : DomainEvent;

public sealed record RoomTimerStopped(Guid TimerId, TimerStoppedKind Kind) : DomainEvent;

public sealed record ReadyStatusSet(Guid TimerId, Guid ParticipantId, bool Ready) : DomainEvent;
