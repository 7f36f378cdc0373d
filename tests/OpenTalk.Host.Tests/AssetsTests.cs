using System.Net;
using System.Net.Http.Headers;
using OpenTalk.Client;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Recordings the recorder hands in become the room's assets: its owner's to list, download and delete.</summary>
public sealed class AssetsTests : RoomTest
{
    private const int MaxUpload = 1_000_000;

    // Small enough to test the limit; far above the 64 KB every other request may send.
    protected override string[] NodeArguments => ["--Artifacts:MaxUploadBytes", $"{MaxUpload}"];

    private string Artifacts => Path.Combine(Node.DataFolder, "artifacts");

    private static byte[] Recording(int size) => [.. Enumerable.Range(0, size).Select(i => (byte)(i * 7 % 251))];

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
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"v1/rooms/{Room}/assets/{uploaded.Id}"))
        {
            range.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Olga.AccessToken);
            range.Headers.Range = new RangeHeaderValue(1000, 1009);
            using var http = new HttpClient(new OpenApiConformance(new HttpClientHandler())) { BaseAddress = Node.BaseUri };
            using var partial = await http.SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(bytes[1000..1010], await partial.Content.ReadAsByteArrayAsync());
        }
        var stored = Path.Combine(Artifacts, "rooms", Room.ToString("N"), uploaded.Id.ToString("N"));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));

        await Olga.DeleteAssetAsync(Room, uploaded.Id);

        Assert.Empty(await AssetsWhenAsync(Olga, assets => assets.Count == 0));
        Assert.False(File.Exists(stored));
        Assert.Empty((await Olga.ListMyAssetsAsync()).OwnedAssets);
        Assert.Equal(0, (await Olga.GetMeAsync()).UsedStorage);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            Olga.DownloadAssetAsync(Room, uploaded.Id, Stream.Null))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.DeleteAssetAsync(Room, uploaded.Id))).Status);
    }

    [Fact]
    public async Task Only_the_recorder_uploads_and_only_the_owner_reaches_the_assets()
    {
        var recorder = await Node.AsRecorderAsync();
        var asset = await recorder.UploadRecordingAsync(Room, null, "recording.webm", new MemoryStream(Recording(1000)));
        var mallory = await Node.NewUserAsync("mallory");

        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(() => mallory.ListRoomAssetsAsync(Room)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(() => mallory.DownloadAssetAsync(Room, asset.Id, Stream.Null)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(() => mallory.DeleteAssetAsync(Room, asset.Id)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(() => Olga.UploadRecordingAsync(Room, null, "mine.webm", new MemoryStream(Recording(10)))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(() =>
            Node.Anonymous().UploadRecordingAsync(Room, null, "anon.webm", new MemoryStream(Recording(10)))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(() => recorder.UploadRecordingAsync(Guid.NewGuid(), null, "x.webm", new MemoryStream(Recording(10)))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(() => Olga.DownloadAssetAsync(Room, Guid.NewGuid(), Stream.Null)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(() => Olga.ListRoomAssetsAsync(Guid.NewGuid())));
        Assert.Empty((await mallory.ListMyAssetsAsync()).OwnedAssets);

        // An admin may, as with the room's other settings.
        var admin = await Node.AsAdminAsync();
        Assert.Equal(asset.Id, Assert.Single(await AssetsWhenAsync(admin, assets => assets.Count == 1)).Id);
        await admin.DeleteAssetAsync(Room, asset.Id);
        Assert.Empty(await AssetsWhenAsync(Olga, assets => assets.Count == 0));
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

        Assert.Empty(Directory.Exists(Artifacts) ? Directory.EnumerateFiles(Artifacts, "*", SearchOption.AllDirectories) : []);
        Assert.Empty(await Olga.ListRoomAssetsAsync(Room));
        Assert.Equal(0, (await Olga.GetMeAsync()).UsedStorage);
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

    [Fact]
    public async Task A_persons_assets_are_paged_and_sorted_across_their_rooms()
    {
        var recorder = await Node.AsRecorderAsync();
        var otherRoom = (await Olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await recorder.UploadRecordingAsync(Room, null, "b.webm", new MemoryStream(Recording(30)));
        await recorder.UploadRecordingAsync(otherRoom, null, "a.webm", new MemoryStream(Recording(10)));
        await recorder.UploadRecordingAsync(Room, null, "c.webm", new MemoryStream(Recording(20)));
        await AssetsWhenAsync(Olga, assets => assets.Count == 2);

        Assert.Equal(["c.webm", "a.webm", "b.webm"], (await Olga.ListMyAssetsAsync()).OwnedAssets.Select(a => a.Filename));
        Assert.Equal(["a.webm", "b.webm"], (await Olga.ListMyAssetsAsync(perPage: 2, sort: "filename", order: "ascending")).OwnedAssets.Select(a => a.Filename));
        Assert.Equal(["a.webm"], (await Olga.ListMyAssetsAsync(perPage: 2, page: 2, sort: "size", order: "descending")).OwnedAssets.Select(a => a.Filename));
        Assert.Equal([Room, Room, otherRoom], (await Olga.ListMyAssetsAsync(sort: "filename", order: "descending")).OwnedAssets.Select(a => a.RoomId));
        Assert.Equal(["c.webm"], (await Olga.ListRoomAssetsAsync(Room, perPage: 1)).Select(a => a.Filename));
        Assert.Equal(60, (await Olga.GetMeAsync()).UsedStorage);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await StatusOf(() => Olga.ListMyAssetsAsync(sort: "owner")));
    }

    /// <summary>The room's assets once the read model shows what <paramref name="ready"/> waits for.</summary>
    private async Task<List<AssetResource>> AssetsWhenAsync(OpenTalkApi api, Func<List<AssetResource>, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var assets = await api.ListRoomAssetsAsync(Room);
            if (ready(assets))
                return assets;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The read model did not catch up: {assets.Count} assets.");
            await Task.Delay(100);
        }
    }

    private static async Task<HttpStatusCode> StatusOf(Func<Task> call) => (await Assert.ThrowsAsync<OpenTalkApiException>(call)).Status;

    /// <summary>A body whose length is not known up front: sent chunked.</summary>
    private sealed class Unseekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
