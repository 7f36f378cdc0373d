using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The running formal vote: who may vote, which token hashes are unused, and the votes cast.</summary>
public sealed record LegalVote(
    Guid VoteId,
    string Name,
    LegalVoteKind Kind,
    ImmutableHashSet<Guid> Allowed,
    ImmutableHashSet<string> UnusedTokens,
    bool EnableAbstain,
    bool AutoClose,
    DateTimeOffset StartedAt,
    TimeSpan? Duration,
    Guid Initiator,
    ImmutableList<CastVote> Votes)
{
    public const int MaxNameLength = 255;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public DateTimeOffset? EndsAt => Duration is { } d ? StartedAt + d : null;

    public VoteTally Tally() => new(
        Votes.Count(v => v.Option == VoteOption.Yes), Votes.Count(v => v.Option == VoteOption.No), Votes.Count(v => v.Option == VoteOption.Abstain));

    public bool EveryoneVoted => Votes.Count >= Allowed.Count;

    public bool HasVoted(Guid participant) => Votes.Any(v => v.ParticipantId == participant);

    public LegalVoteStartedPayload Started() =>
        new(VoteId, Name, Kind, [.. Allowed.Order()], EnableAbstain, AutoClose, Duration?.TotalSeconds, EndsAt, Initiator);

    /// <summary>SHA-256 over the cast votes in order: anyone holding the report can recompute it.</summary>
    public static string Digest(IEnumerable<CastVote> votes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            votes.Select(v => $"{v.ParticipantId?.ToString() ?? v.TokenHash}:{v.Option.ToString().ToLowerInvariant()}")))));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
