using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Where one published session lives: the Janus instance and the VideoRoom feed, and its mute state.</summary>
public sealed record PublishedMedia(
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("feed")] string Feed,
    [property: JsonPropertyName("audio")] bool Audio,
    [property: JsonPropertyName("video")] bool Video)
{
    /// <summary>
    /// Published, but the publisher has not said yet what it sends (<c>publish_complete</c>): others are not shown the
    /// session until it has, as OpenTalk's apps expect (they keep the first state they see of a session). Not written
    /// when false, so states stored before it existed read the same.
    /// </summary>
    [JsonPropertyName("pending")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Pending { get; init; }
}

/// <summary>
/// A participant's session is published on <paramref name="Instance"/> (again, after a Janus failure).
/// <paramref name="Pending"/>: shown to others only once its publisher says what it sends; false in events stored
/// before sessions waited so (they replay as they were shown then).
/// </summary>
public sealed record MediaPublished(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("type")] MediaKind Type,
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("feed")] string Feed,
    [property: JsonPropertyName("pending"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Pending = false) : DomainEvent;

/// <summary>The publisher reported what it sends (publish_complete, update_media_session).</summary>
public sealed record MediaSessionUpdated(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("type")] MediaKind Type,
    [property: JsonPropertyName("audio")] bool Audio,
    [property: JsonPropertyName("video")] bool Video) : DomainEvent;

/// <summary>The session ended: unpublished, or its Janus instance failed (<paramref name="Reason"/>).</summary>
public sealed record MediaUnpublished(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("type")] MediaKind Type,
    [property: JsonPropertyName("reason")] string Reason) : DomainEvent;

public sealed record PresentersGranted(
    [property: JsonPropertyName("participants")] IReadOnlyList<Guid> Participants) : DomainEvent
{
    public bool Equals(PresentersGranted? other) => other is not null && base.Equals(other) && Participants.SequenceEqual(other.Participants);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Participants.Count);
}

public sealed record PresentersRevoked(
    [property: JsonPropertyName("participants")] IReadOnlyList<Guid> Participants) : DomainEvent
{
    public bool Equals(PresentersRevoked? other) => other is not null && base.Equals(other) && Participants.SequenceEqual(other.Participants);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Participants.Count);
}

/// <summary>Whether sharing a screen needs the presenter role (moderators always have it).</summary>
public sealed record PresenterRoleRequirementSet([property: JsonPropertyName("required")] bool Required) : DomainEvent;

/// <summary>
/// A moderator locks every microphone in the room (OpenTalk's force mute): only moderators and the people on
/// <paramref name="AllowList"/> may unmute until the lock is lifted.
/// </summary>
public sealed record ForceMuteTurnedOn([property: JsonPropertyName("allow_list")] IReadOnlyList<Guid> AllowList) : DomainEvent
{
    public bool Equals(ForceMuteTurnedOn? other) => other is not null && base.Equals(other) && AllowList.SequenceEqual(other.AllowList);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), AllowList.Count);
}

/// <summary>The room's microphone lock is lifted (those muted one by one stay muted).</summary>
public sealed record ForceMuteTurnedOff : DomainEvent;

/// <summary>A moderator lets force-muted participants unmute again.</summary>
public sealed record UnmuteAllowedFor([property: JsonPropertyName("participants")] IReadOnlyList<Guid> Participants) : DomainEvent
{
    public bool Equals(UnmuteAllowedFor? other) => other is not null && base.Equals(other) && Participants.SequenceEqual(other.Participants);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Participants.Count);
}

/// <summary>A whisper group's audio is mixed on this Janus instance (chosen by the first member to connect).</summary>
public sealed record WhisperAudioPlaced(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("instance")] string Instance) : DomainEvent;

public static class MediaEndReasons
{
    public const string Unpublished = "unpublished";
    public const string MediaServerLost = "media_server_lost";
    public const string ConnectionLost = "connection_lost";
}
