namespace OpenTalk.Protocol.Signaling;

public enum LegalVoteKind { RollCall, Pseudonymous }

public enum VoteOption { Yes, No, Abstain }

public enum LegalVoteStopKind { ByParticipant, Auto, Expired }

public static class LegalVoteActions
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Cancel = "cancel";
    public const string Vote = "vote";
}

public sealed record VoteTally(int Yes, int No, int Abstain);

/// <summary>One cast vote in the report: by participant (roll call) or by the SHA-256 of the voter's token (pseudonymous).</summary>
public sealed record CastVote(Guid? ParticipantId, string? TokenHash, VoteOption Option);

public sealed record LegalVoteStartedPayload(Guid LegalVoteId, string Name, LegalVoteKind Kind, IReadOnlyList<Guid> AllowedParticipants,
    bool EnableAbstain, bool AutoClose, double? Duration, DateTimeOffset? EndsAt, Guid Initiator) : ServerPayload("started");

/// <summary>
/// The <c>legal_vote</c> part of <c>join_success</c>, as OpenTalk's list of the session's votes. A meeting keeps only
/// the running vote, so the list holds that one (with <c>state: started</c>); finished votes are in the audit history.
/// </summary>
public sealed record LegalVoteModuleState(IReadOnlyList<RunningLegalVote> Votes);

/// <summary>A running vote in <see cref="LegalVoteModuleState"/>: what <c>started</c> told, and its state.</summary>
public sealed record RunningLegalVote(Guid LegalVoteId, string Name, LegalVoteKind Kind, IReadOnlyList<Guid> AllowedParticipants,
    bool EnableAbstain, bool AutoClose, double? Duration, DateTimeOffset? EndsAt, Guid Initiator)
{
    public string State => "started";
}

/// <summary>(ours) Sent only to an allowed voter: the secret token that casts (and later identifies) their vote.</summary>
public sealed record VoteTokenPayload(Guid LegalVoteId, string Token) : ServerPayload("token");

public sealed record VotedPayload(Guid LegalVoteId, VoteOption Option) : ServerPayload("voted");

public sealed record LegalVoteUpdated(Guid LegalVoteId, VoteTally Results, IReadOnlyList<CastVote> Votes) : ServerPayload("updated");

public sealed record LegalVoteStoppedPayload(Guid LegalVoteId, LegalVoteStopKind Kind, VoteTally Results, IReadOnlyList<CastVote> Votes, string VotesDigest)
    : ServerPayload("stopped");

public sealed record LegalVoteCanceledPayload(Guid LegalVoteId, string Reason) : ServerPayload("canceled");
