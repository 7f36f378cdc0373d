using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Artifacts;
using OpenTalk.Host.Auth;
using OpenTalk.Projections.Assets;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// Files stored for rooms (recordings): listed, downloaded and deleted by the room's owner (or an admin), and every
/// asset of a person's rooms. A deleted room's assets stay its owner's until deleted one by one.
/// </summary>
public static partial class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/v1/rooms/{roomId:guid}/assets").RequireAuthorization();
        assets.MapGet("/", ListOfRoom).Returns<List<AssetResource>>();
        assets.MapGet("/{assetId:guid}", Download).ReturnsFile(AssetContentTypes.All);
        assets.MapDelete("/{assetId:guid}", Delete).ReturnsNothing();
        app.MapGet("/v1/users/me/assets", ListOwned).RequireAuthorization().Returns<UserAssetsResponse>();
        return app;
    }

    /// <summary>A page of the room's assets, newest first (<c>per_page</c>, <c>page</c>; page links in <c>Link</c>), from the read model.</summary>
    private static async Task<IResult> ListOfRoom(Guid roomId, HttpContext context, EngineGateway engine, AssetsReader reader, int? per_page, int? page)
    {
        var (_, refused) = await OwnedAsync(roomId, context, engine);
        if (refused is not null)
            return refused;
        var (size, number) = PageOf(per_page, page);
        var (rows, total) = await reader.OfRoomAsync(roomId, number, size, context.RequestAborted);
        if (Paging.PageLinks(context.Request, number, size, total) is { } links)
            context.Response.Headers.Link = links;
        return Results.Ok(rows.Select(a => new AssetResource(a.Id, a.Filename, a.Namespace, a.CreatedAt, a.Kind, a.Size) { Duration = a.DurationSeconds }).ToList());
    }

    /// <summary>The file itself, as an attachment under its name; ranges (<c>Range: bytes=...</c>) for players that seek.</summary>
    private static async Task<IResult> Download(Guid roomId, Guid assetId, HttpContext context, EngineGateway engine, IArtifactStore store, ILoggerFactory logs)
    {
        var (room, refused) = await OwnedAsync(roomId, context, engine);
        if (refused is not null)
            return refused;
        if (room!.Assets.FirstOrDefault(a => a.Id == assetId) is not { } asset)
            return Problems.For(ProblemCodes.NotFound, "The room has no such asset.");
        if (await store.OpenReadAsync(asset.StorageKey, context.RequestAborted) is not { } content)
        {
            LogFileMissing(logs.CreateLogger(typeof(AssetsApi)), assetId, roomId, asset.StorageKey);
            return Problems.For(ProblemCodes.NotFound, "The asset's file is missing from the store.");
        }
        return Results.Stream(content, AssetContentTypes.Of(asset.Filename), asset.Filename,
            lastModified: asset.CreatedAt, enableRangeProcessing: true);
    }

    /// <summary>Removes the asset from the room, then its file (a file left by a failure there is logged, never listed).</summary>
    private static async Task<IResult> Delete(Guid roomId, Guid assetId, HttpContext context, EngineGateway engine, IArtifactStore store, ILoggerFactory logs)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<RoomAssetsReply>(new DeleteAsset(roomId, user.Id, user.IsAdmin, assetId), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error, error == ProblemCodes.NotFound ? "No such room, or the room has no such asset." : null);
        foreach (var gone in reply.Assets)
        {
            try
            {
                await store.DeleteAsync(gone.StorageKey, CancellationToken.None);
            }
            catch (IOException e)
            {
                LogFileNotDeleted(logs.CreateLogger(typeof(AssetsApi)), e, gone.StorageKey, assetId);
            }
        }
        return Results.NoContent();
    }

    /// <summary>
    /// The assets of every room the caller owns, a page at a time; <c>sort</c> by <c>created_at</c> (default),
    /// <c>filename</c>, <c>size</c>, <c>namespace</c> or <c>kind</c>, <c>order</c> <c>descending</c> (default) or
    /// <c>ascending</c>, as OpenTalk's.
    /// </summary>
    private static async Task<IResult> ListOwned(HttpContext context, AssetsReader reader, EventsReader events, int? per_page, int? page, string? sort, string? order)
    {
        AssetOrder? by = sort switch
        {
            null or "created_at" => AssetOrder.CreatedAt,
            "filename" => AssetOrder.Filename,
            "size" => AssetOrder.Size,
            "namespace" => AssetOrder.Namespace,
            "kind" => AssetOrder.Kind,
            _ => null,
        };
        if (by is null)
            return Problems.Validation("sort", "Sort by filename, size, namespace, kind or created_at.");
        if (order is not (null or "ascending" or "descending"))
            return Problems.Validation("order", "The order is ascending or descending.");
        var user = CurrentUser.From(context.User)!;
        var (size, number) = PageOf(per_page, page);
        var (rows, total) = await reader.OwnedAsync(user.Id, by.Value, order != "ascending", number, size, context.RequestAborted);
        if (Paging.PageLinks(context.Request, number, size, total) is { } links)
            context.Response.Headers.Link = links;
        var meetings = new Dictionary<Guid, Guid?>();
        foreach (var room in rows.Select(r => r.RoomId).Distinct())
            meetings[room] = await events.EventOfRoomAsync(room, context.RequestAborted);
        return Results.Ok(new UserAssetsResponse(
            [.. rows.Select(a => new UserAssetResource(a.Id, a.Filename, a.Namespace, a.CreatedAt, a.Kind, a.Size, a.RoomId, meetings[a.RoomId])
            {
                Duration = a.DurationSeconds,
            })]));
    }

    private static (int Size, int Number) PageOf(int? perPage, int? page) =>
        (Math.Clamp(perPage ?? Paging.DefaultPageSize, 1, Paging.MaxPageSize), Math.Clamp(page ?? 1, 1, Paging.MaxPage));

    /// <summary>The room's owner and assets, for its owner (or an admin); others get 403, rooms that never existed 404.</summary>
    private static async Task<(RoomAssetsReply? Room, IResult? Problem)> OwnedAsync(Guid roomId, HttpContext context, EngineGateway engine)
    {
        var user = CurrentUser.From(context.User)!;
        var reply = await engine.AskMeetingAsync<RoomAssetsReply>(new GetRoomAssets(roomId), context.RequestAborted);
        if (reply.Error is { } error)
            return (null, Problems.For(error));
        return reply.OwnerId == user.Id || user.IsAdmin ? (reply, null) : (null, Problems.For(ProblemCodes.Forbidden));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The file {Key} of asset {AssetId} in room {RoomId} is missing from the artifact store")]
    private static partial void LogFileMissing(ILogger logger, Guid assetId, Guid roomId, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asset {AssetId} is deleted, but its file {Key} could not be removed")]
    private static partial void LogFileNotDeleted(ILogger logger, Exception error, string key, Guid assetId);
}
