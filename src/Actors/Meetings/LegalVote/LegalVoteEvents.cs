using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A formal vote began. Only the hashes of the voters' tokens are kept, never who holds which:
/// a pseudonymous vote stays pseudonymous in the journal too.
/// </summary>
public sealed record LegalVoteStarted(Guid VoteId, string Name, LegalVoteKind Kind, IReadOnlyList<Guid> Allowed, IReadOnlyList<string> TokenHashes,
    bool EnableAbstain, bool AutoClose, TimeSpan? Duration) : DomainEvent
{
    public bool Equals(LegalVoteStarted? other) =>
        other is not null && base.Equals(other) && (VoteId, Name, Kind, EnableAbstain, AutoClose, Duration)
            == (other.VoteId, other.Name, other.Kind, other.EnableAbstain, other.AutoClose, other.Duration)
        && Allowed.SequenceEqual(other.Allowed) && TokenHashes.SequenceEqual(other.TokenHashes);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), VoteId, Name);
}

/// <summary>A vote: with the voter (roll call) or with the token's hash (pseudonymous).</summary>
public sealed record LegalVoteCast(Guid VoteId, Guid? ParticipantId, string? TokenHash, VoteOption Option) : DomainEvent;

/// <summary>The result: the tally and a SHA-256 digest over every cast vote, in order.</summary>
public sealed record LegalVoteStopped(Guid VoteId, LegalVoteStopKind Kind, int Yes, int No, int Abstain, string VotesDigest) : DomainEvent;

public sealed record LegalVoteCanceled(Guid VoteId, string Reason) : DomainEvent;
