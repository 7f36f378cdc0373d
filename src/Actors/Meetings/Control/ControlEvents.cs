using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The participant is now in the room (directly, or after being accepted from the waiting room).</summary>
public sealed record ParticipantJoined(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("role")] MeetingRole Role,
    [property: JsonPropertyName("identity")] ParticipantIdentity Identity) : DomainEvent;

public sealed record ParticipantWaiting(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("role")] MeetingRole Role,
    [property: JsonPropertyName("identity")] ParticipantIdentity Identity) : DomainEvent;

public sealed record ParticipantDisconnected(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("reason")] string Reason) : DomainEvent;

public sealed record ParticipantReconnected([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record ParticipantLeft(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("reason")] LeaveReason Reason) : DomainEvent;

public sealed record HandRaised([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record HandLowered([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record ModeratorRoleGranted([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

public sealed record ModeratorRoleRevoked([property: JsonPropertyName("participant_id")] Guid ParticipantId) : DomainEvent;

/// <summary>Why a connection went away, as recorded in <see cref="ParticipantDisconnected"/>.</summary>
public static class DisconnectReasons
{
    public const string ConnectionLost = "connection_lost";
    public const string NotReattached = "not_reattached";
}

/// <summary>The last person left (or a moderator ended it for all): bans and hands are forgotten.</summary>
public sealed record SessionClosed : DomainEvent;
