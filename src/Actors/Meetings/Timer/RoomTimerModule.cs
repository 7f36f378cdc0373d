using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Timers;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Timer and coffee break: moderators start and stop a timer for the room; with a ready check everyone may
/// report being ready. The countdown itself runs in the timer entity of the same id, which this module starts,
/// stops and wakes through its effects.
/// </summary>
public sealed class RoomTimerModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(RoomTimerStarted), "meeting.timer_started.v1"),
        (typeof(RoomTimerStopped), "meeting.timer_stopped.v1"),
        (typeof(ReadyStatusSet), "meeting.ready_status_set.v1"),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        RoomTimerExpired c => Expired(state, c, now),
        IParticipantCommand c and (StartRoomTimer or StopRoomTimer or SetReadyStatus) => FromParticipant(state, c, now),
        _ => null,
    };

    private Decision FromParticipant(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (MeetingDecider.RequireInRoom(state, command.ParticipantId, out var me) is { } refused)
            return refused;
        var by = Actor.Participant(me.Id);
        return command switch
        {
            StartRoomTimer when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            StartRoomTimer when state.Timer is not null => Decision.Reject(ErrorCodes.TimerAlreadyRunning),
            StartRoomTimer c when (c.Kind == RoomTimerKind.Countdown && c.Duration is null)
                || (c.Duration is { } d && (d <= TimeSpan.Zero || d > RoomTimer.MaxDuration))
                => Decision.Reject(ErrorCodes.InvalidDuration),
            StartRoomTimer c when c.Title is { Length: > RoomTimer.MaxTitleLength } => Decision.Reject(ErrorCodes.InvalidPayload),
            StartRoomTimer c => Decision.Accept(MeetingDecider.Stamp(new RoomTimerStarted(c.TimerId, c.Kind,
                c.Kind == RoomTimerKind.Countdown ? c.Duration : null, c.Style, c.Title?.Trim() is { Length: > 0 } t ? t : null, c.ReadyCheck,
                c.ReadyCheck && c.EndWhenAllReady), by, now)),
            StopRoomTimer when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            StopRoomTimer c when state.Timer?.TimerId != c.TimerId => Decision.Reject(ErrorCodes.NoTimerRunning),
            StopRoomTimer c => Decision.Accept(MeetingDecider.Stamp(new RoomTimerStopped(c.TimerId, RoomTimerStopReason.ByModerator), by, now)),
            SetReadyStatus c when state.Timer?.TimerId != c.TimerId => Decision.Reject(ErrorCodes.NoTimerRunning),
            SetReadyStatus when !state.Timer!.ReadyCheck => Decision.Reject(ErrorCodes.ReadyCheckDisabled),
            SetReadyStatus c => state.Timer!.Ready.GetValueOrDefault(me.Id) == c.Ready
                ? Decision.Nothing
                : WithEndWhenAllReady(state, MeetingDecider.Stamp(new ReadyStatusSet(c.TimerId, me.Id, c.Ready), by, now), now),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    /// <summary>(ours) A ready check may end the timer once everyone in the room is ready.</summary>
    private Decision WithEndWhenAllReady(MeetingState state, DomainEvent ready, DateTimeOffset now)
    {
        var timer = Apply(state, ready)!.Timer!;
        return timer.EndWhenAllReady && state.InRoom.All(p => timer.Ready.GetValueOrDefault(p.Id))
            ? Decision.Accept(ready, MeetingDecider.Stamp(new RoomTimerStopped(timer.TimerId, RoomTimerStopReason.AllReady), Actor.System, now))
            : Decision.Accept(ready);
    }

    /// <summary>The timer entity reports the end of its countdown; a stale report (another timer) changes nothing.</summary>
    private static Decision Expired(MeetingState state, RoomTimerExpired c, DateTimeOffset now) =>
        state.Timer?.TimerId == c.TimerId
            ? Decision.Accept(MeetingDecider.Stamp(new RoomTimerStopped(c.TimerId, RoomTimerStopReason.Expired), Actor.System, now))
            : Decision.Nothing;

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        RoomTimerStarted e => state with
        {
            Timer = new RoomTimer(e.TimerId, e.Kind, e.OccurredAt, e.Duration, e.Style, e.Title, e.ReadyCheck,
                ImmutableDictionary<Guid, bool>.Empty, e.EndWhenAllReady),
        },
        RoomTimerStopped e => state.Timer?.TimerId == e.TimerId ? state with { Timer = null } : state,
        ReadyStatusSet e => state.Timer?.TimerId == e.TimerId
            ? state with { Timer = state.Timer with { Ready = state.Timer.Ready.SetItem(e.ParticipantId, e.Ready) } }
            : state,
        _ => null,
    };

    public ModuleJoinState? JoinState(JoinContext join) =>
        join.State.Timer?.ModuleState(join.Me.Id) is { } timer ? new(Namespaces.Timer, timer) : null;

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        RoomTimerStarted => MeetingNotifications.ToRoom(after, Namespaces.Timer, after.Timer!.Started()),
        RoomTimerStopped e => MeetingNotifications.ToRoom(after, Namespaces.Timer, new TimerStoppedPayload(e.TimerId, e.Kind.ToWire(), Actor.ParticipantOf(e.By))),
        ReadyStatusSet e => MeetingNotifications.ToRoom(after, Namespaces.Timer, new UpdatedReadyStatus(e.TimerId, e.ParticipantId, e.Ready)),
        _ => null,
    };

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        RoomTimerStarted started => [new SendToTimers(StartCommandFor(after.RoomId, after.Timer!, started.By))],
        RoomTimerStopped { Kind: not RoomTimerStopReason.Expired } stopped => [new SendToTimers(new StopTimer(stopped.TimerId, stopped.By))],
        _ => [],
    };

    /// <summary>Wakes the room's timer entity: it reschedules itself, or tells the room it ended meanwhile.</summary>
    public IEnumerable<MeetingEffect> Resume(MeetingState state) =>
        state.Timer is { } timer ? [new SendToTimers(new GetTimer(timer.TimerId))] : [];

    public static StartTimer StartCommandFor(Guid roomId, RoomTimer timer, string by) =>
        new(timer.TimerId, roomId, timer.Kind == RoomTimerKind.Countdown ? TimerKind.Countdown : TimerKind.Stopwatch,
            timer.Duration, timer.Title, by, timer.StartedAt);
}
