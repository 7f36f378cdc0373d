using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Timers;

public sealed record StartTimer(Guid TimerId, Guid RoomId, TimerKind Kind, TimeSpan? Duration, string? Title, string By,
    DateTimeOffset? StartedAt = null) : IWithTimerId;

public sealed record StopTimer(Guid TimerId, string By) : IWithTimerId;

public sealed record GetTimer(Guid TimerId) : IWithTimerId;

public sealed record TimerView(Guid TimerId, bool Running, TimerKind? Kind, DateTimeOffset? StartedAt, DateTimeOffset? EndsAt,
    TimerStopReason? StoppedBecause, string? Error = null) : IEngineMessage;
