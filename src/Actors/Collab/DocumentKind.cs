using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Actors.Collab;

/// <summary>The documents a meeting edits together: its notes (a rich-text document) and its whiteboard.</summary>
public enum DocumentKind { Notes, Whiteboard }

public static class DocumentKinds
{
    /// <summary>The name in addresses (<c>/notes/…</c>, <c>/v1/collab/notes/…</c>).</summary>
    public static string ToWire(this DocumentKind kind) => kind == DocumentKind.Notes ? "notes" : "whiteboard";

    public static DocumentKind? FromWire(string? name) => name switch
    {
        "notes" => DocumentKind.Notes,
        "whiteboard" => DocumentKind.Whiteboard,
        _ => null,
    };
}

/// <summary>
/// How a meeting hands out access to its documents: a page of the node's web app with the participant's token. The key
/// lives only in the meeting's memory (never in the journal): tokens end with the meeting's life on a node, and a
/// participant who comes back (resumes, rejoins) is given a new one.
/// </summary>
public sealed class CollabAccess(string publicUrl, byte[] key)
{
    public static CollabAccess Create(string publicUrl) => new(publicUrl.TrimEnd('/'), RandomNumberGenerator.GetBytes(32));

    /// <summary>A participant's token for one document: <c>{participant id}.{signature}</c>.</summary>
    public string Token(DocumentKind kind, Guid documentId, Guid participantId) => $"{participantId:N}.{Sign(kind, documentId, participantId)}";

    /// <summary>The participant a token was given to, when it is one of this meeting's for that document.</summary>
    public Guid? Verify(DocumentKind kind, Guid documentId, string? token)
    {
        if (token is not { Length: > 33 } || token[32] != '.' || !Guid.TryParseExact(token[..32], "N", out var participant))
            return null;
        var expected = Encoding.ASCII.GetBytes(Sign(kind, documentId, participant));
        var given = Encoding.ASCII.GetBytes(token[33..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? participant : null;
    }

    /// <summary>The page a participant opens: the notes (to write or to read) or the whiteboard of the room.</summary>
    public string Url(DocumentKind kind, Guid roomId, Guid documentId, Guid participantId, bool write) =>
        $"{publicUrl}/{kind.ToWire()}/{roomId}?token={Token(kind, documentId, participantId)}"
        + (kind == DocumentKind.Notes ? write ? "&mode=write" : "&mode=read" : "");

    /// <summary>
    /// A participant's token for the room's shared folder: <c>{participant id}.{r|w}.{signature}</c>, where <c>w</c>
    /// (read and write) is only handed to moderators. The meeting checks the bearer's presence and role on every use.
    /// </summary>
    public string FolderToken(Guid roomId, Guid participantId, bool write) =>
        $"{participantId:N}.{(write ? 'w' : 'r')}.{SignFolder(roomId, participantId, write)}";

    /// <summary>The participant a folder token was given to and whether it is one to write, when it is this meeting's for that room.</summary>
    public (Guid Participant, bool Write)? VerifyFolder(Guid roomId, string? token)
    {
        if (token is not { Length: > 35 } || token[32] != '.' || token[34] != '.' || token[33] is not ('r' or 'w')
            || !Guid.TryParseExact(token[..32], "N", out var participant))
            return null;
        var write = token[33] == 'w';
        var expected = Encoding.ASCII.GetBytes(SignFolder(roomId, participant, write));
        var given = Encoding.ASCII.GetBytes(token[35..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? (participant, write) : null;
    }

    /// <summary>The folder's page of the web app for a participant, to read or to read and write.</summary>
    public string FolderUrl(Guid roomId, Guid participantId, bool write) =>
        $"{publicUrl}/folder/{roomId}?token={FolderToken(roomId, participantId, write)}";

    private string Sign(DocumentKind kind, Guid documentId, Guid participantId) => Sign($"{kind.ToWire()}:{documentId:N}:{participantId:N}");

    // Its own prefix per purpose: no notes or whiteboard token is ever a folder token's signature, nor a read one a write one's.
    private string SignFolder(Guid roomId, Guid participantId, bool write) =>
        Sign($"{(write ? "folder-write" : "folder-read")}:{roomId:N}:{participantId:N}");

    private string Sign(string purpose) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(purpose))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
