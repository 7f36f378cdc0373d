using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record ParticipantAccepted([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record ParticipantSentToWaitingRoom(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record WaitingRoomTurnedOn : DomainEvent;

public sealed record WaitingRoomTurnedOff : DomainEvent;
