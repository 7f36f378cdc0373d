using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Formal votes: moderators start, stop and cancel; allowed participants vote once.</summary>
public static partial class MeetingDecider
{
    public const string Pseudonymous = "pseudonymous";

    private static Decision? DecideLegalVote(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (StartLegalVote or CastLegalVote or StopLegalVote or CancelLegalVote))
            return null;
        if (state.Find(command.ParticipantId) is not { IsInRoom: true } me)
            return Decision.Reject(ErrorCodes.NotJoined);
        if (command is not CastLegalVote && !me.IsModerator)
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        var by = Actor.Participant(me.Id);
        DomainEvent At(DomainEvent evt) => Stamp(evt, by, now);

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
            StopLegalVote => Decision.Accept(StopVote(vote, LegalVoteStopKind.ByParticipant, vote.Votes, At)),
            CancelLegalVote c => Decision.Accept(At(new LegalVoteCanceled(vote.VoteId, c.Reason.Trim() is { Length: > 0 } r ? r : "canceled"))),
            _ => null,
        };
    }

    public static Decision DecideVoteExpiry(MeetingState state, ExpireLegalVote c, DateTimeOffset now) =>
        state.LegalVote is { EndsAt: { } endsAt } vote && vote.VoteId == c.VoteId && endsAt <= now
            ? Decision.Accept(StopVote(vote, LegalVoteStopKind.Expired, vote.Votes, e => Stamp(e, Actor.System, now)))
            : Decision.Nothing;

    private static Decision DecideVoteStart(MeetingState state, StartLegalVote c, Func<DomainEvent, DomainEvent> at)
    {
        if (state.LegalVote is not null)
            return Decision.Reject(ErrorCodes.VoteAlreadyRunning);
        if (c.Name.Trim().Length is 0 or > LegalVote.MaxNameLength
            || c.Duration is { } d && (d <= TimeSpan.Zero || d > LegalVote.MaxDuration))
            return Decision.Reject(ErrorCodes.InvalidPayload);
        if (c.Allowed.Count == 0 || !AllInRoom(state, c.Allowed) || c.Allowed.Any(id => !c.Tokens.ContainsKey(id)))
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
        if (c.Option == VoteOption.Abstain && !vote.EnableAbstain)
            return Decision.Reject(ErrorCodes.AbstainDisabled);
        LegalVoteCast cast;
        if (vote.Kind == LegalVoteKind.RollCall)
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
        var stamp = vote.Kind == LegalVoteKind.Pseudonymous ? (Func<DomainEvent, DomainEvent>)(e => e with { By = Pseudonymous, OccurredAt = at(e).OccurredAt }) : at;
        var votes = vote.Votes.Add(new CastVote(cast.ParticipantId, cast.TokenHash, cast.Option));
        return vote.AutoClose && votes.Count >= vote.Allowed.Count
            ? Decision.Accept([stamp(cast), .. StopVote(vote, LegalVoteStopKind.Auto, votes, stamp)])
            : Decision.Accept(stamp(cast));
    }

    private static DomainEvent[] StopVote(LegalVote vote, LegalVoteStopKind kind, IReadOnlyList<CastVote> votes, Func<DomainEvent, DomainEvent> at)
    {
        var tally = (vote with { Votes = [.. votes] }).Tally();
        return [at(new LegalVoteStopped(vote.VoteId, kind, tally.Yes, tally.No, tally.Abstain, LegalVote.Digest(votes)))];
    }
}
