using System.Collections.Immutable;
using Akka.Actor;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Collab;

/// <summary>A message for one document's entity (<see cref="DocumentActor"/>), by the document's id.</summary>
public interface IWithDocumentId : IEngineMessage
{
    Guid DocumentId { get; }
}

/// <summary>
/// Who may open the document now: those in <see cref="Readers"/> read it, those in <see cref="Writers"/> also change
/// it. From the meeting whenever that changes; sockets of anyone else are closed. <see cref="Version"/> is the meeting's
/// journal position when it said so: later words win.
/// </summary>
public sealed record DocumentAccessChanged(Guid DocumentId, Guid RoomId, DocumentKind Kind, ImmutableHashSet<Guid> Readers, ImmutableHashSet<Guid> Writers,
    long Version = 0) : IWithDocumentId;

/// <summary>A socket opens the document for a participant the meeting let in (<see cref="DocumentOpened"/> follows, then frames).</summary>
/// <see cref="AccessVersion"/> is the meeting's journal position when it checked the token.
public sealed record OpenDocument(Guid DocumentId, Guid RoomId, DocumentKind Kind, Guid ParticipantId, bool CanWrite, IActorRef Socket, long AccessVersion)
    : IWithDocumentId;

/// <summary>A frame from the socket, as it came.</summary>
public sealed record DocumentFrame(Guid DocumentId, IActorRef Socket, byte[] Data) : IWithDocumentId;

/// <summary>The socket closed.</summary>
public sealed record DocumentSocketClosed(Guid DocumentId, IActorRef Socket) : IWithDocumentId;

/// <summary>The document as it stands (one update with everything), stored first, for an export; its version and hash were recorded.</summary>
public sealed record SaveDocument(Guid DocumentId) : IWithDocumentId;

public sealed record DocumentSaved(Guid DocumentId, byte[] Content, long Version, string Sha256) : IEngineMessage;

/// <summary>To the socket: a frame to send.</summary>
public sealed record DocumentOutbound(byte[] Data) : IEngineMessage;

/// <summary>To the socket: close with <paramref name="Status"/> (4403: no access any more).</summary>
public sealed record DocumentClose(int Status, string Reason) : IEngineMessage;

/// <summary>To the socket: the document took it; frames go to <c>Sender</c>.</summary>
public sealed record DocumentOpened : IEngineMessage;

/// <summary>Passivation and hand-off: the document writes what is pending, then stops.</summary>
public sealed record StopDocument : IEngineMessage
{
    public static readonly StopDocument Instance = new();
}
