using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A chat message. The journal keeps it even after the history is cleared for participants.</summary>
public sealed record ChatMessagePosted(Guid MessageId, Guid Source, string Content, ChatScope Scope, Guid? Target, string? Group) : DomainEvent;

public sealed record ChatTurnedOn : DomainEvent;

public sealed record ChatTurnedOff : DomainEvent;

public sealed record ChatHistoryCleared : DomainEvent;

/// <summary>How far a participant has read one conversation (<c>global</c>, <c>private:{id}</c>, <c>group:{name}</c>).</summary>
public sealed record ChatLastSeenSet(Guid ParticipantId, string Conversation, DateTimeOffset Timestamp) : DomainEvent;
