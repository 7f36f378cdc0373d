using Akka.Actor;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

// REST-side commands and queries; each is answered with one reply record.
public sealed record CreateRoom(Guid RoomId, Guid OwnerId, string? Password, bool WaitingRoom) : IWithRoomId;

public sealed record GetRoom(Guid RoomId) : IWithRoomId;

public sealed record CreateInvite(Guid RoomId, Guid UserId, string Code, DateTimeOffset? Expiration) : IWithRoomId;

/// <summary>May this person start a session in the room? Checked before a ticket is issued.</summary>
public sealed record CheckAdmission(Guid RoomId, ParticipantIdentity Identity, string? Password) : IWithRoomId;

// Signaling commands from a participant's connection.
public interface IParticipantCommand : IWithRoomId
{
    Guid ParticipantId { get; }

    /// <summary>The signaling namespace an error for this command is sent in.</summary>
    string Namespace { get; }
}

/// <summary>
/// A participant's command as its socket sends it: numbered, so that the socket learns the meeting
/// took it in hand (<see cref="CommandTaken"/>) and can refuse, instead of silently losing, one that
/// went to a meeting that died before it got there.
/// </summary>
public sealed record NumberedCommand(long Number, IParticipantCommand Command) : IWithRoomId
{
    public Guid RoomId => Command.RoomId;
}

/// <summary>The meeting decided a <see cref="NumberedCommand"/>: refused with an error, or its events on their way to the journal.</summary>
public sealed record CommandTaken(long Number) : IEngineMessage;

public sealed record Join(Guid RoomId, Guid ParticipantId, ParticipantIdentity Identity, string DisplayName, IActorRef Connection)
    : IParticipantCommand
{
    public string Namespace => "control";
}

/// <summary>
/// A connection asks to be attached again after the meeting entity moved or restarted, naming the
/// last chat message its client received, so that the welcome brings everything since.
/// </summary>
public sealed record Reattach(Guid RoomId, Guid ParticipantId, IActorRef Connection, Guid? LastChatMessage = null) : IParticipantCommand
{
    public string Namespace => "control";
}

public sealed record EnterRoom(Guid RoomId, Guid ParticipantId) : IParticipantCommand
{
    public string Namespace => "control";
}

public sealed record RaiseHand(Guid RoomId, Guid ParticipantId) : IParticipantCommand
{
    public string Namespace => "control";
}

public sealed record LowerHand(Guid RoomId, Guid ParticipantId) : IParticipantCommand
{
    public string Namespace => "control";
}

public sealed record GrantModeratorRole(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand
{
    public string Namespace => "control";
}

public sealed record RevokeModeratorRole(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand
{
    public string Namespace => "control";
}

public sealed record AcceptFromWaitingRoom(Guid RoomId, Guid ParticipantId, Guid Target) : IParticipantCommand
{
    public string Namespace => "moderation";
}

public sealed record Leave(Guid RoomId, Guid ParticipantId) : IParticipantCommand
{
    public string Namespace => "control";
}

/// <summary>Sent by a connection actor when its socket closed without <c>leave</c>.</summary>
public sealed record ConnectionLost(Guid RoomId, Guid ParticipantId, IActorRef Connection) : IWithRoomId;
