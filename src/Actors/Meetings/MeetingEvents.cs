using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record RoomCreated(Guid RoomId, Guid OwnerId, string? Password, bool WaitingRoom) : DomainEvent;

public sealed record InviteCreated(string Code, DateTimeOffset? Expiration) : DomainEvent;

/// <summary>The participant is now in the room (directly, or after being accepted from the waiting room).</summary>
public sealed record ParticipantJoined(Guid ParticipantId, string DisplayName, Role Role, ParticipantIdentity Identity) : DomainEvent;

public sealed record ParticipantWaiting(Guid ParticipantId, string DisplayName, Role Role, ParticipantIdentity Identity) : DomainEvent;

public sealed record ParticipantAccepted(Guid ParticipantId) : DomainEvent;

public sealed record ParticipantDisconnected(Guid ParticipantId, string Reason) : DomainEvent;

public sealed record ParticipantReconnected(Guid ParticipantId) : DomainEvent;

public sealed record ParticipantLeft(Guid ParticipantId, LeftReason Reason) : DomainEvent;

public sealed record HandRaised(Guid ParticipantId) : DomainEvent;

public sealed record HandLowered(Guid ParticipantId) : DomainEvent;

public sealed record ModeratorRoleGranted(Guid ParticipantId) : DomainEvent;

public sealed record ModeratorRoleRevoked(Guid ParticipantId) : DomainEvent;

/// <summary>Why a connection went away, as recorded in <see cref="ParticipantDisconnected"/>.</summary>
public static class DisconnectReasons
{
    public const string ConnectionLost = "connection_lost";
    public const string NotReattached = "not_reattached";
}
