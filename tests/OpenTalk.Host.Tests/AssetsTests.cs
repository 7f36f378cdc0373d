using System.Net;
using System.Net.Http.Headers;
using OpenTalk.Client;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Recordings the recorder hands in become the room's assets: its owner's to list, download and delete. The same
/// tests for each artifact store (<see cref="DataFolderAssetsTests"/>, <see cref="S3AssetsTests"/>), each looking
/// into its store directly.
/// </summary>
public abstract class AssetsTests : RoomTest
{
    /// <summary>Small enough to test the limit; far above the 64 KB every other request may send.</summary>
    protected virtual int MaxUpload => 1_000_000;

    /// <summary>The node settings that choose the store (command-line form).</summary>
    protected abstract string[] StoreArguments { get; }

    protected sealed override string[] NodeArguments => ["--Artifacts:MaxUploadBytes", $"{MaxUpload}", .. StoreArguments];

    /// <summary>The bytes the store holds for the room's asset, read from the store itself; null when there are none.</summary>
    protected abstract Task<byte[]?> StoredAsync(Guid assetId);

    /// <summary>Everything the store holds (files, objects), half-written ones included.</summary>
    protected abstract Task<List<string>> EverythingStoredAsync();

    protected static byte[] Recording(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i * 7 % 251))];

    [Fact]
    public async Task A_recording_uploaded_by_the_recorder_is_listed_downloaded_and_deleted_by_the_owner()
    {
        var recorder = await Node.AsRecorderAsync();
        var bytes = Recording(300_000);
        var breakout = Guid.NewGuid();

        var uploaded = await recorder.UploadRecordingAsync(Room, breakout, "recording_2026-11-25.webm", new MemoryStream(bytes), 12.5);

        Assert.Equal(("recording_2026-11-25.webm", "recording", "record", 300_000L), (uploaded.Filename, uploaded.Namespace, uploaded.Kind, uploaded.Size));
        var listed = Assert.Single(await AssetsWhenAsync(Olga, assets => assets.Count == 1));
        Assert.Equal(uploaded, listed);
        var mine = Assert.Single((await Olga.ListMyAssetsAsync()).OwnedAssets);
        Assert.Equal((uploaded.Id, Room, 300_000L), (mine.Id, mine.RoomId, mine.Size));
        Assert.Equal(300_000, (await Olga.GetMeAsync()).UsedStorage);

        using var copy = new MemoryStream();
        var download = await Olga.DownloadAssetAsync(Room, uploaded.Id, copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(("recording_2026-11-25.webm", "video/webm", "attachment"), (download.FileName, download.ContentType, download.Disposition));
        Assert.Equal(bytes[1000..1010], await RangeAsync(uploaded.Id, 1000, 1009));
        Assert.Equal(bytes, await StoredAsync(uploaded.Id));

        await Olga.DeleteAssetAsync(Room, uploaded.Id);

        Assert.Empty(await AssetsWhenAsync(Olga, assets => assets.Count == 0));
        Assert.Null(await StoredAsync(uploaded.Id));
        Assert.Empty((await Olga.ListMyAssetsAsync()).OwnedAssets);
        Assert.Equal(0, (await Olga.GetMeAsync()).UsedStorage);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            Olga.DownloadAssetAsync(Room, uploaded.Id, Stream.Null))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.DeleteAssetAsync(Room, uploaded.Id))).Status);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_and_leave_no_file()
    {
        var recorder = await Node.AsRecorderAsync();

        foreach (var name in new[] { "../escape.webm", "folder/recording.webm", "back\\slash.webm", "..", "", "tab\there.webm", new string('a', 256) })
        {
            var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => recorder.UploadRecordingAsync(Room, null, name, new MemoryStream(Recording(10))));
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "validation_failed"), (refused.Status, refused.Code));
            Assert.Contains("\"filename\"", refused.Body, StringComparison.Ordinal);
        }
        using (var noRoom = await recorder.SendRawAsync(HttpMethod.Post, "v1/services/recording/upload?filename=a.webm", new ByteArrayContent([1, 2, 3])))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noRoom.StatusCode);
        using (var badDuration = await recorder.SendRawAsync(HttpMethod.Post,
            $"v1/services/recording/upload?room_id={Room}&filename=a.webm&duration=-1", new ByteArrayContent([1, 2, 3])))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, badDuration.StatusCode);

        // Over the limit, announced or not: refused, and nothing of it kept.
        var tooLarge = await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            recorder.UploadRecordingAsync(Room, null, "large.webm", new MemoryStream(Recording(MaxUpload + 1))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        var unannounced = await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            recorder.UploadRecordingAsync(Room, null, "large.webm", new Unseekable(Recording(MaxUpload + 100_000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unannounced.Status);

        Assert.Empty(await EverythingStoredAsync());
        Assert.Empty(await Olga.ListRoomAssetsAsync(Room));
        Assert.Equal(0, (await Olga.GetMeAsync()).UsedStorage);
    }

    [Fact]
    public async Task An_upload_that_breaks_off_leaves_no_file_and_no_asset()
    {
        var recorder = await Node.AsRecorderAsync();

        // Past half the limit: in the S3 store a first part is stored before the recorder goes.
        await Assert.ThrowsAnyAsync<Exception>(() =>
            recorder.UploadRecordingAsync(Room, null, "broken.webm", new Unseekable(Recording(MaxUpload - 10), breakAfter: MaxUpload / 2 + 100_000)));

        // The node notices the broken body and removes what it had stored; then a whole upload still works.
        await WhenAsync(async () => (await EverythingStoredAsync()).Count == 0, "the broken upload's file to go");
        var whole = await recorder.UploadRecordingAsync(Room, null, "whole.webm", new MemoryStream(Recording(5000)));
        Assert.Equal([whole.Id], (await AssetsWhenAsync(Olga, assets => assets.Count >= 1)).Select(a => a.Id));
        Assert.Single(await EverythingStoredAsync());
        Assert.Equal(5000, (await Olga.GetMeAsync()).UsedStorage);
    }

    [Fact]
    public async Task Assets_outlive_their_room_and_a_rebuild_of_the_read_model()
    {
        var recorder = await Node.AsRecorderAsync();
        var first = await recorder.UploadRecordingAsync(Room, null, "first.webm", new MemoryStream(Recording(2000)), 1);
        var second = await recorder.UploadRecordingAsync(Room, null, "second.webm", new MemoryStream(Recording(3000)), 2);
        await AssetsWhenAsync(Olga, assets => assets.Count == 2);
        await Olga.DeleteAssetAsync(Room, first.Id);
        await AssetsWhenAsync(Olga, assets => assets.Count == 1);
        using (var deleted = await Olga.SendRawAsync(HttpMethod.Delete, $"v1/rooms/{Room}", null))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await RestartAsync(async () =>
            Assert.Equal(0, await Commands.RunAsync(["projections", "rebuild", "assets", "--OpenTalk:Postgres", Postgres])));

        Assert.Equal([second.Id], (await AssetsWhenAsync(Olga, assets => assets.Count == 1)).Select(a => a.Id));
        Assert.Equal([second.Id], (await Olga.ListMyAssetsAsync()).OwnedAssets.Select(a => a.Id));
        Assert.Equal(3000, (await Olga.GetMeAsync()).UsedStorage);
        using var copy = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, second.Id, copy);
        Assert.Equal(Recording(3000), copy.ToArray());
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(() =>
            recorder.UploadRecordingAsync(Room, null, "late.webm", new MemoryStream(Recording(10)))));
    }

    /// <summary>The room's assets once the read model shows what <paramref name="ready"/> waits for.</summary>
    protected async Task<List<AssetResource>> AssetsWhenAsync(OpenTalkApi api, Func<List<AssetResource>, bool> ready)
    {
        var assets = new List<AssetResource>();
        await WhenAsync(async () => ready(assets = await api.ListRoomAssetsAsync(Room)), "the read model to catch up");
        return assets;
    }

    private static async Task WhenAsync(Func<Task<bool>> ready, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await ready())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Part of an asset's file (<c>Range: bytes=from-to</c>), answered 206.</summary>
    protected async Task<byte[]> RangeAsync(Guid assetId, long from, long? to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/rooms/{Room}/assets/{assetId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Olga.AccessToken);
        request.Headers.Range = new RangeHeaderValue(from, to);
        using var http = new HttpClient(new OpenApiConformance(new HttpClientHandler())) { BaseAddress = Node.BaseUri };
        using var partial = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        return await partial.Content.ReadAsByteArrayAsync();
    }

    protected static async Task<HttpStatusCode> StatusOf(Func<Task> call) => (await Assert.ThrowsAsync<OpenTalkApiException>(call)).Status;

    /// <summary>
    /// A body whose length is not known up front: sent chunked. With <paramref name="breakAfter"/>, the sender gives up
    /// after that many bytes, as a recorder that dies mid-upload.
    /// </summary>
    private sealed class Unseekable(byte[] bytes, int breakAfter = int.MaxValue) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position < breakAfter)
                return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfter - Position)], cancellationToken);
            await Task.Delay(500, cancellationToken); // the node reads what was sent
            throw new IOException("The recorder went away mid-upload.");
        }
    }
}
