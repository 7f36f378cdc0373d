using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Timers;

public enum TimerKind { Countdown, Stopwatch }

public enum TimerStopReason { ByModerator, Expired }

/// <summary><see cref="StartedAt"/> is the room's start time, so a late start still ends when the room said.</summary>
public sealed record TimerStarted(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("kind")] TimerKind Kind,
    [property: JsonPropertyName("duration")] TimeSpan? Duration,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt = null)
    : DomainEvent;

public sealed record TimerStopped(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("reason")] TimerStopReason Reason) : DomainEvent;
