namespace OpenTalk.Host.Artifacts;

/// <summary>
/// Where the files of rooms (recordings, later notes and whiteboards) are kept: the node's data folder, or an
/// S3-compatible store in a cluster. Keys are ours (<see cref="ArtifactKeys"/>), never a client's file name.
/// </summary>
public interface IArtifactStore
{
    /// <summary>
    /// Stores the stream under <paramref name="key"/> and returns its size in bytes. All or nothing: a stream that
    /// breaks off (or a cancellation) leaves nothing behind. An existing key is never overwritten.
    /// </summary>
    Task<long> WriteAsync(string key, Stream content, CancellationToken ct);

    /// <summary>The stored file, seekable where the store allows it (range requests); null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Removes the file; a key that is already gone is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>
/// The store could not be reached or refused the request (an S3 server down or misconfigured): not the client's
/// fault, and worth trying again later. An <see cref="IOException"/>, as a failing disk's would be.
/// </summary>
public sealed class ArtifactStoreUnavailableException(string message, Exception inner) : IOException(message, inner);

/// <summary>The keys artifacts are stored under: by room, then asset id. Nothing of a client's input reaches them.</summary>
public static class ArtifactKeys
{
    public static string ForAsset(Guid roomId, Guid assetId) => $"rooms/{roomId:N}/{assetId:N}";

    /// <summary>Lowercase letters, digits, <c>-</c> and <c>_</c> in segments joined by <c>/</c>: no way out of the store's root.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 512
        && key.Split('/').All(segment => segment.Length > 0 && segment.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'));
}
