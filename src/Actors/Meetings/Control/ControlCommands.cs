using Akka.Actor;
using OpenTalk.Actors.Participants;

namespace OpenTalk.Actors.Meetings;

public sealed record Join(RoomId RoomId, ParticipantId ParticipantId, ParticipantIdentity Identity, string DisplayName, IActorRef Connection)
    : IParticipantCommand;

/// <summary>
/// A connection asks to be attached again after the meeting entity moved or restarted, naming the
/// last chat message its client received, so that the welcome brings everything since.
/// </summary>
/// <summary>
/// A connection whose meeting stopped looks for its new home. <see cref="InDoubt"/> names the chat messages it sent that
/// the old home never answered: the new one tells whether each was stored (it is in the chat) or not.
/// </summary>
public sealed record Reattach(RoomId RoomId, ParticipantId ParticipantId, IActorRef Connection, Guid? LastChatMessage = null) : IParticipantCommand
{
    public IReadOnlyList<InDoubtChatMessage> InDoubt { get; init; } = [];
}

/// <summary>Command <paramref name="Number"/> of a connection, the chat message <paramref name="MessageId"/>.</summary>
public sealed record InDoubtChatMessage(long Number, Guid MessageId);

public sealed record EnterRoom(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

public sealed record RaiseHand(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

public sealed record LowerHand(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

public sealed record GrantModeratorRole(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target) : IParticipantCommand;

public sealed record RevokeModeratorRole(RoomId RoomId, ParticipantId ParticipantId, ParticipantId Target) : IParticipantCommand;

public sealed record Leave(RoomId RoomId, ParticipantId ParticipantId) : IParticipantCommand;

/// <summary>The connection of a present participant went away (decided by the actor, which knows the refs).</summary>
public sealed record MarkDisconnected(Guid ParticipantId, string Reason);

/// <summary>The resume window of a disconnected participant ran out.</summary>
public sealed record ExpireResumption(Guid ParticipantId);
