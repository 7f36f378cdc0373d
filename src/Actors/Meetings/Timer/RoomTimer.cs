using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The running timer of a room, as the room shows it.</summary>
public sealed record RoomTimer(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("kind")] RoomTimerKind Kind,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration")] TimeSpan? Duration,
    [property: JsonPropertyName("style")] RoomTimerStyle Style,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("ready_check")] bool ReadyCheck,
    [property: JsonPropertyName("ready")] ImmutableDictionary<Guid, bool> Ready,
    [property: JsonPropertyName("end_when_all_ready")] bool EndWhenAllReady = false)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    public const int MaxTitleLength = 255;

    [JsonPropertyName("ends_at")]
    public DateTimeOffset? EndsAt => Duration is { } d ? StartedAt + d : null;

    public TimerStartedPayload Started() => new(TimerId, StartedAt, Kind.ToWire(), EndsAt, Style.ToWire(), Title, ReadyCheck, EndWhenAllReady);

    /// <summary>The timer as <paramref name="participant"/> finds it on joining, with its own readiness when the timer asks for it.</summary>
    public TimerModuleState ModuleState(Guid participant) => new(TimerId, StartedAt, Kind.ToWire(), EndsAt, Style.ToWire(), Title, ReadyCheck,
        EndWhenAllReady, ReadyCheck ? Ready.GetValueOrDefault(participant) : null);

    /// <summary>What others see of <paramref name="participant"/>'s readiness; null without a ready check.</summary>
    public ParticipantTimer? Of(Guid participant) => ReadyCheck ? new ParticipantTimer(Ready.GetValueOrDefault(participant)) : null;
}
