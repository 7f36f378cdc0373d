namespace OpenTalk.Protocol.Rest;

/// <summary>(ours) A file of a room's shared folder; <see cref="Size"/> in bytes.</summary>
public sealed record SharedFileResource(Guid Id, string Filename, long Size, string ContentType, DateTimeOffset CreatedAt);

/// <summary>(ours) The shared folder's files, oldest first, and whether the caller may add, rename and delete them.</summary>
public sealed record SharedFolderResponse(IReadOnlyList<SharedFileResource> Files, bool CanWrite);

/// <summary>(ours) A new name for a file of the shared folder; it keeps its extension.</summary>
public sealed record SharedFileRename(string Filename);
