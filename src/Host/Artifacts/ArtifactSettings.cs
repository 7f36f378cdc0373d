using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Artifacts;

/// <summary>
/// Where artifacts go (section <c>Artifacts</c>): the data folder's <c>artifacts</c> folder unless <see cref="Folder"/>
/// names another, or an S3-compatible store when <c>Artifacts:S3:Bucket</c> is set.
/// </summary>
public sealed class ArtifactSettings : IValidatableObject
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

    // The S3 section is a nested object, which data annotations do not descend into: checked here.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        S3.IsConfigured ? S3.Problems(MaxUploadBytes).Select(problem => new ValidationResult(problem)) : [];
}

/// <summary>An S3-compatible store for a cluster, where no node's data folder is shared (section <c>Artifacts:S3</c>).</summary>
public sealed class S3ArtifactSettings
{
    /// <summary>S3's smallest part of a multipart upload (all but the last).</summary>
    public const int MinPartSizeBytes = 5 * 1024 * 1024;

    /// <summary>S3's most parts of one multipart upload.</summary>
    public const int MaxParts = 10_000;

    /// <summary>The bucket; the store is used when this is set. The node creates it at start when it is missing.</summary>
    public string? Bucket { get; set; }

    /// <summary>The service URL (MinIO, Ceph, Garage, ...: <c>https://s3.example.org</c>); empty for AWS itself.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The region requests are signed for; AWS needs the bucket's, most other servers take any (default <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    /// <summary>The access key; empty for the SDK's own chain (environment, profile, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Buckets in the path (<c>endpoint/bucket/key</c>) rather than the host name: what most S3-compatible servers want.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>A folder in the bucket for this installation's files (<c>opentalk</c> stores <c>opentalk/rooms/...</c>); empty for the bucket's root.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>
    /// The size of each part of an upload (bytes; default 16 MiB, at least 5 MiB): an upload holds one part in memory,
    /// and a file is at most 10,000 parts.
    /// </summary>
    public int PartSizeBytes { get; set; } = 16 * 1024 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Bucket);

    /// <summary>What is wrong with the settings of a configured store, given the largest upload.</summary>
    public IEnumerable<string> Problems(long maxUploadBytes)
    {
        if (!string.IsNullOrWhiteSpace(Endpoint) && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            yield return $"Artifacts:S3:Endpoint is the service's http(s) URL, not '{Endpoint}'.";
        if (string.IsNullOrWhiteSpace(AccessKey) != string.IsNullOrWhiteSpace(SecretKey))
            yield return "Artifacts:S3:AccessKey and Artifacts:S3:SecretKey go together: set both, or neither for the SDK's own credentials.";
        if (PartSizeBytes < MinPartSizeBytes)
            yield return $"Artifacts:S3:PartSizeBytes is at least {MinPartSizeBytes} (S3's smallest part).";
        else if ((long)PartSizeBytes * MaxParts < maxUploadBytes)
            yield return $"Artifacts:S3:PartSizeBytes of {PartSizeBytes} holds at most {(long)PartSizeBytes * MaxParts} bytes in {MaxParts} parts, "
                + $"less than Artifacts:MaxUploadBytes ({maxUploadBytes}): raise the part size.";
    }
}
