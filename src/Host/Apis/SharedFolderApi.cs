using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Artifacts;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// (ours) A room's shared folder, <c>/v1/rooms/{room id}/shared_folder</c>: everyone in the meeting lists and downloads
/// its files, moderators add, rename and delete them. The caller is the bearer of the <c>token</c> in their folder link
/// (the meeting checks it is theirs and what they may do now), or the room's owner signed in. The files are the room's
/// assets, so the owner keeps them (<c>/v1/rooms/{room id}/assets</c>) after the meeting.
/// </summary>
public static partial class SharedFolderApi
{
    public static IEndpointRouteBuilder MapSharedFolderApi(this IEndpointRouteBuilder app)
    {
        var folder = app.MapGroup("/v1/rooms/{roomId:guid}/shared_folder").AllowAnonymous();
        folder.MapGet("/", List).Returns<SharedFolderResponse>();
        // Query: token, filename; the body is the file, of any content type (its name and first bytes say what it is).
        folder.MapPost("/", SharedFolderUpload.HandleAsync).TakesFile(AssetContentTypes.Bytes, "*/*")
            .Returns<SharedFileResource>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        folder.MapGet("/{assetId:guid}", Download).ReturnsFile(SharedFolderFiles.ContentTypes);
        folder.MapPatch("/{assetId:guid}", Rename).Takes<SharedFileRename>().Returns<SharedFileResource>();
        folder.MapDelete("/{assetId:guid}", Delete).ReturnsNothing();
        return app;
    }

    /// <summary>Who asks: the token of a folder link, or the signed-in account (the room's owner, an admin).</summary>
    internal static FolderCaller CallerOf(HttpContext context, string? token)
    {
        var user = CurrentUser.From(context.User);
        return new FolderCaller(string.IsNullOrEmpty(token) ? null : token, user?.Id, user?.IsAdmin == true);
    }

    internal static IResult Refusal(SharedFolderReply reply) => Problems.For(reply.Error!, reply.Detail);

    internal static SharedFileResource ToResource(RoomAsset file) =>
        new(file.Id, file.Filename, file.Size, SharedFolderFiles.ContentTypeOf(file.Filename), file.CreatedAt);

    /// <param name="token">The token of the caller's folder link (not needed by the room's owner, signed in).</param>
    private static async Task<IResult> List(Guid roomId, HttpContext context, EngineGateway engine, string? token)
    {
        var reply = await engine.AskMeetingAsync<SharedFolderReply>(new GetSharedFolder(roomId, CallerOf(context, token), Write: false), context.RequestAborted);
        return reply.Error is null ? Results.Ok(new SharedFolderResponse([.. reply.Files.Select(ToResource)], reply.CanWrite)) : Refusal(reply);
    }

    /// <summary>The file, as an attachment under its name (never shown inline); ranges for resumed downloads.</summary>
    /// <param name="token">The token of the caller's folder link.</param>
    private static async Task<IResult> Download(Guid roomId, Guid assetId, HttpContext context, EngineGateway engine, IArtifactStore store,
        ILoggerFactory logs, string? token)
    {
        var reply = await engine.AskMeetingAsync<SharedFolderReply>(new GetSharedFolder(roomId, CallerOf(context, token), Write: false), context.RequestAborted);
        if (reply.Error is not null)
            return Refusal(reply);
        if (reply.Files.FirstOrDefault(f => f.Id == assetId) is not { } file)
            return Problems.For(ProblemCodes.NotFound, "The shared folder has no such file.");
        if (await store.OpenReadAsync(file.StorageKey, context.RequestAborted) is not { } content)
        {
            LogFileMissing(logs.CreateLogger(typeof(SharedFolderApi)), assetId, roomId, file.StorageKey);
            return Problems.For(ProblemCodes.NotFound, "The file is missing from the store.");
        }
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(content, SharedFolderFiles.ContentTypeOf(file.Filename), file.Filename, lastModified: file.CreatedAt, enableRangeProcessing: true);
    }

    /// <summary>A new name for a file (moderators); it keeps its extension, so its type stays what was checked.</summary>
    /// <param name="token">The token of the caller's read-write folder link.</param>
    private static async Task<IResult> Rename(Guid roomId, Guid assetId, HttpContext context, EngineGateway engine, string? token)
    {
        var (body, unreadable) = await Problems.ReadBodyAsync<SharedFileRename>(context.Request);
        if (unreadable is not null)
            return unreadable;
        if (SharedFolderFiles.Sanitize(body!.Filename) is not { } filename)
            return Problems.Validation("filename", "The new name is required: a file name, without folders.");
        var caller = CallerOf(context, token);
        var folder = await engine.AskMeetingAsync<SharedFolderReply>(new GetSharedFolder(roomId, caller, Write: true), context.RequestAborted);
        if (folder.Error is not null)
            return Refusal(folder);
        if (folder.Files.FirstOrDefault(f => f.Id == assetId) is not { } file)
            return Problems.For(ProblemCodes.NotFound, "The shared folder has no such file.");
        if (!string.Equals(Path.GetExtension(filename), Path.GetExtension(file.Filename), StringComparison.OrdinalIgnoreCase))
            return Problems.Validation("filename", $"A file keeps its type when renamed: the new name ends in {Path.GetExtension(file.Filename)} too.");
        var reply = await engine.AskMeetingAsync<SharedFolderReply>(new RenameSharedFile(roomId, caller, assetId, filename), context.RequestAborted);
        return reply.Error is null ? Results.Ok(ToResource(reply.Files[0])) : Refusal(reply);
    }

    /// <summary>Removes the file from the folder (moderators), then its stored bytes.</summary>
    /// <param name="token">The token of the caller's read-write folder link.</param>
    private static async Task<IResult> Delete(Guid roomId, Guid assetId, HttpContext context, EngineGateway engine, IArtifactStore store,
        ILoggerFactory logs, string? token)
    {
        var reply = await engine.AskMeetingAsync<SharedFolderReply>(new DeleteSharedFile(roomId, CallerOf(context, token), assetId), context.RequestAborted);
        if (reply.Error is not null)
            return Refusal(reply);
        foreach (var gone in reply.Files)
        {
            try
            {
                await store.DeleteAsync(gone.StorageKey, CancellationToken.None);
            }
            catch (IOException e)
            {
                LogFileNotDeleted(logs.CreateLogger(typeof(SharedFolderApi)), e, gone.StorageKey, assetId);
            }
        }
        return Results.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The file {Key} of shared file {AssetId} in room {RoomId} is missing from the artifact store")]
    private static partial void LogFileMissing(ILogger logger, Guid assetId, Guid roomId, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared file {AssetId} is deleted, but its file {Key} could not be removed")]
    private static partial void LogFileNotDeleted(ILogger logger, Exception error, string key, Guid assetId);
}
