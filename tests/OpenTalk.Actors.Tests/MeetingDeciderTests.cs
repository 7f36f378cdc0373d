using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

/// <summary>Given a history, when a command arrives, then these events (or this refusal).</summary>
public class MeetingDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId OwnerP = new(Guid.NewGuid());
    private static readonly ParticipantId UserP = new(Guid.NewGuid());
    private static readonly ParticipantId GuestP = new(Guid.NewGuid());
    private static readonly ParticipantIdentity OwnerId = ParticipantIdentity.ForUser(Owner);
    private static readonly ParticipantIdentity UserId = ParticipantIdentity.ForUser(Guid.NewGuid());
    private static readonly ParticipantIdentity GuestId = ParticipantIdentity.ForGuest("code");

    private static RoomCreated Created(bool waitingRoom = false) => new(Room, Owner, null, waitingRoom);

    [Fact]
    public void Owner_joins_as_moderator_and_others_by_their_kind()
    {
        var state = Given(Created());
        var owner = Assert.IsType<ParticipantJoined>(Assert.Single(When(state, new Join(Room, OwnerP, OwnerId, "Olga", Akka.Actor.ActorRefs.Nobody)).Events));
        var guest = Assert.IsType<ParticipantJoined>(Assert.Single(When(state, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody)).Events));
        Assert.Equal(MeetingRole.Moderator, owner.Role);
        Assert.Equal(MeetingRole.Guest, guest.Role);
        Assert.Equal(Now, owner.OccurredAt);
        Assert.Equal($"participant:{OwnerP}", owner.By);
    }

    [Fact]
    public void With_the_waiting_room_on_a_guest_waits_until_accepted_then_enters()
    {
        var state = Given(Created(waitingRoom: true),
            new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId));
        var waiting = When(state, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody));
        Assert.IsType<ParticipantWaiting>(Assert.Single(waiting.Events));
        state = Given([.. new DomainEvent[] { Created(true), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId) }, .. waiting.Events]);

        Assert.Equal(ErrorCodes.NotAccepted, When(state, new EnterRoom(Room, GuestP)).Error);
        var accepted = When(state, new AcceptFromWaitingRoom(Room, OwnerP, GuestP));
        state = MeetingEvolve.Apply(state, Assert.IsType<ParticipantAccepted>(Assert.Single(accepted.Events)));
        Assert.IsType<ParticipantJoined>(Assert.Single(When(state, new EnterRoom(Room, GuestP)).Events));
    }

    [Fact]
    public void Someone_let_in_this_session_comes_back_past_the_waiting_room_unless_removed_or_the_session_closed()
    {
        var state = Given(Created(waitingRoom: true), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId));
        Join Gus() => new(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody);
        state = MeetingEvolve.Apply(state, Assert.IsType<ParticipantWaiting>(Assert.Single(When(state, Gus()).Events)));
        state = MeetingEvolve.Apply(state, new ParticipantAccepted(GuestP));
        state = MeetingEvolve.Apply(state, Assert.IsType<ParticipantJoined>(Assert.Single(When(state, new EnterRoom(Room, GuestP)).Events)));

        // Gus reloads his page after his place expired, or comes back from a breakout room: the same participant, straight in.
        state = MeetingEvolve.Apply(state, new ParticipantLeft(GuestP, LeaveReason.Quit));
        var back = MeetingEvolve.Apply(state, Assert.IsType<ParticipantJoined>(Assert.Single(When(state, Gus()).Events)));
        // Another guest with the same link is someone else: they wait.
        var other = new ParticipantId(Guid.NewGuid());
        Assert.IsType<ParticipantWaiting>(Assert.Single(When(back, new Join(Room, other, GuestId, "Gina", Akka.Actor.ActorRefs.Nobody)).Events));

        // Removed, he waits again; so does everyone once the session has closed.
        var removed = MeetingEvolve.Apply(back, new ParticipantLeft(GuestP, LeaveReason.Kicked));
        Assert.IsType<ParticipantWaiting>(Assert.Single(When(removed, Gus()).Events));
        var sentBack = MeetingEvolve.Apply(back, new ParticipantSentToWaitingRoom(GuestP));
        sentBack = MeetingEvolve.Apply(sentBack, new ParticipantLeft(GuestP, LeaveReason.Quit));
        Assert.IsType<ParticipantWaiting>(Assert.Single(When(sentBack, Gus()).Events));
        var nextSession = MeetingEvolve.Apply(MeetingEvolve.Apply(MeetingEvolve.Apply(back,
            new ParticipantLeft(GuestP, LeaveReason.Quit)), new ParticipantLeft(OwnerP, LeaveReason.Quit)), new SessionClosed());
        Assert.IsType<ParticipantWaiting>(Assert.Single(When(nextSession, Gus()).Events));
    }

    [Fact]
    public void Someone_removed_in_a_breakout_room_waits_again_in_the_main_room()
    {
        var main = Given(Created(waitingRoom: true), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId),
            new ParticipantJoined(GuestP, "Gus", MeetingRole.Guest, GuestId), new ParticipantLeft(GuestP, LeaveReason.Quit));

        // In the breakout room Gus is another participant; a moderator removes him there.
        var breakoutId = Guid.NewGuid();
        var inBreakout = new ParticipantId(Guid.NewGuid());
        var breakout = Given(new BreakoutRoomOpened(breakoutId, Room.Value, Owner, "Room 1"),
            new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId), new ParticipantJoined(inBreakout, "Gus", MeetingRole.Guest, GuestId));
        var kicked = new ParticipantLeft(inBreakout, LeaveReason.Kicked);
        var told = Assert.Single(MeetingModules.All.Effects(kicked, breakout, MeetingEvolve.Apply(breakout, kicked)).OfType<SendToMeeting>());
        var withdraw = Assert.IsType<WithdrawLetIn>(told.Command);
        Assert.Equal(Room.Value, withdraw.RoomId);

        main = MeetingEvolve.Apply(main, Assert.IsType<LetInWithdrawn>(Assert.Single(When(main, withdraw).Events)));
        Assert.Empty(When(main, withdraw).Events);
        Assert.IsType<ParticipantWaiting>(Assert.Single(When(main, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody)).Events));
    }

    [Fact]
    public void Everyone_gone_to_breakout_rooms_does_not_end_the_main_rooms_session_and_they_come_back_past_the_waiting_room()
    {
        var state = Given(Created(waitingRoom: true), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId),
            new ParticipantJoined(GuestP, "Gus", MeetingRole.Guest, GuestId));
        var started = When(state, new StartBreakout(Room, OwnerP, [new BreakoutRoomRequest(Guid.NewGuid(), "Room 1", [GuestP.Value, OwnerP.Value])], TimeSpan.FromMinutes(10), 0));
        state = started.Events.Aggregate(state, MeetingEvolve.Apply);

        var guestGone = When(state, new Leave(Room, GuestP));
        state = guestGone.Events.Aggregate(state, MeetingEvolve.Apply);
        var ownerGone = When(state, new Leave(Room, OwnerP));
        Assert.DoesNotContain(ownerGone.Events, e => e is SessionClosed);
        state = ownerGone.Events.Aggregate(state, MeetingEvolve.Apply);

        var before = state;
        // Everyone is away, so the breakout rooms end when their time is up.
        var ended = When(state, new ExpireBreakout(state.Breakout!.StartedAt), Now.AddMinutes(11)).Events;
        state = ended.Aggregate(state, MeetingEvolve.Apply);
        Assert.IsType<ParticipantJoined>(Assert.Single(When(state, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody)).Events));

        // Nobody comes back: a while later the session ends all the same.
        var clock = Assert.Single(MeetingModules.All.Effects(ended.Single(), before, state).OfType<StartClock>(), c => c.Tick is CloseSessionAfterBreakout);
        Assert.IsType<SessionClosed>(Assert.Single(When(state, (CloseSessionAfterBreakout)clock.Tick).Events));
        var someoneBack = MeetingEvolve.Apply(state, new ParticipantJoined(GuestP, "Gus", MeetingRole.Guest, GuestId));
        Assert.Empty(When(someoneBack, (CloseSessionAfterBreakout)clock.Tick).Events);
    }

    [Fact]
    public void A_full_room_blocks_one_more_but_not_someone_coming_back_and_the_waiting_room_takes_no_place()
    {
        var state = Given(Created(), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId),
            new ParticipantJoined(UserP, "Uma", MeetingRole.User, UserId),
            new ParticipantDisconnected(UserP, DisconnectReasons.ConnectionLost)) with { ParticipantLimit = 2 };

        var blocked = When(state, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody));
        Assert.Equal(ErrorCodes.ParticipantLimitReached, blocked.Error);
        Assert.Empty(blocked.Events);
        // Uma's socket dropped; she keeps her place and comes back.
        Assert.IsType<ParticipantReconnected>(Assert.Single(When(state, new Join(Room, UserP, UserId, "Uma", Akka.Actor.ActorRefs.Nobody)).Events));
        Assert.IsType<ParticipantJoined>(Assert.Single(When(state with { ParticipantLimit = 3 }, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody)).Events));

        // With the waiting room on, Gus waits and is accepted, but enters only once there is room.
        state = MeetingEvolve.Apply(state, new RoomUpdated(null, WaitingRoom: true));
        state = MeetingEvolve.Apply(state, Assert.IsType<ParticipantWaiting>(Assert.Single(When(state, new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody)).Events)));
        state = MeetingEvolve.Apply(state, Assert.IsType<ParticipantAccepted>(Assert.Single(When(state, new AcceptFromWaitingRoom(Room, OwnerP, GuestP)).Events)));
        Assert.Equal(ErrorCodes.ParticipantLimitReached, When(state, new EnterRoom(Room, GuestP)).Error);
        state = MeetingEvolve.Apply(state, new ParticipantLeft(UserP, LeaveReason.Quit));
        Assert.IsType<ParticipantJoined>(Assert.Single(When(state, new EnterRoom(Room, GuestP)).Events));
    }

    [Fact]
    public void While_breakout_rooms_run_the_main_room_keeps_the_places_of_those_away_and_a_breakout_room_has_no_limit()
    {
        var state = Given(Created(), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId)) with { ParticipantLimit = 2 };
        var gus = new Join(Room, GuestP, GuestId, "Gus", Akka.Actor.ActorRefs.Nobody);
        Assert.Null(When(state, gus).Error);

        // Uma is in a breakout room: her place in the main room is kept.
        var away = state with { Breakout = new BreakoutSession([], new Dictionary<Guid, Guid> { [UserP.Value] = Guid.NewGuid() }, Now, null) };
        Assert.Equal(ErrorCodes.ParticipantLimitReached, When(away, gus).Error);
        Assert.Null(When(away with { MainRoomId = Guid.NewGuid() }, gus).Error);
    }

    [Fact]
    public void Meeting_refuses_grant_from_a_non_moderator_and_writes_nothing()
    {
        var state = Given(Created(), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId),
            new ParticipantJoined(UserP, "Uma", MeetingRole.User, UserId));
        var decision = When(state, new GrantModeratorRole(Room, UserP, OwnerP));
        Assert.Equal(ErrorCodes.InsufficientPermissions, decision.Error);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_guest_cannot_be_made_moderator()
    {
        var state = Given(Created(), new ParticipantJoined(OwnerP, "Olga", MeetingRole.Moderator, OwnerId),
            new ParticipantJoined(GuestP, "Gus", MeetingRole.Guest, GuestId));
        Assert.Equal(ErrorCodes.GuestCannotBeModerator, When(state, new GrantModeratorRole(Room, OwnerP, GuestP)).Error);
    }

    [Fact]
    public void Raising_a_raised_hand_writes_nothing_and_lowering_it_does()
    {
        var state = Given(Created(), new ParticipantJoined(UserP, "Uma", MeetingRole.User, UserId), new HandRaised(UserP));
        Assert.Empty(When(state, new RaiseHand(Room, UserP)).Events);
        Assert.IsType<HandLowered>(Assert.Single(When(state, new LowerHand(Room, UserP)).Events));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\u0007name")]
    public void Join_refuses_an_unusable_display_name(string name)
    {
        var state = Given(Created());
        Assert.Equal(ErrorCodes.InvalidDisplayName, When(state, new Join(Room, UserP, UserId, name, Akka.Actor.ActorRefs.Nobody)).Error);
    }

    [Fact]
    public void A_disconnected_participant_that_comes_back_is_reconnected_not_joined_again()
    {
        var state = Given(Created(), new ParticipantJoined(UserP, "Uma", MeetingRole.User, UserId),
            new ParticipantDisconnected(UserP, DisconnectReasons.ConnectionLost));
        Assert.IsType<ParticipantReconnected>(Assert.Single(When(state, new Join(Room, UserP, UserId, "Uma", Akka.Actor.ActorRefs.Nobody)).Events));
    }

    [Fact]
    public void Someone_else_cannot_take_over_a_participant_id()
    {
        var state = Given(Created(), new ParticipantJoined(UserP, "Uma", MeetingRole.User, UserId));
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new Join(Room, UserP, GuestId, "Mallory", Akka.Actor.ActorRefs.Nobody)).Error);
    }

    [Fact]
    public void A_participant_never_reattached_after_recovery_is_recorded_as_disconnected_then_timed_out()
    {
        var state = Given(Created(), new ParticipantJoined(UserP, "Uma", MeetingRole.User, UserId));
        var events = When(state, new ExpireResumption(UserP)).Events;
        Assert.Collection(events,
            e => Assert.Equal(DisconnectReasons.NotReattached, Assert.IsType<ParticipantDisconnected>(e).Reason),
            e => Assert.Equal(LeaveReason.Timeout, Assert.IsType<ParticipantLeft>(e).Reason),
            e => Assert.IsType<SessionClosed>(e)); // the last one left, so the session ended
    }

    [Fact]
    public void Only_the_owner_creates_invites_and_not_already_expired_ones()
    {
        var state = Given(Created());
        Assert.Equal(ProblemCodes.Forbidden, When(state, new CreateInvite(Room, Guid.NewGuid(), "c", null)).Error);
        Assert.Equal(ProblemCodes.ValidationFailed, When(state, new CreateInvite(Room, Owner, "c", Now.AddMinutes(-1))).Error);
        Assert.IsType<InviteCreated>(Assert.Single(When(state, new CreateInvite(Room, Owner, "c", Now.AddDays(1))).Events));
    }

    [Fact]
    public void Commands_to_a_room_that_was_never_created_are_refused()
    {
        Assert.Equal(ProblemCodes.NotFound, When(Given(), new Join(Room, UserP, UserId, "Uma", Akka.Actor.ActorRefs.Nobody)).Error);
        Assert.Equal(MeetingDecider.AlreadyExists, When(Given(Created()), new CreateRoom(Room, Owner, null, false)).Error);
    }
}
