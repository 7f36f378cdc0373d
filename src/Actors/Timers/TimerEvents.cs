using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Timers;

public enum TimerKind { Countdown, Stopwatch }

public enum TimerStopReason { ByModerator, Expired }

public sealed record TimerStarted(Guid TimerId, Guid RoomId, TimerKind Kind, TimeSpan? Duration, string? Title) : DomainEvent;

public sealed record TimerStopped(Guid TimerId, TimerStopReason Reason) : DomainEvent;
