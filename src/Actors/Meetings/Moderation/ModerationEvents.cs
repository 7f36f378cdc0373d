using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A person may not come back until the session ends: by account, or a guest by invite.</summary>
public sealed record ParticipantBanned(Guid ParticipantId, Guid? UserId, string? InviteCode) : DomainEvent;

public sealed record DebriefingBegan(KickScope Scope) : DomainEvent;

public sealed record RaiseHandsTurnedOn : DomainEvent;

public sealed record RaiseHandsTurnedOff : DomainEvent;

public sealed record DisplayNameSet(Guid ParticipantId, string DisplayName) : DomainEvent;

/// <summary>A moderator lowered this participant's hand.</summary>
public sealed record RaisedHandReset(Guid ParticipantId) : DomainEvent;

public sealed record MuteRequested(IReadOnlyList<Guid> Targets, bool Force) : DomainEvent
{
    public bool Equals(MuteRequested? other) =>
        other is not null && base.Equals(other) && Force == other.Force && Targets.SequenceEqual(other.Targets);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Force, Targets.Count);
}
