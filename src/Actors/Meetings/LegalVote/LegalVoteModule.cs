using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Formal votes: moderators start, stop and cancel; allowed participants vote once.</summary>
public sealed class LegalVoteModule : IMeetingModule
{
    /// <summary>The author of a pseudonymous ballot, so that not even the event says who cast it.</summary>
    public const string Pseudonymous = "pseudonymous";

    private const string VoteClock = "legal-vote";

    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(LegalVoteStarted), "meeting.legal_vote_started.v1"),
        (typeof(LegalVoteCast), "meeting.legal_vote_cast.v1"),
        (typeof(LegalVoteStopped), "meeting.legal_vote_stopped.v1"),
        (typeof(LegalVoteCanceled), "meeting.legal_vote_canceled.v1"),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        ExpireLegalVote c => DecideVoteExpiry(state, c, now),
        IParticipantCommand c => FromParticipant(state, c, now),
        _ => null,
    };

    private static Decision? FromParticipant(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (StartLegalVote or CastLegalVote or StopLegalVote or CancelLegalVote))
            return null;
        if (MeetingDecider.RequireInRoom(state, command.ParticipantId, out var me) is { } refused)
            return refused;
        if (command is not CastLegalVote && !me.IsModerator)
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        var by = Actor.Participant(me.Id);
        DomainEvent At(DomainEvent evt) => MeetingDecider.Stamp(evt, by, now);

        if (command is StartLegalVote start)
            return DecideVoteStart(state, start, At);
        var voteId = command switch
        {
            CastLegalVote c => c.VoteId,
            StopLegalVote c => c.VoteId,
            CancelLegalVote c => c.VoteId,
            _ => Guid.Empty,
        };
        if (state.LegalVote is not { } vote || vote.VoteId != voteId)
            return Decision.Reject(ErrorCodes.NoVoteRunning);
        return command switch
        {
            CastLegalVote c => DecideCast(vote, me, c, At),
            StopLegalVote => Decision.Accept(StopVote(vote, VoteStopReason.ByParticipant, vote.Votes, At)),
            CancelLegalVote c => Decision.Accept(At(new LegalVoteCanceled(vote.VoteId, c.Reason.Trim() is { Length: > 0 } r ? r : "canceled"))),
            _ => null,
        };
    }

    private static Decision DecideVoteExpiry(MeetingState state, ExpireLegalVote c, DateTimeOffset now) =>
        state.LegalVote is { EndsAt: { } endsAt } vote && vote.VoteId == c.VoteId && endsAt <= now
            ? Decision.Accept(StopVote(vote, VoteStopReason.Expired, vote.Votes, e => MeetingDecider.Stamp(e, Actor.System, now)))
            : Decision.Nothing;

    private static Decision DecideVoteStart(MeetingState state, StartLegalVote c, Func<DomainEvent, DomainEvent> at)
    {
        if (state.LegalVote is not null)
            return Decision.Reject(ErrorCodes.VoteAlreadyRunning);
        if (c.Name.Trim().Length is 0 or > LegalVote.MaxNameLength
            || c.Duration is { } d && (d <= TimeSpan.Zero || d > LegalVote.MaxDuration))
            return Decision.Reject(ErrorCodes.InvalidPayload);
        if (c.Allowed.Count == 0 || !MeetingDecider.AllInRoom(state, c.Allowed) || c.Allowed.Any(id => !c.Tokens.ContainsKey(id)))
            return Decision.Reject(ErrorCodes.TargetNotFound);
        var allowed = c.Allowed.Distinct().ToList();
        return Decision.Accept(at(new LegalVoteStarted(c.VoteId, c.Name.Trim(), c.Kind, allowed,
            [.. allowed.Select(id => LegalVote.HashToken(c.Tokens[id])).Order(StringComparer.Ordinal)],
            c.EnableAbstain, c.AutoClose, c.Duration)));
    }

    private static Decision DecideCast(LegalVote vote, MeetingParticipant me, CastLegalVote c, Func<DomainEvent, DomainEvent> at)
    {
        if (!vote.Allowed.Contains(me.Id))
            return Decision.Reject(ErrorCodes.NotAllowedToVote);
        if (c.Option == VoteChoice.Abstain && !vote.EnableAbstain)
            return Decision.Reject(ErrorCodes.AbstainDisabled);
        LegalVoteCast cast;
        if (vote.Kind == VoteKind.RollCall)
        {
            if (vote.HasVoted(me.Id))
                return Decision.Reject(ErrorCodes.AlreadyVoted);
            cast = new LegalVoteCast(vote.VoteId, me.Id, null, c.Option);
        }
        else
        {
            // Pseudonymous: the token is the ballot; whose it is, is written nowhere.
            var hash = c.Token is null ? null : LegalVote.HashToken(c.Token);
            if (hash is null || !vote.UnusedTokens.Contains(hash))
                return Decision.Reject(ErrorCodes.InvalidToken);
            cast = new LegalVoteCast(vote.VoteId, null, hash, c.Option);
        }
        // Who cast a pseudonymous ballot is not recorded, not even in the event's author.
        var stamp = vote.Kind == VoteKind.Pseudonymous ? (Func<DomainEvent, DomainEvent>)(e => e with { By = Pseudonymous, OccurredAt = at(e).OccurredAt }) : at;
        var votes = vote.Votes.Add(new CastBallot(cast.ParticipantId, cast.TokenHash, cast.Option));
        return vote.AutoClose && votes.Count >= vote.Allowed.Count
            ? Decision.Accept([stamp(cast), .. StopVote(vote, VoteStopReason.Auto, votes, stamp)])
            : Decision.Accept(stamp(cast));
    }

    private static DomainEvent[] StopVote(LegalVote vote, VoteStopReason kind, IReadOnlyList<CastBallot> votes, Func<DomainEvent, DomainEvent> at)
    {
        var tally = (vote with { Votes = [.. votes] }).Tally();
        return [at(new LegalVoteStopped(vote.VoteId, kind, tally.Yes, tally.No, tally.Abstain, LegalVote.Digest(votes)))];
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        LegalVoteStarted e => state with
        {
            LegalVote = new LegalVote(e.VoteId, e.Name, e.Kind, [.. e.Allowed], [.. e.TokenHashes], e.EnableAbstain, e.AutoClose,
                e.OccurredAt, e.Duration, Actor.ParticipantOf(e.By) ?? Guid.Empty, []),
        },
        LegalVoteCast e when state.LegalVote is { } v && v.VoteId == e.VoteId => state with
        {
            LegalVote = v with
            {
                Votes = v.Votes.Add(new CastBallot(e.ParticipantId, e.TokenHash, e.Option)),
                UnusedTokens = e.TokenHash is { } used ? v.UnusedTokens.Remove(used) : v.UnusedTokens,
            },
        },
        LegalVoteStopped e when state.LegalVote?.VoteId == e.VoteId => state with { LegalVote = null },
        LegalVoteCanceled e when state.LegalVote?.VoteId == e.VoteId => state with { LegalVote = null },
        _ => null,
    };

    public ModuleJoinState? JoinState(JoinContext join) =>
        join.State.LegalVote?.Running() is { } vote ? new(Namespaces.LegalVote, new LegalVoteModuleState([vote])) : null;

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        LegalVoteStarted => MeetingNotifications.ToRoom(after, Namespaces.LegalVote, after.LegalVote!.Started()),
        LegalVoteCast e => VoteCastNotifications(e, before, after),
        LegalVoteStopped e => MeetingNotifications.ToRoom(after, Namespaces.LegalVote, new LegalVoteStoppedPayload(e.VoteId, e.Kind.ToWire(),
            new VoteTally(e.Yes, e.No, e.Abstain), before.LegalVote is { } v && v.VoteId == e.VoteId ? ToWire(v.Votes) : [], e.VotesDigest)),
        LegalVoteCanceled e => MeetingNotifications.ToRoom(after, Namespaces.LegalVote, new LegalVoteCanceledPayload(e.VoteId, e.Reason)),
        _ => null,
    };

    /// <summary>The voter hears the vote was taken; everyone sees the running tally (and, in a roll call, who voted what).</summary>
    private static IEnumerable<Notification> VoteCastNotifications(LegalVoteCast e, MeetingState before, MeetingState after)
    {
        var vote = after.LegalVote ?? before.LegalVote!;
        var votes = after.LegalVote is { } running ? running.Votes : before.LegalVote!.Votes.Add(new CastBallot(e.ParticipantId, e.TokenHash, e.Option));
        var tally = (vote with { Votes = votes }).Tally();
        var voter = Actor.ParticipantOf(e.By);
        return (voter is { } id ? [new Notification(id, Namespaces.LegalVote, new VotedPayload(e.VoteId, e.Option.ToWire()))] : Array.Empty<Notification>())
            .Concat(MeetingNotifications.ToRoom(after, Namespaces.LegalVote, new LegalVoteUpdated(e.VoteId, tally, vote.Kind == VoteKind.RollCall ? ToWire(votes) : [])));
    }

    /// <summary>
    /// Vote secrets never enter the journal: each allowed voter gets their token directly, and a
    /// pseudonymous voter's confirmation goes to the sender, since the event does not name them.
    /// </summary>
    public IEnumerable<Notification> Confidential(IParticipantCommand command, Decision accepted) => command switch
    {
        StartLegalVote start => start.Allowed.Select(id => new Notification(id, Namespaces.LegalVote, new VoteTokenPayload(start.VoteId, start.Tokens[id]))),
        CastLegalVote cast when accepted.Events.OfType<LegalVoteCast>().Any(e => e.TokenHash is not null) =>
            [new Notification(cast.ParticipantId, Namespaces.LegalVote, new VotedPayload(cast.VoteId, cast.Option.ToWire()))],
        _ => [],
    };

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        LegalVoteStarted => Resume(after),
        LegalVoteStopped or LegalVoteCanceled => [new StopClock(VoteClock)],
        _ => [],
    };

    public IEnumerable<MeetingEffect> Resume(MeetingState state) =>
        state.LegalVote is { EndsAt: { } endsAt } vote ? [new StartClock(VoteClock, new ExpireLegalVote(vote.VoteId), endsAt)] : [];

    private static List<CastVote> ToWire(IEnumerable<CastBallot> votes) =>
        [.. votes.Select(v => new CastVote(v.ParticipantId, v.TokenHash, v.Option.ToWire()))];
}
