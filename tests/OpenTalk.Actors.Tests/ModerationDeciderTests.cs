using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class ModerationDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId User = new(Guid.NewGuid());
    private static readonly ParticipantId Guest = new(Guid.NewGuid());
    private static readonly Guid Guest2 = Guid.NewGuid();
    private static readonly ParticipantIdentity UserIdentity = ParticipantIdentity.ForUser(Guid.NewGuid());

    /// <summary>The owner (moderator), a user, and two guests who came through the same invite.</summary>
    private static MeetingState Room_in_session(bool waitingRoom = false) => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, waitingRoom),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(User, "Uma", MeetingRole.User, UserIdentity),
        new ParticipantJoined(Guest, "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite")),
        new ParticipantJoined(Guest2, "Gwen", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite")),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static MeetingState Apply(MeetingState state, Decision decision) => decision.Events.Aggregate(state, MeetingEvolve.Apply);

    [Fact]
    public void Every_moderation_command_from_a_non_moderator_is_refused_without_events()
    {
        var state = Room_in_session();
        IParticipantCommand[] commands =
        [
            new Kick(Room, User, Guest), new Ban(Room, User, Guest), new SendToWaitingRoom(Room, User, Guest),
            new Debrief(Room, User, DebriefScope.All), new ChangeDisplayName(Room, User, Guest, "X"),
            new SetWaitingRoom(Room, User, true), new SetRaiseHands(Room, User, false),
            new ResetRaisedHands(Room, User, null), new RequestMuteOf(Room, User, [], false),
            new AcceptAllWaiting(Room, User), new AcceptFromWaitingRoom(Room, User, Guest),
        ];
        foreach (var command in commands)
        {
            var decision = When(state, command);
            Assert.Equal(ErrorCodes.InsufficientPermissions, decision.Error);
            Assert.Empty(decision.Events);
        }
    }

    [Fact]
    public void A_kicked_participant_leaves_with_reason_kicked_and_the_owner_cannot_be_kicked()
    {
        var state = Room_in_session();
        Assert.Equal(LeaveReason.Kicked, Assert.IsType<ParticipantLeft>(Assert.Single(When(state, new Kick(Room, Mod, User)).Events)).Reason);
        state = Apply(state, When(state, new GrantModeratorRole(Room, Mod, User)));
        Assert.Equal(ErrorCodes.CannotTargetRoomOwner, When(state, new Kick(Room, User, Mod)).Error);
        Assert.Equal(ErrorCodes.CannotTargetSelf, When(state, new Kick(Room, Mod, Mod)).Error);
        Assert.Equal(ErrorCodes.TargetNotFound, When(state, new Kick(Room, Mod, new ParticipantId(Guid.NewGuid()))).Error);
    }

    [Fact]
    public void Banning_a_guest_bans_its_invite_and_everyone_on_it_leaves_until_the_session_ends()
    {
        var state = Room_in_session();
        var decision = When(state, new Ban(Room, Mod, Guest));
        Assert.Collection(decision.Events,
            e => Assert.Equal("invite", Assert.IsType<ParticipantBanned>(e).InviteCode),
            e => Assert.Equal(Guest, Assert.IsType<ParticipantLeft>(e).ParticipantId),
            e => Assert.Equal(Guest2, Assert.IsType<ParticipantLeft>(e).ParticipantId));
        state = Apply(state, decision);
        Assert.Equal(ErrorCodes.Banned, When(state, new Join(Room, new ParticipantId(Guid.NewGuid()), ParticipantIdentity.ForGuest("invite"), "Gus", Akka.Actor.ActorRefs.Nobody)).Error);

        // Everyone leaves: the session ends and the ban with it.
        state = Apply(state, When(state, new Leave(Room, User)));
        var last = When(state, new Leave(Room, Mod));
        Assert.IsType<SessionClosed>(last.Events[^1]);
        state = Apply(state, last);
        Assert.Empty(When(state, new Join(Room, new ParticipantId(Guid.NewGuid()), ParticipantIdentity.ForGuest("invite"), "Gus", Akka.Actor.ActorRefs.Nobody)).Events.OfType<SessionClosed>());
        Assert.False(state.IsBanned(ParticipantIdentity.ForGuest("invite")));
    }

    [Fact]
    public void A_debrief_for_guests_turns_the_waiting_room_on_and_removes_only_guests()
    {
        var decision = When(Room_in_session(), new Debrief(Room, Mod, DebriefScope.Guests));
        Assert.IsType<DebriefingBegan>(decision.Events[0]);
        Assert.IsType<WaitingRoomTurnedOn>(decision.Events[1]);
        Assert.Equal(new[] { Guest, Guest2 }.Order(), decision.Events.OfType<ParticipantLeft>().Select(l => l.ParticipantId).Order());
        var all = When(Room_in_session(), new Debrief(Room, Mod, DebriefScope.All));
        Assert.Equal(3, all.Events.OfType<ParticipantLeft>().Count());
    }

    [Fact]
    public void Sending_to_the_waiting_room_then_accepting_brings_the_participant_back()
    {
        var state = Apply(Room_in_session(), When(Room_in_session(), new SendToWaitingRoom(Room, Mod, User)));
        Assert.Equal(Presence.Waiting, state.Participants[User].Presence);
        Assert.Equal(ErrorCodes.NotJoined, When(state, new RaiseHand(Room, User)).Error);
        state = Apply(state, When(state, new AcceptFromWaitingRoom(Room, Mod, User)));
        state = Apply(state, When(state, new EnterRoom(Room, User)));
        Assert.True(state.Participants[User].IsInRoom);
    }

    [Fact]
    public void Turning_the_waiting_room_off_accepts_everyone_waiting()
    {
        var state = Room_in_session(waitingRoom: true);
        state = Apply(state, When(state, new Join(Room, new ParticipantId(Guid.NewGuid()), ParticipantIdentity.ForGuest("invite"), "Late", Akka.Actor.ActorRefs.Nobody)));
        var decision = When(state, new SetWaitingRoom(Room, Mod, false));
        Assert.IsType<WaitingRoomTurnedOff>(decision.Events[0]);
        Assert.Single(decision.Events.OfType<ParticipantAccepted>());
    }

    [Fact]
    public void Disabling_raise_hands_lowers_every_hand_and_refuses_new_ones()
    {
        var state = Room_in_session();
        state = Apply(state, When(state, new RaiseHand(Room, User)));
        var decision = When(state, new SetRaiseHands(Room, Mod, false));
        Assert.Equal(User, Assert.Single(decision.Events.OfType<RaisedHandReset>()).ParticipantId);
        state = Apply(state, decision);
        Assert.Equal(ErrorCodes.RaiseHandsDisabled, When(state, new RaiseHand(Room, Guest)).Error);
    }

    [Fact]
    public void Only_guests_can_be_renamed_and_only_to_a_usable_name()
    {
        var state = Room_in_session();
        Assert.Equal(ErrorCodes.OnlyGuestsCanBeRenamed, When(state, new ChangeDisplayName(Room, Mod, User, "New")).Error);
        Assert.Equal(ErrorCodes.InvalidDisplayName, When(state, new ChangeDisplayName(Room, Mod, Guest, "  ")).Error);
        Assert.Equal("Gustav", Assert.IsType<DisplayNameSet>(Assert.Single(When(state, new ChangeDisplayName(Room, Mod, Guest, " Gustav ")).Events)).DisplayName);
    }

    [Fact]
    public void A_mute_request_without_targets_asks_everyone_else()
    {
        var muted = Assert.IsType<MuteRequested>(Assert.Single(When(Room_in_session(), new RequestMuteOf(Room, Mod, [], Force: true)).Events));
        Assert.Equal(new[] { User, Guest, Guest2 }.Order(), muted.Targets.Order());
        Assert.Equal(ErrorCodes.TargetNotFound, When(Room_in_session(), new RequestMuteOf(Room, Mod, [Guid.NewGuid()], false)).Error);
    }
}
