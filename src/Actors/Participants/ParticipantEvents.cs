using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Participants;

public sealed record ParticipantRegistered(Guid ParticipantId, Guid RoomId, ParticipantIdentity Identity) : DomainEvent;

/// <summary>Only the SHA-256 of a ticket is kept; the ticket itself is a secret of the client.</summary>
public sealed record TicketIssued(string TicketHash, DateTimeOffset ExpiresAt) : DomainEvent;

public sealed record TicketRedeemed(string TicketHash) : DomainEvent;

public sealed record ResumptionIssued(string ResumptionHash) : DomainEvent;
