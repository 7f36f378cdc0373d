using System.Collections.Immutable;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The running timer of a room, as the room shows it.</summary>
public sealed record RoomTimer(
    Guid TimerId,
    TimerKindWire Kind,
    DateTimeOffset StartedAt,
    TimeSpan? Duration,
    TimerStyle Style,
    string? Title,
    bool ReadyCheck,
    ImmutableDictionary<Guid, bool> Ready,
    bool EndWhenAllReady = false)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    public const int MaxTitleLength = 255;

    public DateTimeOffset? EndsAt => Duration is { } d ? StartedAt + d : null;

    public TimerConfig Config() => new(TimerId, StartedAt, Kind, EndsAt, Style, Title, ReadyCheck, EndWhenAllReady);

    public TimerModuleState ModuleState() => new(Config(), Ready);
}
