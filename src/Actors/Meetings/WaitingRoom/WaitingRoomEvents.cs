using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;

namespace OpenTalk.Actors.Meetings;

public sealed record ParticipantAccepted([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record ParticipantSentToWaitingRoom(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record WaitingRoomTurnedOn : DomainEvent;

public sealed record WaitingRoomTurnedOff : DomainEvent;

/// <summary>Someone was removed from one of the room's breakout rooms: they come back past the waiting room no more.</summary>
public sealed record LetInWithdrawn([property: JsonPropertyName("identity")] ParticipantIdentity Identity) : DomainEvent;
