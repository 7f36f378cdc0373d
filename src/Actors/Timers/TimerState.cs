using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Actors.Timers;

/// <summary>A countdown or stopwatch. The end time is stored, never the remaining time, so recovery is exact.</summary>
public sealed record TimerState(
    [property: JsonPropertyName("timer_id")] Guid TimerId,
    [property: JsonPropertyName("started")] TimerStarted? Started,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("stopped_because")] TimerStopReason? StoppedBecause,
    [property: JsonPropertyName("last_hash")] string LastHash) : IChainedState<TimerState>
{
    public const string AlreadyStarted = "timer_already_started";
    public const string NotRunning = "timer_not_running";
    public const string InvalidDuration = "invalid_duration";

    public static TimerState Empty(Guid id) => new(id, null, null, null, HashChain.Genesis);

    [JsonPropertyName("is_running")]
    public bool IsRunning => Started is not null && StoppedBecause is null;

    [JsonPropertyName("ends_at")]
    public DateTimeOffset? EndsAt => Started?.Duration is { } d && StartedAt is { } at ? at + d : null;

    public TimerState WithLastHash(string hash) => this with { LastHash = hash };

    public TimerView View() => new(TimerId, IsRunning, Started?.Kind, StartedAt, EndsAt, StoppedBecause);

    public static TimerState Evolve(TimerState state, DomainEvent evt) => evt switch
    {
        TimerStarted e => state with { Started = e, StartedAt = e.StartedAt ?? e.OccurredAt, StoppedBecause = null },
        TimerStopped e => state with { StoppedBecause = e.Reason },
        _ => throw new ArgumentException($"A timer cannot apply {evt.GetType().Name}.", nameof(evt)),
    };

    public static Decision Decide(TimerState state, object command, DateTimeOffset now) => command switch
    {
        StartTimer when state.Started is not null => Decision.Reject(AlreadyStarted),
        StartTimer c when c.Kind == TimerKind.Countdown && c.Duration is not { Ticks: > 0 } => Decision.Reject(InvalidDuration),
        StartTimer c => Decision.Accept(new TimerStarted(c.TimerId, c.RoomId, c.Kind,
            c.Kind == TimerKind.Countdown ? c.Duration : null, c.Title, c.StartedAt) { OccurredAt = now, By = c.By }),
        StopTimer when !state.IsRunning => Decision.Reject(NotRunning),
        StopTimer c => Decision.Accept(new TimerStopped(state.TimerId, TimerStopReason.ByModerator) { OccurredAt = now, By = c.By }),
        _ => throw new ArgumentException($"A timer cannot decide {command.GetType().Name}.", nameof(command)),
    };
}
