namespace OpenTalk.Protocol.Signaling;

/// <summary>
/// A way into the room's shared folder (OpenTalk's <c>{url, password}</c>): a page of the node's web app whose address
/// carries the participant's token. The token is the secret, so <see cref="Password"/> is always empty.
/// </summary>
public sealed record SharedFolderAccess(string Url, string Password);

/// <summary>
/// A participant's part under <c>shared_folder</c> in <c>join_success</c>: everyone reads; moderators also get
/// <see cref="ReadWrite"/>, the link that uploads, renames and deletes.
/// </summary>
public sealed record SharedFolderState(SharedFolderAccess Read)
{
    public SharedFolderAccess? ReadWrite { get; init; }
}

/// <summary>The participant's role changed: their links now, cut down to the new role (OpenTalk's <c>updated</c>).</summary>
public sealed record SharedFolderUpdated(SharedFolderAccess Read) : ServerPayload("updated")
{
    public SharedFolderAccess? ReadWrite { get; init; }
}

/// <summary>(ours) A file was added, renamed or deleted: clients showing the folder fetch its list again.</summary>
public sealed record SharedFolderFilesChanged() : ServerPayload("files_changed");
