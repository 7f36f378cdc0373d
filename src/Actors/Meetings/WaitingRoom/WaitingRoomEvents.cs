using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record ParticipantAccepted(Guid ParticipantId) : DomainEvent;

public sealed record ParticipantSentToWaitingRoom(Guid ParticipantId) : DomainEvent;

public sealed record WaitingRoomTurnedOn : DomainEvent;

public sealed record WaitingRoomTurnedOff : DomainEvent;
