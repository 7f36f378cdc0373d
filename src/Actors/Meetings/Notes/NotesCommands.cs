using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>A moderator gives these participants write access to the notes (the first choice starts the notes).</summary>
public sealed record SelectNotesWriters(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Writers) : IParticipantCommand;

/// <summary>A moderator takes write access away: they read from now on.</summary>
public sealed record DeselectNotesWriters(RoomId RoomId, ParticipantId ParticipantId, IReadOnlyList<Guid> Writers) : IParticipantCommand;

/// <summary>A moderator asks for a PDF of the notes or the whiteboard; it becomes the room's asset.</summary>
public sealed record ExportDocument(RoomId RoomId, ParticipantId ParticipantId, DocumentKind Kind) : IParticipantCommand;

/// <summary>From a document: it saved version <see cref="Version"/> of its content, whose SHA-256 is <see cref="Sha256"/>.</summary>
public sealed record RecordDocumentVersion(Guid RoomId, DocumentKind Kind, Guid DocumentId, long Version, string Sha256) : IWithRoomId;

/// <summary>A socket asks whether the bearer of <see cref="Token"/> may open the room's document of <see cref="Kind"/>.</summary>
public sealed record CheckDocumentAccess(Guid RoomId, DocumentKind Kind, string Token) : IWithRoomId;

/// <summary>
/// Yes (the document, the participant, whether they write), or why not (<see cref="CloseCodes"/>); <see cref="Version"/>
/// is the meeting's journal position it answered at (see <see cref="DocumentAccessChanged.Version"/>).
/// </summary>
public sealed record DocumentAccessReply(Guid DocumentId, Guid ParticipantId, bool CanWrite, int? RefusedWith, long Version = 0) : IEngineMessage;

/// <summary>From the node that made the PDF a moderator asked for: it is stored; the room keeps it as an asset.</summary>
public sealed record AddExport(Guid RoomId, Guid RequestedBy, RoomAsset Asset) : IWithRoomId;

/// <summary>
/// On the node's event stream, for its exporter: make a PDF of the document and store it as an asset of
/// <see cref="AssetRoomId"/> (a breakout room's exports belong to its main room).
/// </summary>
public sealed record DocumentExportRequested(Guid RoomId, Guid AssetRoomId, Guid? BreakoutRoomId, DocumentKind Kind, Guid DocumentId, Guid RequestedBy);

/// <summary>The meeting asks the node to carry out an export (<see cref="DocumentExportRequested"/>).</summary>
public sealed record RequestExport(DocumentExportRequested Export) : MeetingEffect;

/// <summary>A message for a document's entity.</summary>
public sealed record SendToDocument(IWithDocumentId Message) : MeetingEffect;
