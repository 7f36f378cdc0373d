using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Timers;

public enum TimerKind { Countdown, Stopwatch }

public enum TimerStopReason { ByModerator, Expired }

/// <summary><see cref="StartedAt"/> is the room's start time, so a late start still ends when the room said.</summary>
public sealed record TimerStarted(Guid TimerId, Guid RoomId, TimerKind Kind, TimeSpan? Duration, string? Title, DateTimeOffset? StartedAt = null)
    : DomainEvent;

public sealed record TimerStopped(Guid TimerId, TimerStopReason Reason) : DomainEvent;
