using Akka.Actor;
using OpenTalk.Actors.Participants;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>May this person start a session in the room? Checked before a ticket is issued.</summary>
public sealed record CheckAdmission(Guid RoomId, ParticipantIdentity Identity, string? Password) : IWithRoomId;

// Signaling commands from a participant's connection.
public interface IParticipantCommand : IWithRoomId
{
    new RoomId RoomId { get; }

    /// <summary>Who sent the command.</summary>
    ParticipantId ParticipantId { get; }

    Guid IWithRoomId.RoomId => RoomId;
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

/// <summary>
/// Everything the socket's command <paramref name="Number"/> changed is in the journal (or it changed nothing): settled
/// for good. A command taken but not stored when its meeting's node died may be lost, and the socket refuses it.
/// </summary>
public sealed record CommandStored(long Number) : IEngineMessage;

/// <summary>
/// The meeting refused the socket's command <paramref name="Number"/> (<see cref="Join"/>: its join) with an error
/// code. The socket knows which frame that was, so it alone renders the error frame, in that frame's namespace.
/// </summary>
public sealed record CommandRefused(long Number, string Error) : IEngineMessage
{
    /// <summary>Numbered commands start at 1; a join travels unnumbered.</summary>
    public const long Join = 0;
}

/// <summary>Sent by a connection actor when its socket closed without <c>leave</c>.</summary>
public sealed record ConnectionLost(Guid RoomId, Guid ParticipantId, IActorRef Connection) : IWithRoomId;
