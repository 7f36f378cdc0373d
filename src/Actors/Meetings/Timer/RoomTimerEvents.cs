using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The room's view of a timer; the clock itself is the timer entity of the same id.</summary>
public sealed record RoomTimerStarted(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("kind")] RoomTimerKind Kind,
    [property: JsonPropertyName("duration")] TimeSpan? Duration,
    [property: JsonPropertyName("style")] RoomTimerStyle Style,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("ready_check")] bool ReadyCheck,
    [property: JsonPropertyName("end_when_all_ready")] bool EndWhenAllReady = false) : DomainEvent;

public sealed record RoomTimerStopped(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("kind")] RoomTimerStopReason Kind) : DomainEvent;

public sealed record ReadyStatusSet(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("ready")] bool Ready) : DomainEvent;
