using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Artifacts;

/// <summary>
/// Where artifacts go (section <c>Artifacts</c>): the data folder's <c>artifacts</c> folder unless <see cref="Folder"/>
/// names another, or an S3-compatible store when <c>Artifacts:S3:Bucket</c> is set.
/// </summary>
public sealed class ArtifactSettings
{
    public const string Section = "Artifacts";

    /// <summary>The folder for artifacts on this node; default <c>&lt;DataFolder&gt;/artifacts</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>
    /// The largest upload the recorder may send (bytes; default 20 GB). Only the upload endpoint takes bodies this
    /// large: every other request keeps <c>OpenTalk:MaxRequestBodyBytes</c>.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 20L * 1000 * 1000 * 1000;

    public S3ArtifactSettings S3 { get; set; } = new();
}

/// <summary>An S3-compatible store for a cluster, where no node's data folder is shared (section <c>Artifacts:S3</c>).</summary>
public sealed class S3ArtifactSettings
{
    /// <summary>The bucket; the store is used when this is set.</summary>
    public string? Bucket { get; set; }

    /// <summary>The service URL (MinIO, Ceph, ...); empty for AWS itself.</summary>
    public string? Endpoint { get; set; }

    public string? Region { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Bucket);
}
