using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class PollDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId User = new(Guid.NewGuid());
    private static readonly ParticipantId Guest = new(Guid.NewGuid());
    private static readonly Guid Poll = Guid.NewGuid();

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(User, "Uma", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(Guest, "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite")),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static StartPoll Lunch(bool multiple = false, bool editing = false, params string[] choices) =>
        new(Room, Mod, Poll, "Lunch?", Live: true, multiple, choices.Length > 0 ? choices : ["Pizza", "Salad", "Soup"], TimeSpan.FromMinutes(2), editing);

    [Fact]
    public void Only_moderators_start_valid_polls()
    {
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(Room_in_session(), Lunch() with { ParticipantId = User }).Error);
        Assert.Equal(ErrorCodes.InvalidPoll, When(Room_in_session(), Lunch(choices: ["Only one"])).Error);
        Assert.Equal(ErrorCodes.InvalidPoll, When(Room_in_session(), Lunch() with { Topic = " " }).Error);
        Assert.Equal(ErrorCodes.InvalidPoll, When(Room_in_session(), Lunch() with { Duration = TimeSpan.Zero }).Error);
        var state = Then(Room_in_session(), Lunch());
        Assert.Equal(ErrorCodes.PollAlreadyRunning, When(state, Lunch()).Error);
    }

    [Fact]
    public void One_vote_per_person_and_a_single_choice_poll_takes_one_choice()
    {
        var state = Then(Room_in_session(), Lunch());
        Assert.Equal(ErrorCodes.InvalidChoice, When(state, new VoteInPoll(Room, User, Poll, [0, 1])).Error);
        Assert.Equal(ErrorCodes.InvalidChoice, When(state, new VoteInPoll(Room, User, Poll, [7])).Error);
        state = Then(state, new VoteInPoll(Room, User, Poll, [1]));
        Assert.Equal(ErrorCodes.AlreadyVoted, When(state, new VoteInPoll(Room, User, Poll, [2])).Error);
        Assert.Equal(ErrorCodes.NoPollRunning, When(state, new VoteInPoll(Room, Guest, Guid.NewGuid(), [1])).Error);
    }

    [Fact]
    public void With_editing_allowed_a_changed_vote_replaces_the_old_one_in_the_tally()
    {
        var state = Then(Room_in_session(), Lunch(multiple: true, editing: true));
        state = Then(state, new VoteInPoll(Room, User, Poll, [0, 2]));
        state = Then(state, new VoteInPoll(Room, Guest, Poll, [2]));
        state = Then(state, new VoteInPoll(Room, User, Poll, [1]));
        var finished = Assert.IsType<PollFinished>(Assert.Single(When(state, new FinishPoll(Room, Mod, Poll)).Events));
        Assert.Equal([0, 1, 1], finished.Tally);
    }

    [Fact]
    public void A_poll_expires_only_once_its_time_is_up()
    {
        var state = Then(Room_in_session(), Lunch());
        Assert.Empty(When(state, new ExpirePoll(Poll), Now.AddMinutes(1)).Events);
        var expired = Assert.IsType<PollFinished>(Assert.Single(When(state, new ExpirePoll(Poll), Now.AddMinutes(2)).Events));
        Assert.Equal(PollFinished.Expired, expired.Reason);
        state = expired is var e ? MeetingEvolve.Apply(state, e) : state;
        Assert.Empty(When(state, new ExpirePoll(Poll), Now.AddMinutes(3)).Events);
    }
}
