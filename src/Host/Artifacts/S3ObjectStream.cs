using Amazon.S3;
using Amazon.S3.Model;

namespace OpenTalk.Host.Artifacts;

/// <summary>
/// An object of the bucket, read-only and seekable: it reads the answer of the first GET, and a seek elsewhere asks
/// for the rest of the object from there (a range GET of the same version, by its ETag). So a download is one
/// request and a range request two, and the download endpoint's range processing works as with a file.
/// </summary>
internal sealed class S3ObjectStream(IAmazonS3 s3, GetObjectResponse first) : Stream
{
    private readonly string _bucket = first.BucketName;
    private readonly string _key = first.Key;
    private readonly string _etag = first.ETag;
    private GetObjectResponse? _response = first;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; } = first.ContentLength;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != _position)
        {
            // The open answer goes on from the old position: the next read asks from the new one.
            _response?.Dispose();
            _response = null;
            _position = target;
        }
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.Length == 0)
            return 0;
        _response ??= await s3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = _key, EtagToMatch = _etag, ByteRange = new ByteRange(_position, Length - 1),
        }, cancellationToken);
        var read = await _response.ResponseStream.ReadAsync(buffer, cancellationToken);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Downloads read asynchronously; a synchronous reader still gets the bytes.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _response?.Dispose();
            _response = null;
        }
        base.Dispose(disposing);
    }
}
