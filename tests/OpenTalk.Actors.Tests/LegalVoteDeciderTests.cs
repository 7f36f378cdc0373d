using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class LegalVoteDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Mod = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid Guest = Guid.NewGuid();
    private static readonly Guid Vote = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Tokens = new() { [A] = "token-a", [B] = "token-b" };

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", Role.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(A, "Ann", Role.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(B, "Ben", Role.User, ParticipantIdentity.ForUser(Guid.NewGuid())),
        new ParticipantJoined(Guest, "Gus", Role.Guest, ParticipantIdentity.ForGuest("i")),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static StartLegalVote Start(LegalVoteKind kind, bool abstain = true, bool autoClose = false, TimeSpan? duration = null) =>
        new(Room, Mod, Vote, "Budget 2027", kind, [A, B], abstain, autoClose, duration, Tokens);

    [Fact]
    public void A_roll_call_records_who_voted_what_and_refuses_outsiders_and_second_votes()
    {
        var state = Then(Room_in_session(), Start(LegalVoteKind.RollCall));
        Assert.Equal(ErrorCodes.NotAllowedToVote, When(state, new CastLegalVote(Room, Guest, Vote, VoteOption.Yes, null)).Error);
        var cast = Assert.IsType<LegalVoteCast>(Assert.Single(When(state, new CastLegalVote(Room, A, Vote, VoteOption.No, null)).Events));
        Assert.Equal(A, cast.ParticipantId);
        state = Then(state, new CastLegalVote(Room, A, Vote, VoteOption.No, null));
        Assert.Equal(ErrorCodes.AlreadyVoted, When(state, new CastLegalVote(Room, A, Vote, VoteOption.Yes, null)).Error);
    }

    [Fact]
    public void A_pseudonymous_vote_needs_a_valid_unused_token_and_never_names_the_voter()
    {
        var state = Then(Room_in_session(), Start(LegalVoteKind.Pseudonymous));
        var started = state.LegalVote!;
        Assert.DoesNotContain("token-a", started.UnusedTokens);
        Assert.Equal(ErrorCodes.InvalidToken, When(state, new CastLegalVote(Room, A, Vote, VoteOption.Yes, "made-up")).Error);

        var cast = Assert.IsType<LegalVoteCast>(Assert.Single(When(state, new CastLegalVote(Room, A, Vote, VoteOption.Yes, "token-a")).Events));
        Assert.Null(cast.ParticipantId);
        Assert.Equal(LegalVoteModule.Pseudonymous, cast.By);
        Assert.Equal(LegalVote.HashToken("token-a"), cast.TokenHash);
        state = Then(state, new CastLegalVote(Room, A, Vote, VoteOption.Yes, "token-a"));
        Assert.Equal(ErrorCodes.InvalidToken, When(state, new CastLegalVote(Room, B, Vote, VoteOption.No, "token-a")).Error);
    }

    [Fact]
    public void With_auto_close_the_last_allowed_vote_closes_it_with_a_tally_and_a_digest()
    {
        var state = Then(Room_in_session(), Start(LegalVoteKind.RollCall, autoClose: true));
        state = Then(state, new CastLegalVote(Room, A, Vote, VoteOption.Yes, null));
        var last = When(state, new CastLegalVote(Room, B, Vote, VoteOption.Abstain, null));
        var stopped = Assert.IsType<LegalVoteStopped>(last.Events[^1]);
        Assert.Equal((LegalVoteStopKind.Auto, 1, 0, 1), (stopped.Kind, stopped.Yes, stopped.No, stopped.Abstain));
        Assert.Equal(LegalVote.Digest([new CastVote(A, null, VoteOption.Yes), new CastVote(B, null, VoteOption.Abstain)]), stopped.VotesDigest);
        state = last.Events.Aggregate(state, MeetingEvolve.Apply);
        Assert.Equal(ErrorCodes.NoVoteRunning, When(state, new CastLegalVote(Room, A, Vote, VoteOption.No, null)).Error);
    }

    [Fact]
    public void Abstaining_needs_to_be_enabled_and_only_moderators_start_stop_or_cancel()
    {
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(Room_in_session(), Start(LegalVoteKind.RollCall) with { ParticipantId = A }).Error);
        var state = Then(Room_in_session(), Start(LegalVoteKind.RollCall, abstain: false));
        Assert.Equal(ErrorCodes.AbstainDisabled, When(state, new CastLegalVote(Room, A, Vote, VoteOption.Abstain, null)).Error);
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new StopLegalVote(Room, A, Vote)).Error);
        Assert.IsType<LegalVoteCanceled>(Assert.Single(When(state, new CancelLegalVote(Room, Mod, Vote, "wrong question")).Events));
    }

    [Fact]
    public void A_vote_with_a_duration_expires_only_when_its_time_is_up()
    {
        var state = Then(Room_in_session(), Start(LegalVoteKind.RollCall, duration: TimeSpan.FromMinutes(5)));
        Assert.Empty(When(state, new ExpireLegalVote(Vote), Now.AddMinutes(4)).Events);
        Assert.Equal(LegalVoteStopKind.Expired, Assert.IsType<LegalVoteStopped>(Assert.Single(When(state, new ExpireLegalVote(Vote), Now.AddMinutes(5)).Events)).Kind);
    }
}
