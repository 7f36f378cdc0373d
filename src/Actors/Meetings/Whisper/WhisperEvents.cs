using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

public sealed record WhisperGroupFormed(Guid WhisperId, Guid Creator, IReadOnlyList<Guid> Invited) : DomainEvent
{
    public bool Equals(WhisperGroupFormed? other) =>
        other is not null && base.Equals(other) && WhisperId == other.WhisperId && Creator == other.Creator && Invited.SequenceEqual(other.Invited);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), WhisperId);
}

public sealed record WhisperInvited(Guid WhisperId, IReadOnlyList<Guid> Invited) : DomainEvent
{
    public bool Equals(WhisperInvited? other) =>
        other is not null && base.Equals(other) && WhisperId == other.WhisperId && Invited.SequenceEqual(other.Invited);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), WhisperId);
}

public sealed record WhisperAccepted(Guid WhisperId, Guid ParticipantId) : DomainEvent;

public sealed record WhisperDeclined(Guid WhisperId, Guid ParticipantId) : DomainEvent;

public sealed record WhisperKickedOut(Guid WhisperId, Guid ParticipantId) : DomainEvent;

public sealed record WhisperLeft(Guid WhisperId, Guid ParticipantId) : DomainEvent;
