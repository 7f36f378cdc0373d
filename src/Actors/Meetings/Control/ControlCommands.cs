using Akka.Actor;
using OpenTalk.Actors.Participants;

namespace OpenTalk.Actors.Meetings;

public sealed record Join(Guid RoomId, Guid ParticipantId, ParticipantIdentity Identity, string DisplayName, IActorRef Connection)
    : IParticipantCommand;

/// <summary>
/// A connection asks to be attached again after the meeting entity moved or restarted, naming the
/// last chat message its client received, so that the welcome brings everything since.
/// </summary>
public sealed record Reattach(Guid RoomId, Guid ParticipantId, IActorRef Connection, Guid? LastChatMessage = null) : IParticipantCommand;

public sealed record EnterRoom(Guid RoomId, Guid ParticipantId) : IParticipantCommand;

public sealed record RaiseHand(Guid RoomId, Guid ParticipantId) : IParticipantCommand;

public sealed record LowerHand(Guid RoomId, Guid ParticipantId) : IParticipantCommand;

public sealed record GrantModeratorRole(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand;

public sealed record RevokeModeratorRole(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand;

public sealed record Leave(Guid RoomId, Guid ParticipantId) : IParticipantCommand;

/// <summary>The connection of a present participant went away (decided by the actor, which knows the refs).</summary>
public sealed record MarkDisconnected(Guid ParticipantId, string Reason);

/// <summary>The resume window of a disconnected participant ran out.</summary>
public sealed record ExpireResumption(Guid ParticipantId);
