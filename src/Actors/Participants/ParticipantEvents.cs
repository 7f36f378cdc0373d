using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Participants;

public sealed record ParticipantRegistered(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("identity")] ParticipantIdentity Identity) : DomainEvent;

/// <summary>Only the SHA-256 of a ticket is kept; the ticket itself is a secret of the client.</summary>
public sealed record TicketIssued(
    [property: JsonPropertyName("ticket_hash")] string TicketHash,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt) : DomainEvent;

public sealed record TicketRedeemed([property: JsonPropertyName("ticket_hash")] string TicketHash) : DomainEvent;

public sealed record ResumptionIssued([property: JsonPropertyName("resumption_hash")] string ResumptionHash) : DomainEvent;
