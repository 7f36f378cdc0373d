using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Who asks about the shared folder: the bearer of a participant's folder token (from their link), or a signed-in
/// account (the room's owner or an admin may always). The meeting decides with what it knows now.
/// </summary>
public sealed record FolderCaller(string? Token, Guid? UserId, bool IsAdmin);

/// <summary>The folder's files, if <see cref="Caller"/> may see them (and change them, when <see cref="Write"/> is asked).</summary>
public sealed record GetSharedFolder(Guid RoomId, FolderCaller Caller, bool Write) : IWithRoomId;

/// <summary>A file already written to the artifact store joins the folder (the caller must still be allowed to write).</summary>
public sealed record AddSharedFile(Guid RoomId, FolderCaller Caller, RoomAsset Asset) : IWithRoomId;

public sealed record RenameSharedFile(Guid RoomId, FolderCaller Caller, Guid AssetId, string Filename) : IWithRoomId;

public sealed record DeleteSharedFile(Guid RoomId, FolderCaller Caller, Guid AssetId) : IWithRoomId;

/// <summary>
/// The folder's files (the one a command added, renamed or removed), whether the caller may change them; or why not:
/// a REST problem code with a sentence for people.
/// </summary>
public sealed record SharedFolderReply(bool CanWrite, IReadOnlyList<RoomAsset> Files, string? Error, string? Detail) : IEngineMessage
{
    public static SharedFolderReply Refused(string error, string detail) => new(false, [], error, detail);
}
