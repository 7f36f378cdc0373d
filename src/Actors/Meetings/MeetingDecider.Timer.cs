using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Timer and coffee break: moderators start and stop; everyone may report being ready.</summary>
public static partial class MeetingDecider
{
    private static Decision? DecideTimer(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (StartRoomTimer or StopRoomTimer or SetReadyStatus))
            return null;
        if (state.Find(command.ParticipantId) is not { IsInRoom: true } me)
            return Decision.Reject(ErrorCodes.NotJoined);
        var by = Actor.Participant(me.Id);
        return command switch
        {
            StartRoomTimer when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            StartRoomTimer when state.Timer is not null => Decision.Reject(ErrorCodes.TimerAlreadyRunning),
            StartRoomTimer c when (c.Kind == TimerKindWire.Countdown && c.Duration is null)
                || (c.Duration is { } d && (d <= TimeSpan.Zero || d > RoomTimer.MaxDuration))
                => Decision.Reject(ErrorCodes.InvalidDuration),
            StartRoomTimer c when c.Title is { Length: > RoomTimer.MaxTitleLength } => Decision.Reject(ErrorCodes.InvalidPayload),
            StartRoomTimer c => Decision.Accept(Stamp(new RoomTimerStarted(c.TimerId, c.Kind,
                c.Kind == TimerKindWire.Countdown ? c.Duration : null, c.Style, c.Title?.Trim() is { Length: > 0 } t ? t : null, c.ReadyCheck, c.ReadyCheck && c.EndWhenAllReady), by, now)),
            StopRoomTimer when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            StopRoomTimer c when state.Timer?.TimerId != c.TimerId => Decision.Reject(ErrorCodes.NoTimerRunning),
            StopRoomTimer c => Decision.Accept(Stamp(new RoomTimerStopped(c.TimerId, TimerStoppedKind.ByModerator), by, now)),
            SetReadyStatus c when state.Timer?.TimerId != c.TimerId => Decision.Reject(ErrorCodes.NoTimerRunning),
            SetReadyStatus when !state.Timer!.ReadyCheck => Decision.Reject(ErrorCodes.ReadyCheckDisabled),
            SetReadyStatus c => state.Timer!.Ready.GetValueOrDefault(me.Id) == c.Ready
                ? Decision.Nothing
                : WithEndWhenAllReady(state, Stamp(new ReadyStatusSet(c.TimerId, me.Id, c.Ready), by, now), now),
            _ => null,
        };
    }

    /// <summary>(ours) A ready check may end the timer once everyone in the room is ready.</summary>
    private static Decision WithEndWhenAllReady(MeetingState state, DomainEvent ready, DateTimeOffset now)
    {
        var after = MeetingEvolve.Apply(state, ready);
        var timer = after.Timer!;
        return timer.EndWhenAllReady && after.InRoom.All(p => timer.Ready.GetValueOrDefault(p.Id))
            ? Decision.Accept(ready, Stamp(new RoomTimerStopped(timer.TimerId, TimerStoppedKind.AllReady), Actor.System, now))
            : Decision.Accept(ready);
    }

    /// <summary>The timer entity reports the end of its countdown; a stale report (another timer) changes nothing.</summary>
    private static Decision DecideTimerExpired(MeetingState state, RoomTimerExpired c, DateTimeOffset now) =>
        state.Timer?.TimerId == c.TimerId
            ? Decision.Accept(Stamp(new RoomTimerStopped(c.TimerId, TimerStoppedKind.Expired), Actor.System, now))
            : Decision.Nothing;
}
