using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using OpenTalk.Client;
using OpenTalk.Host.Artifacts;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Assets in an S3-compatible store (s3rver, started by <c>./test</c>): a bucket per test, created by the node, and
/// looked into with a client of our own. Parts of 5 MiB, so that a recording of a few MB is a multipart upload.
/// </summary>
public sealed class S3AssetsTests : AssetsTests, IDisposable
{
    private readonly S3ArtifactSettings _s3 = TestS3.NewBucket(keyPrefix: "opentalk/");
    private readonly AmazonS3Client _client;
    private string? _endpoint;

    public S3AssetsTests() => _client = S3ArtifactStore.CreateClient(_s3);

    protected override int MaxUpload => 12_000_000;

    protected override string[] StoreArguments => [.. TestS3.NodeArguments(_s3), .. _endpoint is null ? [] : new[] { "--Artifacts:S3:Endpoint", _endpoint }];

    private string ObjectKey(Guid assetId) => "opentalk/" + ArtifactKeys.ForAsset(Room, assetId);

    protected override async Task<byte[]?> StoredAsync(Guid assetId)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_s3.Bucket, ObjectKey(assetId));
            using var bytes = new MemoryStream();
            await response.ResponseStream.CopyToAsync(bytes);
            return bytes.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    protected override async Task<List<string>> EverythingStoredAsync() =>
        [.. ((await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _s3.Bucket })).S3Objects ?? []).Select(o => o.Key)];

    [Fact]
    public async Task A_recording_larger_than_a_part_is_stored_in_parts_and_read_back_across_them()
    {
        var recorder = await Node.AsRecorderAsync();
        var bytes = Recording(11_000_000); // parts of 5 MiB, 5 MiB and the rest

        var uploaded = await recorder.UploadRecordingAsync(Room, null, "long.webm", new MemoryStream(bytes));

        Assert.Equal(11_000_000, uploaded.Size);
        var stored = await _client.GetObjectMetadataAsync(_s3.Bucket, ObjectKey(uploaded.Id));
        Assert.Equal(11_000_000, stored.ContentLength);
        Assert.Equal(bytes, await StoredAsync(uploaded.Id));
        using var copy = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, uploaded.Id, copy);
        Assert.Equal(bytes, copy.ToArray());
        // A range over the first part's end, and one to the end of the file.
        var boundary = S3ArtifactSettings.MinPartSizeBytes;
        Assert.Equal(bytes[(boundary - 10)..(boundary + 10)], await RangeAsync(uploaded.Id, boundary - 10, boundary + 9));
        Assert.Equal(bytes[^100..], await RangeAsync(uploaded.Id, bytes.Length - 100, null));
    }

    [Fact]
    public async Task While_the_store_is_unreachable_uploads_and_downloads_answer_503_and_work_again_once_it_is_back()
    {
        var recorder = await Node.AsRecorderAsync();
        var before = await recorder.UploadRecordingAsync(Room, null, "before.webm", new MemoryStream(Recording(1000)));
        using (var nothing = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            nothing.Start();
            _endpoint = $"http://127.0.0.1:{((IPEndPoint)nothing.LocalEndpoint).Port}"; // closed again below: refused
        }
        await RestartAsync();

        recorder = await Node.AsRecorderAsync();
        var upload = await Assert.ThrowsAsync<OpenTalkApiException>(() => recorder.UploadRecordingAsync(Room, null, "during.webm", new MemoryStream(Recording(1000))));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, ProblemCodes.Unavailable), (upload.Status, upload.Code));
        Assert.Contains("try again", upload.Message, StringComparison.Ordinal);
        var download = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.DownloadAssetAsync(Room, before.Id, Stream.Null));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, ProblemCodes.Unavailable), (download.Status, download.Code));
        Assert.Single(await AssetsWhenAsync(Olga, assets => assets.Count == 1)); // the failed upload left no asset

        _endpoint = null;
        await RestartAsync();
        recorder = await Node.AsRecorderAsync();
        var after = await recorder.UploadRecordingAsync(Room, null, "after.webm", new MemoryStream(Recording(1000)));
        Assert.Equal(Recording(1000), await StoredAsync(after.Id));
        Assert.Equal(2, (await AssetsWhenAsync(Olga, assets => assets.Count == 2)).Count);
    }

    [Fact]
    public async Task A_part_size_below_S3s_smallest_part_stops_the_node_at_start()
    {
        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestNode.StartAsync(Postgres, extra: [.. TestS3.NodeArguments(TestS3.NewBucket()), "--Artifacts:S3:PartSizeBytes", "1000000"]));

        Assert.Contains("Artifacts:S3:PartSizeBytes", invalid.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _client.Dispose();
}
