using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A person may not come back until the session ends: by account, or a guest by invite.</summary>
public sealed record ParticipantBanned(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("user_id")] Guid? UserId,
    [property: JsonPropertyName("invite_code")] string? InviteCode) : DomainEvent;

public sealed record DebriefingBegan([property: JsonPropertyName("scope")] DebriefScope Scope) : DomainEvent;

public sealed record RaiseHandsTurnedOn : DomainEvent;

public sealed record RaiseHandsTurnedOff : DomainEvent;

public sealed record DisplayNameSet(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("display_name")] string DisplayName) : DomainEvent;

/// <summary>A moderator lowered this participant's hand.</summary>
public sealed record RaisedHandReset([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record MuteRequested(
    [property: JsonPropertyName("targets")] IReadOnlyList<Guid> Targets,
    [property: JsonPropertyName("force")] bool Force) : DomainEvent
{
    public bool Equals(MuteRequested? other) =>
        other is not null && base.Equals(other) && Force == other.Force && Targets.SequenceEqual(other.Targets);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Force, Targets.Count);
}
