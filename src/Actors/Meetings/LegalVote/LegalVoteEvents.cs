using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// A formal vote began. Only the hashes of the voters' tokens are kept, never who holds which:
/// a pseudonymous vote stays pseudonymous in the journal too.
/// </summary>
public sealed record LegalVoteStarted(
    [property: JsonPropertyName("vote_id")] Guid VoteId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] VoteKind Kind,
    [property: JsonPropertyName("allowed")] IReadOnlyList<Guid> Allowed,
    [property: JsonPropertyName("token_hashes")] IReadOnlyList<string> TokenHashes,
    [property: JsonPropertyName("enable_abstain")] bool EnableAbstain,
    [property: JsonPropertyName("auto_close")] bool AutoClose,
    [property: JsonPropertyName("duration")] TimeSpan? Duration) : DomainEvent
{
    public bool Equals(LegalVoteStarted? other) =>
        other is not null && base.Equals(other) && (VoteId, Name, Kind, EnableAbstain, AutoClose, Duration)
            == (other.VoteId, other.Name, other.Kind, other.EnableAbstain, other.AutoClose, other.Duration)
        && Allowed.SequenceEqual(other.Allowed) && TokenHashes.SequenceEqual(other.TokenHashes);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), VoteId, Name);
}

/// <summary>A vote: with the voter (roll call) or with the token's hash (pseudonymous).</summary>
public sealed record LegalVoteCast(
    [property: JsonPropertyName("vote_id")] Guid VoteId,
    [property: JsonPropertyName("participant_id")] Guid? ParticipantId,
    [property: JsonPropertyName("token_hash")] string? TokenHash,
    [property: JsonPropertyName("option")] VoteChoice Option) : DomainEvent;

/// <summary>The result: the tally and a SHA-256 digest over every cast vote, in order.</summary>
public sealed record LegalVoteStopped(
    [property: JsonPropertyName("vote_id")] Guid VoteId,
    [property: JsonPropertyName("kind")] VoteStopReason Kind,
    [property: JsonPropertyName("yes")] int Yes,
    [property: JsonPropertyName("no")] int No,
    [property: JsonPropertyName("abstain")] int Abstain,
    [property: JsonPropertyName("votes_digest")] string VotesDigest) : DomainEvent;

public sealed record LegalVoteCanceled(
    [property: JsonPropertyName("vote_id")] Guid VoteId,
    [property: JsonPropertyName("reason")] string Reason) : DomainEvent;
