namespace OpenTalk.Protocol.Signaling;

public enum TimerKindWire { Stopwatch, Countdown }

public enum TimerStyle { Normal, CoffeeBreak }

public enum TimerStoppedKind { ByModerator, Expired, AllReady }

public static class TimerActions
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string UpdateReadyStatus = "update_ready_status";
}

public sealed record TimerConfig(
    Guid TimerId,
    DateTimeOffset StartedAt,
    TimerKindWire Kind,
    DateTimeOffset? EndsAt,
    TimerStyle Style,
    string? Title,
    bool ReadyCheckEnabled,
    bool EndWhenAllReady);

public sealed record TimerStartedPayload(TimerConfig Config) : ServerPayload("started");

public sealed record TimerStoppedPayload(Guid TimerId, TimerStoppedKind Kind, Guid? IssuedBy) : ServerPayload("stopped");

public sealed record UpdatedReadyStatus(Guid TimerId, Guid ParticipantId, bool Status) : ServerPayload("updated_ready_status");

/// <summary>The timer part of <c>join_success</c>: the running timer and who is ready, if any.</summary>
public sealed record TimerModuleState(TimerConfig Config, IReadOnlyDictionary<Guid, bool> ReadyStatus);
