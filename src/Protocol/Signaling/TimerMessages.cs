namespace OpenTalk.Protocol.Signaling;

public enum TimerKindWire { Stopwatch, Countdown }

/// <summary>How a timer shows: as a timer, or as a coffee break (a curtain over the room), spelled as OpenTalk's apps spell it.</summary>
public enum TimerStyle
{
    Normal,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("coffee-break")] CoffeeBreak,
}

public enum TimerStoppedKind { ByModerator, Expired, AllReady }

public static class TimerActions
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string UpdateReadyStatus = "update_ready_status";
}

/// <summary>A timer started, with its fields at the top level as OpenTalk's apps read them; <c>end_when_all_ready</c> is ours.</summary>
public sealed record TimerStartedPayload(
    Guid TimerId,
    DateTimeOffset StartedAt,
    TimerKindWire Kind,
    DateTimeOffset? EndsAt,
    TimerStyle Style,
    string? Title,
    bool ReadyCheckEnabled,
    bool EndWhenAllReady) : ServerPayload("started");

/// <summary>Who stopped the timer (<c>participant_id</c>, for <c>by_moderator</c>), or why it ended on its own.</summary>
public sealed record TimerStoppedPayload(Guid TimerId, TimerStoppedKind Kind, Guid? ParticipantId) : ServerPayload("stopped");

public sealed record UpdatedReadyStatus(Guid TimerId, Guid ParticipantId, bool Status) : ServerPayload("updated_ready_status");

/// <summary>
/// The timer part of <c>join_success</c> while one runs, flat as OpenTalk's <c>TimerStatus</c>: the timer, and whether the
/// joiner said ready (when it checks readiness). Whether the others are ready is in their <c>timer</c> part in <c>participants</c>.
/// </summary>
public sealed record TimerModuleState(
    Guid TimerId,
    DateTimeOffset StartedAt,
    TimerKindWire Kind,
    DateTimeOffset? EndsAt,
    TimerStyle Style,
    string? Title,
    bool ReadyCheckEnabled,
    bool EndWhenAllReady,
    bool? ReadyStatus);

/// <summary>A participant's part of a running timer with a ready check, in <c>join_success</c>'s <c>participants</c>.</summary>
public sealed record ParticipantTimer(bool ReadyStatus);
