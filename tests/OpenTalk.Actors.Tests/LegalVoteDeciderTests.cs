using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class LegalVoteDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly ParticipantId A = new(Guid.NewGuid());
    private static readonly ParticipantId B = new(Guid.NewGuid());
    private static readonly ParticipantId Guest = new(Guid.NewGuid());
    private static readonly Guid Vote = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Tokens = new() { [A] = "token-a", [B] = "token-b" };

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(A, "Ann", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(B, "Ben", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(Guest, "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("i")),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static StartLegalVote Start(VoteKind kind, bool abstain = true, bool autoClose = false, TimeSpan? duration = null) =>
        new(Room, Mod, Vote, "Budget 2027", kind, [A, B], abstain, autoClose, duration, Tokens);

    [Fact]
    public void A_roll_call_records_who_voted_what_and_refuses_outsiders_and_second_votes()
    {
        var state = Then(Room_in_session(), Start(VoteKind.RollCall));
        Assert.Equal(ErrorCodes.NotAllowedToVote, When(state, new CastLegalVote(Room, Guest, Vote, VoteChoice.Yes, null)).Error);
        var cast = Assert.IsType<LegalVoteCast>(Assert.Single(When(state, new CastLegalVote(Room, A, Vote, VoteChoice.No, null)).Events));
        Assert.Equal(A, cast.ParticipantId);
        state = Then(state, new CastLegalVote(Room, A, Vote, VoteChoice.No, null));
        Assert.Equal(ErrorCodes.AlreadyVoted, When(state, new CastLegalVote(Room, A, Vote, VoteChoice.Yes, null)).Error);
    }

    [Fact]
    public void A_pseudonymous_vote_needs_a_valid_unused_token_and_never_names_the_voter()
    {
        var state = Then(Room_in_session(), Start(VoteKind.Pseudonymous));
        var started = state.LegalVote!;
        Assert.DoesNotContain("token-a", started.UnusedTokens);
        Assert.Equal(ErrorCodes.InvalidToken, When(state, new CastLegalVote(Room, A, Vote, VoteChoice.Yes, "made-up")).Error);

        var cast = Assert.IsType<LegalVoteCast>(Assert.Single(When(state, new CastLegalVote(Room, A, Vote, VoteChoice.Yes, "token-a")).Events));
        Assert.Null(cast.ParticipantId);
        Assert.Equal(LegalVoteModule.Pseudonymous, cast.By);
        Assert.Equal(LegalVote.HashToken("token-a"), cast.TokenHash);
        state = Then(state, new CastLegalVote(Room, A, Vote, VoteChoice.Yes, "token-a"));
        Assert.Equal(ErrorCodes.InvalidToken, When(state, new CastLegalVote(Room, B, Vote, VoteChoice.No, "token-a")).Error);
    }

    [Fact]
    public void With_auto_close_the_last_allowed_vote_closes_it_with_a_tally_and_a_digest()
    {
        var state = Then(Room_in_session(), Start(VoteKind.RollCall, autoClose: true));
        state = Then(state, new CastLegalVote(Room, A, Vote, VoteChoice.Yes, null));
        var last = When(state, new CastLegalVote(Room, B, Vote, VoteChoice.Abstain, null));
        var stopped = Assert.IsType<LegalVoteStopped>(last.Events[^1]);
        Assert.Equal((VoteStopReason.Auto, 1, 0, 1), (stopped.Kind, stopped.Yes, stopped.No, stopped.Abstain));
        Assert.Equal(LegalVote.Digest([new CastBallot(A, null, VoteChoice.Yes), new CastBallot(B, null, VoteChoice.Abstain)]), stopped.VotesDigest);
        state = last.Events.Aggregate(state, MeetingEvolve.Apply);
        Assert.Equal(ErrorCodes.NoVoteRunning, When(state, new CastLegalVote(Room, A, Vote, VoteChoice.No, null)).Error);
    }

    [Fact]
    public void Abstaining_needs_to_be_enabled_and_only_moderators_start_stop_or_cancel()
    {
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(Room_in_session(), Start(VoteKind.RollCall) with { ParticipantId = A }).Error);
        var state = Then(Room_in_session(), Start(VoteKind.RollCall, abstain: false));
        Assert.Equal(ErrorCodes.AbstainDisabled, When(state, new CastLegalVote(Room, A, Vote, VoteChoice.Abstain, null)).Error);
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new StopLegalVote(Room, A, Vote)).Error);
        Assert.IsType<LegalVoteCanceled>(Assert.Single(When(state, new CancelLegalVote(Room, Mod, Vote, "wrong question")).Events));
    }

    [Fact]
    public void A_vote_with_a_duration_expires_only_when_its_time_is_up()
    {
        var state = Then(Room_in_session(), Start(VoteKind.RollCall, duration: TimeSpan.FromMinutes(5)));
        Assert.Empty(When(state, new ExpireLegalVote(Vote), Now.AddMinutes(4)).Events);
        Assert.Equal(VoteStopReason.Expired, Assert.IsType<LegalVoteStopped>(Assert.Single(When(state, new ExpireLegalVote(Vote), Now.AddMinutes(5)).Events)).Kind);
    }
}
