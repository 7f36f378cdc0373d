using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record WhisperGroupFormed(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("creator")] Guid Creator,
    [property: JsonPropertyName("invited")] IReadOnlyList<Guid> Invited) : DomainEvent
{
    public bool Equals(WhisperGroupFormed? other) =>
        other is not null && base.Equals(other) && WhisperId == other.WhisperId && Creator == other.Creator && Invited.SequenceEqual(other.Invited);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), WhisperId);
}

public sealed record WhisperInvited(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("invited")] IReadOnlyList<Guid> Invited) : DomainEvent
{
    public bool Equals(WhisperInvited? other) =>
        other is not null && base.Equals(other) && WhisperId == other.WhisperId && Invited.SequenceEqual(other.Invited);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), WhisperId);
}

public sealed record WhisperAccepted(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record WhisperDeclined(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record WhisperKickedOut(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record WhisperLeft(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;
