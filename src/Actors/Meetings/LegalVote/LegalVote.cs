using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>One ballot: by a participant (roll call) or by an unused token (pseudonymous).</summary>
public sealed record CastBallot(
    [property: JsonPropertyName("participant_id")] Guid? ParticipantId,
    [property: JsonPropertyName("token_hash")] string? TokenHash,
    [property: JsonPropertyName("option")] VoteChoice Option);

/// <summary>The running formal vote: who may vote, which token hashes are unused, and the votes cast.</summary>
public sealed record LegalVote(
    [property: JsonPropertyName("vote_id")] Guid VoteId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] VoteKind Kind,
    [property: JsonPropertyName("allowed")] ImmutableHashSet<Guid> Allowed,
    [property: JsonPropertyName("unused_tokens")] ImmutableHashSet<string> UnusedTokens,
    [property: JsonPropertyName("enable_abstain")] bool EnableAbstain,
    [property: JsonPropertyName("auto_close")] bool AutoClose,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("duration")] TimeSpan? Duration,
    [property: JsonPropertyName("initiator")] Guid Initiator,
    [property: JsonPropertyName("votes")] ImmutableList<CastBallot> Votes)
{
    public const int MaxNameLength = 255;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    [JsonPropertyName("ends_at")]
    public DateTimeOffset? EndsAt => Duration is { } d ? StartedAt + d : null;

    public VoteTally Tally() => new(
        Votes.Count(v => v.Option == VoteChoice.Yes), Votes.Count(v => v.Option == VoteChoice.No), Votes.Count(v => v.Option == VoteChoice.Abstain));

    [JsonPropertyName("everyone_voted")]
    public bool EveryoneVoted => Votes.Count >= Allowed.Count;

    public bool HasVoted(Guid participant) => Votes.Any(v => v.ParticipantId == participant);

    public LegalVoteStartedPayload Started() =>
        new(VoteId, Name, Kind.ToWire(), [.. Allowed.Order()], EnableAbstain, AutoClose, Duration?.TotalSeconds, EndsAt, Initiator);

    public RunningLegalVote Running() =>
        new(VoteId, Name, Kind.ToWire(), [.. Allowed.Order()], EnableAbstain, AutoClose, Duration?.TotalSeconds, EndsAt, Initiator);

    /// <summary>SHA-256 over the cast votes in order: anyone holding the report can recompute it.</summary>
    public static string Digest(IEnumerable<CastBallot> votes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            votes.Select(v => $"{v.ParticipantId?.ToString() ?? v.TokenHash}:{v.Option.ToString().ToLowerInvariant()}")))));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
