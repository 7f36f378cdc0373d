using System.Buffers;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace OpenTalk.Host.Artifacts;

/// <summary>
/// Artifacts as objects in a bucket of an S3-compatible store (AWS, MinIO, Ceph, ...): the store of a cluster.
/// An upload goes in parts of <see cref="S3ArtifactSettings.PartSizeBytes"/> (one part in memory at a time), and the
/// object appears only when its multipart upload completes, so an object in the bucket is a whole one. Keys are
/// never overwritten because each asset has a new id; the store does not check it (not every server has
/// conditional writes).
/// </summary>
public sealed partial class S3ArtifactStore : IArtifactStore, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly int _partSize;
    private readonly ILogger _log;

    public S3ArtifactStore(S3ArtifactSettings settings, ILogger<S3ArtifactStore> log)
    {
        _s3 = CreateClient(settings);
        _bucket = settings.Bucket!;
        _prefix = settings.KeyPrefix?.Trim('/') is { Length: > 0 } prefix ? prefix + "/" : "";
        _partSize = settings.PartSizeBytes;
        _log = log;
    }

    /// <summary>A client for the configured server, as the store uses it (tests look into the bucket with one too).</summary>
    public static AmazonS3Client CreateClient(S3ArtifactSettings settings)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            // Newer SDKs add checksum trailers to every upload and insist on checksums in answers; servers other
            // than AWS often refuse the first and lack the second. Only what the API requires.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var region = string.IsNullOrWhiteSpace(settings.Region) ? "us-east-1" : settings.Region;
        if (string.IsNullOrWhiteSpace(settings.Endpoint))
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        else
        {
            config.ServiceURL = settings.Endpoint;
            config.AuthenticationRegion = region;
        }
        return string.IsNullOrWhiteSpace(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public string Bucket => _bucket;

    /// <summary>The object key of an artifact key: the configured prefix, then the key.</summary>
    public string ObjectKey(string key) =>
        ArtifactKeys.IsValid(key) ? _prefix + key : throw new ArgumentException($"Not an artifact key: '{key}'.", nameof(key));

    public async Task<long> WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var objectKey = ObjectKey(key);
        var buffer = ArrayPool<byte>.Shared.Rent(_partSize);
        try
        {
            return await WriteAsync(objectKey, content, buffer, ct);
        }
        catch (Exception e) when (IsStoreFailure(e) && !ct.IsCancellationRequested)
        {
            throw Unavailable("store", objectKey, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>What the S3 client throws when the server is unreachable, fails, or refuses us (credentials, bucket).</summary>
    private static bool IsStoreFailure(Exception e) => e is AmazonServiceException or AmazonClientException or HttpRequestException;

    private ArtifactStoreUnavailableException Unavailable(string what, string objectKey, Exception e) =>
        new($"Could not {what} {objectKey} in bucket {_bucket}: {e.Message}", e);

    private async Task<long> WriteAsync(string objectKey, Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = await FillAsync(content, buffer, ct);
        if (filled < _partSize)
        {
            // The whole file fits in one part: one request.
            using var body = new MemoryStream(buffer, 0, filled, writable: false);
            await _s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket, Key = objectKey, InputStream = body, AutoCloseStream = false, UseChunkEncoding = false,
            }, ct);
            return filled;
        }
        return await WriteInPartsAsync(objectKey, content, buffer, filled, ct);
    }

    /// <summary>A multipart upload of the stream, whose first part is in <paramref name="buffer"/>; aborted on any failure.</summary>
    private async Task<long> WriteInPartsAsync(string objectKey, Stream content, byte[] buffer, int filled, CancellationToken ct)
    {
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = objectKey }, ct);
        try
        {
            var parts = new List<PartETag>();
            long size = 0;
            for (var number = 1; filled > 0; number++)
            {
                using var body = new MemoryStream(buffer, 0, filled, writable: false);
                var part = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket, Key = objectKey, UploadId = upload.UploadId, PartNumber = number,
                    InputStream = body, PartSize = filled, UseChunkEncoding = false,
                }, ct);
                parts.Add(new PartETag(number, part.ETag));
                size += filled;
                filled = await FillAsync(content, buffer, ct);
            }
            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket, Key = objectKey, UploadId = upload.UploadId, PartETags = parts,
            }, ct);
            return size;
        }
        catch (Exception e)
        {
            // The client gone, the body over its limit, the store failing: the parts stored so far go.
            await AbortAsync(objectKey, upload.UploadId, e);
            throw;
        }
    }

    private async Task AbortAsync(string objectKey, string uploadId, Exception cause)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = uploadId }, timeout.Token);
            LogAborted(_log, objectKey, cause.Message);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            LogAbortFailed(_log, e, objectKey, uploadId);
        }
    }

    /// <summary>Reads until the buffer holds a whole part or the stream ends; how much it holds.</summary>
    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < _partSize && await content.ReadAsync(buffer.AsMemory(filled, _partSize - filled), ct) is var read and > 0)
            filled += read;
        return filled;
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var objectKey = ObjectKey(key);
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = objectKey }, ct);
            return new S3ObjectStream(_s3, response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (IsStoreFailure(e) && !ct.IsCancellationRequested)
        {
            throw Unavailable("read", objectKey, e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        var objectKey = ObjectKey(key);
        try
        {
            // S3 answers 204 for a key that is not there.
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = objectKey }, ct);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw Unavailable("delete", objectKey, e);
        }
    }

    public void Dispose() => _s3.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of {Key} broke off ({Cause}): its multipart upload is aborted")]
    private static partial void LogAborted(ILogger logger, string key, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of {Key} broke off, and its multipart upload {UploadId} could not be aborted: its parts "
        + "stay in the bucket (unlisted) until a lifecycle rule (AbortIncompleteMultipartUpload) removes them")]
    private static partial void LogAbortFailed(ILogger logger, Exception error, string key, string uploadId);
}
