using OpenTalk.Host.Artifacts;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>The S3-compatible server (s3rver) that <c>./test</c> starts (OPENTALK_TEST_S3); without it the tests fail loudly.</summary>
public static class TestS3
{
    public static string Endpoint => Environment.GetEnvironmentVariable("OPENTALK_TEST_S3")
        ?? throw new InvalidOperationException("OPENTALK_TEST_S3 is not set: run the tests through ./test, which starts an S3-compatible server.");

    /// <summary>Settings for a bucket of its own (created by the node at start), with s3rver's fixed keys.</summary>
    public static S3ArtifactSettings NewBucket(string? keyPrefix = null) => new()
    {
        Bucket = $"opentalk-{Guid.NewGuid():N}"[..30],
        Endpoint = Endpoint,
        Region = "us-east-1",
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        KeyPrefix = keyPrefix,
        PartSizeBytes = S3ArtifactSettings.MinPartSizeBytes,
    };

    /// <summary>The settings as node arguments.</summary>
    public static string[] NodeArguments(S3ArtifactSettings s3) =>
    [
        "--Artifacts:S3:Bucket", s3.Bucket!,
        "--Artifacts:S3:Endpoint", s3.Endpoint!,
        "--Artifacts:S3:Region", s3.Region!,
        "--Artifacts:S3:AccessKey", s3.AccessKey!,
        "--Artifacts:S3:SecretKey", s3.SecretKey!,
        "--Artifacts:S3:KeyPrefix", s3.KeyPrefix ?? "",
        "--Artifacts:S3:PartSizeBytes", $"{s3.PartSizeBytes}",
    ];
}
