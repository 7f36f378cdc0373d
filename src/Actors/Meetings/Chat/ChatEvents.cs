using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A chat message. The journal keeps it even after the history is cleared for participants.</summary>
public sealed record ChatMessagePosted(
    [property: JsonPropertyName("message_id")] Guid MessageId,
    [property: JsonPropertyName("source")] Guid Source,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("scope")] MessageScope Scope,
    [property: JsonPropertyName("target")] Guid? Target,
    [property: JsonPropertyName("group")] string? Group) : DomainEvent;

public sealed record ChatTurnedOn : DomainEvent;

public sealed record ChatTurnedOff : DomainEvent;

public sealed record ChatHistoryCleared : DomainEvent;

/// <summary>How far a participant has read one conversation (<c>global</c>, <c>private:{id}</c>, <c>group:{name}</c>).</summary>
public sealed record ChatLastSeenSet(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("conversation")] string Conversation,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp) : DomainEvent;
