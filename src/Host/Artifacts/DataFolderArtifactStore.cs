namespace OpenTalk.Host.Artifacts;

/// <summary>
/// Artifacts as files in a folder of this node (<c>&lt;DataFolder&gt;/artifacts</c>): the store of a single node.
/// A file is written under <c>.incoming</c> and moved into place when complete, so a file in place is a whole one.
/// </summary>
public sealed class DataFolderArtifactStore(string root) : IArtifactStore
{
    private const string Incoming = ".incoming";

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<long> WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var target = PathOf(key);
        var partial = Path.Combine(Root, Incoming, $"{Guid.NewGuid():N}.part");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        try
        {
            long size;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, 81920, ct);
                await file.FlushAsync(ct);
                size = file.Length;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(partial, target, overwrite: false);
            return size;
        }
        finally
        {
            // Whatever broke the copy (the client gone, the body over its limit, a full disk): no half file stays.
            if (File.Exists(partial))
                File.Delete(partial);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path); // no error when it is already gone
        // An emptied room folder goes too; another upload racing into it just creates it again.
        if (Path.GetDirectoryName(path) is { } folder && folder != Root && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // Someone wrote into it meanwhile.
            }
        }
        return Task.CompletedTask;
    }

    private string PathOf(string key) =>
        ArtifactKeys.IsValid(key)
            ? Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar))
            : throw new ArgumentException($"Not an artifact key: '{key}'.", nameof(key));
}
