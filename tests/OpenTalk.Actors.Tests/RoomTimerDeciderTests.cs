using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class RoomTimerDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId User = new(Guid.NewGuid());
    private static readonly Guid Timer = Guid.NewGuid();

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(User, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static StartRoomTimer Coffee(Guid by, TimeSpan? duration, bool readyCheck = true) =>
        new(Room, new ParticipantId(by), Timer, RoomTimerKind.Countdown, duration, RoomTimerStyle.CoffeeBreak, "Coffee", readyCheck);

    [Fact]
    public void A_moderator_starts_one_countdown_at_a_time_with_a_sane_duration()
    {
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(Room_in_session(), Coffee(User, TimeSpan.FromMinutes(5))).Error);
        Assert.Equal(ErrorCodes.InvalidDuration, When(Room_in_session(), Coffee(Mod, null)).Error);
        Assert.Equal(ErrorCodes.InvalidDuration, When(Room_in_session(), Coffee(Mod, TimeSpan.FromDays(2))).Error);
        var state = Then(Room_in_session(), Coffee(Mod, TimeSpan.FromMinutes(5)));
        Assert.Equal(Now.AddMinutes(5), state.Timer!.EndsAt);
        Assert.Equal(ErrorCodes.TimerAlreadyRunning, When(state, Coffee(Mod, TimeSpan.FromMinutes(1))).Error);
    }

    [Fact]
    public void Participants_mark_themselves_ready_only_with_a_ready_check()
    {
        var state = Then(Room_in_session(), Coffee(Mod, TimeSpan.FromMinutes(5)));
        state = Then(state, new SetReadyStatus(Room, User, Timer, true));
        Assert.True(state.Timer!.Ready[User]);
        Assert.Empty(When(state, new SetReadyStatus(Room, User, Timer, true)).Events);
        Assert.Equal(ErrorCodes.NoTimerRunning, When(state, new SetReadyStatus(Room, User, Guid.NewGuid(), true)).Error);

        var noCheck = Then(Room_in_session(), Coffee(Mod, TimeSpan.FromMinutes(5), readyCheck: false));
        Assert.Equal(ErrorCodes.ReadyCheckDisabled, When(noCheck, new SetReadyStatus(Room, User, Timer, true)).Error);
    }

    [Fact]
    public void The_timer_ends_once_by_moderator_or_by_expiry_and_stale_reports_change_nothing()
    {
        var state = Then(Room_in_session(), Coffee(Mod, TimeSpan.FromMinutes(5)));
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new StopRoomTimer(Room, User, Timer)).Error);
        var expired = When(state, new RoomTimerExpired(Room, Timer));
        Assert.Equal(RoomTimerStopReason.Expired, Assert.IsType<RoomTimerStopped>(Assert.Single(expired.Events)).Kind);
        state = expired.Events.Aggregate(state, MeetingEvolve.Apply);
        Assert.Null(state.Timer);
        Assert.Empty(When(state, new RoomTimerExpired(Room, Timer)).Events);
        Assert.Equal(ErrorCodes.NoTimerRunning, When(state, new StopRoomTimer(Room, Mod, Timer)).Error);
    }

    [Fact]
    public void With_end_when_all_ready_the_last_ready_participant_ends_the_timer()
    {
        var state = Then(Room_in_session(), Coffee(Mod, TimeSpan.FromMinutes(5)) with { EndWhenAllReady = true });
        state = Then(state, new SetReadyStatus(Room, Mod, Timer, true));
        Assert.NotNull(state.Timer);
        var last = When(state, new SetReadyStatus(Room, User, Timer, true));
        Assert.Equal(RoomTimerStopReason.AllReady, Assert.IsType<RoomTimerStopped>(last.Events[^1]).Kind);
    }
}
