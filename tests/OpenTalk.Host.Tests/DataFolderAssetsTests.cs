using System.Net;
using OpenTalk.Host.Artifacts;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Assets in the node's data folder (the default store); also what does not depend on the store.</summary>
public sealed class DataFolderAssetsTests : AssetsTests
{
    protected override string[] StoreArguments => [];

    private string Artifacts => Path.Combine(Node.DataFolder, "artifacts");

    protected override async Task<byte[]?> StoredAsync(Guid assetId) =>
        Path.Combine(Artifacts, ArtifactKeys.ForAsset(Room, assetId)) is var path && File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;

    // Half-written files (.incoming) too.
    protected override Task<List<string>> EverythingStoredAsync() =>
        Task.FromResult(Directory.Exists(Artifacts) ? Directory.EnumerateFiles(Artifacts, "*", SearchOption.AllDirectories).ToList() : []);

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
}
