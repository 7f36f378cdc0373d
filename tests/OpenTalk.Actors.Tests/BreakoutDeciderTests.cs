using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class BreakoutDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId A = new(Guid.NewGuid());
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();
    private static readonly ParticipantIdentity AIdentity = ParticipantIdentity.ForUser(Guid.NewGuid());
    private static readonly RoomId Red = new(Guid.NewGuid());
    private static readonly Guid Blue = Guid.NewGuid();

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new InviteCreated("invite", null),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)) { OccurredAt = Now },
        new ParticipantJoined(A, "Ann", MeetingRole.User, AIdentity) { OccurredAt = Now.AddSeconds(1) },
        new ParticipantJoined(B, "Ben", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())) { OccurredAt = Now.AddSeconds(2) },
        new ParticipantJoined(C, "Cy", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite")) { OccurredAt = Now.AddSeconds(3) },
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    [Fact]
    public void Without_assignments_everyone_but_moderators_is_spread_evenly()
    {
        var state = Then(Room_in_session(), new StartBreakout(Room, Mod,
            [new BreakoutRoomRequest(Red, "Red", []), new BreakoutRoomRequest(Blue, "Blue", [])], TimeSpan.FromMinutes(10), Dice: 0));
        var assignments = state.Breakout!.Assignments;
        Assert.Equal(3, assignments.Count);
        Assert.False(assignments.ContainsKey(Mod));
        Assert.InRange(assignments.Values.Count(r => r == Red), 1, 2);
        Assert.Equal(Now.AddMinutes(10), state.Breakout.Expires);
    }

    [Fact]
    public void Only_assigned_people_and_moderators_enter_a_breakout_room()
    {
        var state = Then(Room_in_session(), new StartBreakout(Room, Mod,
            [new BreakoutRoomRequest(Red, "Red", [A]), new BreakoutRoomRequest(Blue, "Blue", [B, C])], null, 0));
        Assert.Null(BreakoutModule.CheckAdmission(state, new CheckBreakoutAdmission(Room, Red, AIdentity, null), Now).Error);
        Assert.Equal(ProblemCodes.NotAssigned, BreakoutModule.CheckAdmission(state, new CheckBreakoutAdmission(Room, Blue, AIdentity, null), Now).Error);
        Assert.Null(BreakoutModule.CheckAdmission(state, new CheckBreakoutAdmission(Room, Blue, ParticipantIdentity.ForUser(Owner), null), Now).Error);
        Assert.Null(BreakoutModule.CheckAdmission(state, new CheckBreakoutAdmission(Room, Blue, ParticipantIdentity.ForGuest("invite"), null), Now).Error);
        Assert.Equal(ProblemCodes.NotFound, BreakoutModule.CheckAdmission(state, new CheckBreakoutAdmission(Room, Guid.NewGuid(), AIdentity, null), Now).Error);
    }

    [Fact]
    public void A_breakout_session_ends_by_moderator_or_expiry_and_a_breakout_room_closes_with_everyone_leaving()
    {
        var state = Then(Room_in_session(), new StartBreakout(Room, Mod, [new BreakoutRoomRequest(Red, "Red", [A])], TimeSpan.FromMinutes(5), 0));
        Assert.Equal(ErrorCodes.BreakoutAlreadyRunning, When(state, new StartBreakout(Room, Mod, [new BreakoutRoomRequest(Blue, "Blue", [])], null, 0)).Error);
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new StopBreakout(Room, A)).Error);
        Assert.Empty(When(state, new ExpireBreakout(state.Breakout!.StartedAt), Now.AddMinutes(4)).Events);
        Assert.Equal(BreakoutSessionEnded.Expired,
            Assert.IsType<BreakoutSessionEnded>(Assert.Single(When(state, new ExpireBreakout(state.Breakout.StartedAt), Now.AddMinutes(5)).Events)).Reason);

        var red = Then(MeetingState.Empty(Red), new OpenBreakoutRoom(Red, Room, Owner, "Red"));
        Assert.Empty(When(red, new OpenBreakoutRoom(Red, Room, Owner, "Red")).Events); // opening twice is fine
        red = Then(red, new Join(Red, A, AIdentity, "Ann", Akka.Actor.ActorRefs.Nobody));
        var closed = When(red, new CloseBreakoutRoom(Red, BreakoutSessionEnded.Stopped));
        Assert.IsType<BreakoutRoomClosed>(closed.Events[0]);
        Assert.Equal(A, Assert.IsType<ParticipantLeft>(closed.Events[1]).ParticipantId);
        red = closed.Events.Aggregate(red, MeetingEvolve.Apply);
        Assert.Equal(ProblemCodes.NotFound, When(red, new Join(Red, A, AIdentity, "Ann", Akka.Actor.ActorRefs.Nobody)).Error);
        Assert.Equal(ProblemCodes.NotFound, When(red, new OpenBreakoutRoom(Red, Room, Owner, "Red")).Error);
    }

    [Fact]
    public void After_a_restart_a_main_room_nobody_came_back_to_still_closes_its_session_when_the_return_wait_is_over()
    {
        var running = Then(Room_in_session(), new StartBreakout(Room, Mod, [new BreakoutRoomRequest(Red, "Red", [A])], TimeSpan.FromMinutes(5), 0));
        // Everyone went to the breakout rooms.
        var empty = new Guid[] { Mod.Value, A.Value, B, C }.Aggregate(running,
            (state, id) => MeetingEvolve.Apply(state, new ParticipantLeft(id, LeaveReason.Quit) { OccurredAt = Now.AddMinutes(1) }));
        Assert.NotNull(empty.Session);
        var (ended, _, effects) = Run(empty, new ExpireBreakout(running.Breakout!.StartedAt), Now.AddMinutes(5));
        Assert.Null(ended.Breakout);
        var endedAt = ended.BreakoutEndedAt!.Value;
        var waiting = Assert.Single(effects.OfType<StartClock>(), c => c.Tick is CloseSessionAfterBreakout);

        // The node stops now and starts again: the room takes the same wait up, from the same instant.
        var resumed = Assert.Single(MeetingModules.All.Resume(ended).OfType<StartClock>(), c => c.Tick is CloseSessionAfterBreakout);
        Assert.Equal((waiting.Key, waiting.At, endedAt + BreakoutModule.ReturnWait), (resumed.Key, resumed.At, resumed.At));
        Assert.Null(Then(ended, resumed.Tick).Session);

        // Someone came back before the restart: their leaving closes the session, no return wait is taken up.
        var back = MeetingEvolve.Apply(ended, new ParticipantJoined(A, "Ann", MeetingRole.User, AIdentity) { OccurredAt = Now.AddMinutes(6) });
        Assert.DoesNotContain(MeetingModules.All.Resume(back).OfType<StartClock>(), c => c.Tick is CloseSessionAfterBreakout);
        // A new breakout session starts the account afresh.
        Assert.Null(Then(Room_in_session(), new StartBreakout(Room, Mod, [new BreakoutRoomRequest(Red, "Red", [A])], null, 0)).BreakoutEndedAt);
    }
}
