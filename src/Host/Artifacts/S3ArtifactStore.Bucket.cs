using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace OpenTalk.Host.Artifacts;

/// <summary>The bucket at start: found, or created.</summary>
public sealed partial class S3ArtifactStore
{
    /// <summary>Creates the bucket when it does not exist; false (logged) when neither checking nor creating worked.</summary>
    public async Task<bool> EnsureBucketAsync(CancellationToken ct)
    {
        try
        {
            try
            {
                await _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = _bucket }, ct);
                LogUsingBucket(_log, _bucket, _s3.Config.ServiceURL ?? _s3.Config.RegionEndpoint?.SystemName);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket, UseClientRegion = true }, ct);
                LogCreatedBucket(_log, _bucket, _s3.Config.ServiceURL ?? _s3.Config.RegionEndpoint?.SystemName);
                return true;
            }
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            LogBucketUnavailable(_log, e, _bucket, _s3.Config.ServiceURL ?? _s3.Config.RegionEndpoint?.SystemName);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Artifacts are kept in S3 bucket {Bucket} at {Endpoint}")]
    private static partial void LogUsingBucket(ILogger logger, string bucket, string? endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created S3 bucket {Bucket} at {Endpoint} for artifacts")]
    private static partial void LogCreatedBucket(ILogger logger, string bucket, string? endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "The S3 bucket {Bucket} at {Endpoint} could not be checked or created: recordings cannot be "
        + "stored until it exists and Artifacts:S3 (endpoint, region, keys) reaches it")]
    private static partial void LogBucketUnavailable(ILogger logger, Exception error, string bucket, string? endpoint);
}
