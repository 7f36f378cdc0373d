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

    private string Sign(DocumentKind kind, Guid documentId, Guid participantId) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{kind.ToWire()}:{documentId:N}:{participantId:N}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
