using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The participant is now in the room (directly, or after being accepted from the waiting room).</summary>
public sealed record ParticipantJoined(Guid ParticipantId, string DisplayName, Role Role, ParticipantIdentity Identity) : DomainEvent;

public sealed record ParticipantWaiting(Guid ParticipantId, string DisplayName, Role Role, ParticipantIdentity Identity) : DomainEvent;

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

/// <summary>The last person left (or a moderator ended it for all): bans and hands are forgotten.</summary>
public sealed record SessionClosed : DomainEvent;
