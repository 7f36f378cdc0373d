using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Artifacts;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>
/// A moderator puts a file in the shared folder (<c>POST /v1/rooms/{room id}/shared_folder?token=&amp;filename=</c>): the
/// body streams into the artifact store, never whole in memory. Refused before a byte is read when the caller may not
/// write, the name's type is not taken or <c>Content-Length</c> is over the limit; a body that turns out larger, or whose
/// first bytes are not what its name says, is refused with nothing stored.
/// </summary>
public static partial class SharedFolderUpload
{
    /// <param name="token">The token of the caller's read-write folder link.</param>
    /// <param name="filename">The file's name; its extension says its type (path parts and control characters are dropped).</param>
    public static async Task<IResult> HandleAsync(Guid roomId, HttpContext context, EngineGateway engine, IArtifactStore store,
        IOptions<SharedFolderSettings> settings, ILoggerFactory logs, string? token, string? filename)
    {
        if (SharedFolderFiles.Sanitize(filename) is not { } name)
            return Problems.Validation("filename", "The file name is required: a name, without folders.");
        if (!SharedFolderFiles.IsAllowedName(name))
            return Problems.For(ProblemCodes.UnsupportedMediaType, SharedFolderFiles.Allowed);
        var caller = SharedFolderApi.CallerOf(context, token);
        var folder = await engine.AskMeetingAsync<SharedFolderReply>(new GetSharedFolder(roomId, caller, Write: true), context.RequestAborted);
        if (folder.Error is not null)
            return SharedFolderApi.Refusal(folder);

        var limit = settings.Value.MaxFileBytes;
        if (context.Request.ContentLength > limit)
            return TooLarge(limit);
        // Kestrel stops a body (chunked, or longer than it said) at this limit: reading it then throws, and the store keeps nothing.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limit;

        var assetId = Guid.NewGuid();
        var key = ArtifactKeys.ForAsset(roomId, assetId);
        long size;
        try
        {
            var head = new byte[SharedFolderFiles.SniffBytes];
            var read = await context.Request.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, context.RequestAborted);
            if (!SharedFolderFiles.Matches(name, head.AsSpan(0, read), complete: read < head.Length))
                return Problems.For(ProblemCodes.UnsupportedMediaType,
                    $"The file's content is not what its name ({Path.GetExtension(name)}) says, or it is a program. {SharedFolderFiles.Allowed}");
            size = await store.WriteAsync(key, new PrefixedStream(head.AsMemory(0, read), context.Request.Body), context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        var reply = await engine.AskMeetingAsync<SharedFolderReply>(
            new AddSharedFile(roomId, caller, new RoomAsset(assetId, name, SharedFolderModule.Namespace, SharedFolderModule.Kind, size, null, key, null, default)),
            CancellationToken.None);
        if (reply.Error is not null)
        {
            // The uploader left or lost the role while the file came in: nothing of it stays.
            await store.DeleteAsync(key, CancellationToken.None);
            return SharedFolderApi.Refusal(reply);
        }
        if (logs.CreateLogger(typeof(SharedFolderUpload)) is var log && log.IsEnabled(LogLevel.Information))
            LogStored(log, assetId, roomId, size);
        return Results.Created($"/v1/rooms/{roomId}/shared_folder/{assetId}", SharedFolderApi.ToResource(reply.Files[0]));
    }

    private static IResult TooLarge(long limit) =>
        Problems.For(ProblemCodes.BodyTooLarge, $"A file in the shared folder has at most {limit} bytes ({limit / 1_000_000} MB).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored shared file {AssetId} of room {RoomId}: {Size} bytes")]
    private static partial void LogStored(ILogger logger, Guid assetId, Guid roomId, long size);
}
