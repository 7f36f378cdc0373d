using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Start a vote. <see cref="Tokens"/> (one secret per allowed voter) are drawn outside the pure decider.</summary>
public sealed record StartLegalVote(RoomId RoomId, ParticipantId ParticipantId, Guid VoteId, string Name, VoteKind Kind,
    IReadOnlyList<Guid> Allowed, bool EnableAbstain, bool AutoClose, TimeSpan? Duration, IReadOnlyDictionary<Guid, string> Tokens)
    : IParticipantCommand;

public sealed record CastLegalVote(RoomId RoomId, ParticipantId ParticipantId, Guid VoteId, VoteChoice Option, string? Token) : IParticipantCommand;

public sealed record StopLegalVote(RoomId RoomId, ParticipantId ParticipantId, Guid VoteId) : IParticipantCommand;

public sealed record CancelLegalVote(RoomId RoomId, ParticipantId ParticipantId, Guid VoteId, string Reason) : IParticipantCommand;

/// <summary>The room's clock: the vote's time is up.</summary>
public sealed record ExpireLegalVote(Guid VoteId) : IMeetingClockTick;
