using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Participants;

/// <summary>Issue a signaling ticket (and a new resumption token) for this participant.</summary>
public sealed record IssueTicket(Guid ParticipantId, Guid RoomId, ParticipantIdentity Identity, string TicketHash, string ResumptionHash)
    : IWithParticipantId;

public sealed record RedeemTicket(Guid ParticipantId, string TicketHash) : IWithParticipantId;

/// <summary>May this person resume as this participant in this room?</summary>
public sealed record CheckResumption(Guid ParticipantId, Guid RoomId, ParticipantIdentity Identity, string ResumptionHash)
    : IWithParticipantId;

/// <summary>Reply to every participant command: the room and identity, or an error code.</summary>
public sealed record ParticipantReply(Guid ParticipantId, Guid? RoomId, ParticipantIdentity? Identity, string? Error) : IEngineMessage
{
    public bool IsOk => Error is null;
}
