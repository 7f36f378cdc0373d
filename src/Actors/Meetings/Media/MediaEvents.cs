using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Where one published session lives: the Janus instance and the VideoRoom feed, and its mute state.</summary>
public sealed record PublishedMedia(string Instance, string Feed, bool Audio, bool Video);

/// <summary>A participant's session is published on <paramref name="Instance"/> (again, after a Janus failure).</summary>
public sealed record MediaPublished(Guid ParticipantId, MediaSessionType Type, string Instance, string Feed) : DomainEvent;

/// <summary>The publisher reported what it sends (publish_complete, update_media_session).</summary>
public sealed record MediaSessionUpdated(Guid ParticipantId, MediaSessionType Type, bool Audio, bool Video) : DomainEvent;

/// <summary>The session ended: unpublished, or its Janus instance failed (<paramref name="Reason"/>).</summary>
public sealed record MediaUnpublished(Guid ParticipantId, MediaSessionType Type, string Reason) : DomainEvent;

public sealed record PresentersGranted(IReadOnlyList<Guid> Participants) : DomainEvent
{
    public bool Equals(PresentersGranted? other) => other is not null && base.Equals(other) && Participants.SequenceEqual(other.Participants);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Participants.Count);
}

public sealed record PresentersRevoked(IReadOnlyList<Guid> Participants) : DomainEvent
{
    public bool Equals(PresentersRevoked? other) => other is not null && base.Equals(other) && Participants.SequenceEqual(other.Participants);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Participants.Count);
}

/// <summary>Whether sharing a screen needs the presenter role (moderators always have it).</summary>
public sealed record PresenterRoleRequirementSet(bool Required) : DomainEvent;

/// <summary>A moderator lets force-muted participants unmute again.</summary>
public sealed record UnmuteAllowedFor(IReadOnlyList<Guid> Participants) : DomainEvent
{
    public bool Equals(UnmuteAllowedFor? other) => other is not null && base.Equals(other) && Participants.SequenceEqual(other.Participants);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Participants.Count);
}

/// <summary>A whisper group's audio is mixed on this Janus instance (chosen by the first member to connect).</summary>
public sealed record WhisperAudioPlaced(Guid WhisperId, string Instance) : DomainEvent;

public static class MediaEndReasons
{
    public const string Unpublished = "unpublished";
    public const string MediaServerLost = "media_server_lost";
    public const string ConnectionLost = "connection_lost";
}
